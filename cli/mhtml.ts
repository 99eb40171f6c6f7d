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

function decodeQuotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      out.push(...new TextEncoder().encode(text[i]!));
    }
  }
  return Uint8Array.from(out);
}

function decodePart(body: string, encoding: string | undefined, charset: string): string {
  const enc = (encoding ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (enc === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (enc === 'base64') bytes = Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  else return body;
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

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
    const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
    const body = part.slice(at).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    const html = decodePart(body, headerValue(headers, 'Content-Transfer-Encoding'), charset);
    return { html, url: snapshotUrl ?? headerValue(headers, 'Content-Location') ?? null };
  }
  throw new Error('MHTML file has no text/html part');
}
