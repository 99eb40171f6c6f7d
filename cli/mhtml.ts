import { decodeHtml } from './decode';

/**
 * Chrome's "Webpage, Single File" (.mhtml): a MIME multipart/related message whose first
 * text/html part is the page. Returns its HTML and URL (Snapshot-Content-Location or the
 * part's Content-Location).
 */
export interface MhtmlPage {
  html: string;
  url: string | null;
}

function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return m?.[1]?.trim();
}

/** `text` holds one byte per character (the file read as latin1). */
function decodeQuotedPrintable(text: string): Uint8Array {
  const unfolded = text.replace(/=\r?\n/g, '');
  const out = new Uint8Array(unfolded.length);
  let n = 0;
  for (let i = 0; i < unfolded.length; i++) {
    const c = unfolded.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      out[n++] = parseInt(unfolded.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

function decodePart(body: string, encoding: string | undefined, charset: string | undefined): string {
  const enc = (encoding ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (enc === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (enc === 'base64') bytes = Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  else bytes = Uint8Array.from(Buffer.from(body, 'latin1')); // 7bit, 8bit, binary
  return decodeHtml(bytes, charset);
}

/** `raw` is the file read as latin1: one character per byte, decoded per part by its charset. */
export function parseMhtml(raw: string): MhtmlPage {
  const split = raw.search(/\r?\n\r?\n/);
  if (split < 0) throw new Error('not an MHTML file: no MIME header');
  const top = raw.slice(0, split);
  const contentType = headerValue(top, 'Content-Type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/multipart\/related/i.test(contentType) || !boundary) throw new Error('not an MHTML file: no multipart/related boundary');
  const snapshotUrl = headerValue(top, 'Snapshot-Content-Location') ?? null;
  const parts = raw.split(`--${boundary}`).slice(1);
  for (const part of parts) {
    if (part.startsWith('--')) break;
    const at = part.search(/\r?\n\r?\n/);
    if (at < 0) continue;
    const headers = part.slice(0, at);
    const type = headerValue(headers, 'Content-Type') ?? '';
    if (!/text\/html/i.test(type)) continue;
    const charset = /charset="?([^";]+)"?/i.exec(type)?.[1];
    const body = part.slice(at).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    const html = decodePart(body, headerValue(headers, 'Content-Transfer-Encoding'), charset);
    return { html, url: snapshotUrl ?? headerValue(headers, 'Content-Location') ?? null };
  }
  throw new Error('MHTML file has no text/html part');
}
