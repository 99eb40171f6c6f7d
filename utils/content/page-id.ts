/**
 * A page load's id (a UUID v4). Not `crypto.randomUUID()`: it exists only in secure contexts, and
 * a content script on an http:// page runs in an insecure one, where it is undefined — the page
 * was never scanned (issue 15: "the browser and the command line disagree on an http:// page").
 * `crypto.getRandomValues` is available in every context.
 */
export function newPageId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
