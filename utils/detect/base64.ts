/**
 * Base64 for the data the build ships (the fold tables, the phrase automata, the model's weights).
 * Decoding runs in every tab on the content script's first scan: the engine's own
 * `Uint8Array.fromBase64` (Chromium 140, Firefox 133) decodes in native code; elsewhere (Node 20,
 * the CLI and the tests) a loop over `atob` gives the same bytes. Typed-array views of the bytes
 * read them in the platform's byte order, little-endian wherever Shutout runs, as they were written.
 */
type NativeBase64 = { fromBase64?: (s: string) => Uint8Array };

export function bytesFromBase64(b64: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native(b64);
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The bytes of a typed array (its own span of its buffer). */
export const bytesOfView = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
