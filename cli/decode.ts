import { isUtf8 } from 'node:buffer';
import htmlEncodingSniffer from 'html-encoding-sniffer';

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // A label this Node's ICU cannot decode (x-user-defined…): UTF-8 loses the least.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A UTF-8 lead byte read as Latin-1, then a continuation byte: "Ð\u009f" is "П" decoded once too often. */
const MOJIBAKE_PAIR = /[\u00c2-\u00f4][\u0080-\u00bf]/g;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * A page a scraper decoded as Latin-1 and saved again as UTF-8 ("ÐÐ¾ÑÑÐ¸ Ð³Ð¾ÑÐ¾Ð²Ð¾" for "Почти готово"):
 * the original text, when every character fits in one byte, those bytes are valid UTF-8 and they hold
 * several multi-byte characters. Real Latin-1 text ("café", "Größe") is no valid UTF-8 once
 * re-encoded, so it stays as it is.
 */
export function undoMojibake(text: string): string {
  if (BEYOND_LATIN1.test(text)) return text;
  const pairs = text.match(MOJIBAKE_PAIR)?.length ?? 0;
  if (pairs < 4) return text;
  const bytes = Buffer.from(text, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : text;
}

/** Text that is not HTML (JSON, JSONP, text dumps): by its BOM, else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  return undoMojibake(decode(bytes, bomEncoding(bytes) ?? 'utf-8'));
}

/**
 * The text of a saved page: a BOM first; then UTF-8 whenever the bytes are valid UTF-8 (tools
 * re-save pages as UTF-8 and leave `<meta charset="gbk">` in place, and GBK text is practically
 * never valid UTF-8); else the encoding a transport header named (MHTML parts) or
 * `<meta charset>` / `<meta http-equiv="Content-Type">` in the first 1024 bytes (the HTML
 * Standard's prescan, by html-encoding-sniffer); else GB18030, the legacy encoding of most pages
 * Shutout reads (a superset of GBK and GB2312). Decoding is Node's TextDecoder (GBK, GB18030,
 * Big5, Shift_JIS, EUC-JP, EUC-KR, UTF-16…).
 */
export function decodeHtml(bytes: Uint8Array, transportLabel?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return decode(bytes, bom);
  if (isUtf8(bytes)) return undoMojibake(decode(bytes, 'utf-8'));
  let encoding: string;
  try {
    encoding = htmlEncodingSniffer(bytes, { defaultEncoding: 'GB18030', ...(transportLabel ? { transportLayerEncodingLabel: transportLabel } : {}) });
  } catch {
    encoding = 'GB18030';
  }
  return decode(bytes, encoding);
}
