import htmlEncodingSniffer from 'html-encoding-sniffer';

/**
 * The text of a saved page as a browser would decode it: a BOM first, then the encoding a
 * transport header named (MHTML parts, HAR responses), then `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1024 bytes (the HTML Standard's prescan, by
 * html-encoding-sniffer), else UTF-8 — what saved pages mostly are, where browsers would guess.
 * Decoding is Node's TextDecoder (GBK, GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, UTF-16…).
 */
/** Text that is not HTML (JSON, JSONP, text dumps): by its BOM, else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

export function decodeHtml(bytes: Uint8Array, transportLabel?: string): string {
  let encoding: string;
  try {
    encoding = htmlEncodingSniffer(bytes, { defaultEncoding: 'UTF-8', ...(transportLabel ? { transportLayerEncodingLabel: transportLabel } : {}) });
  } catch {
    encoding = 'UTF-8';
  }
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // A label this Node's ICU cannot decode (x-user-defined…): UTF-8 loses the least.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
