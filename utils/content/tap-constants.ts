/** The tap's message and event names and size bounds: shared by the tap, the bootstrap and the watch script, with no other code. */
export const TAP_SOURCE = 'shutout-tap';
/** Dispatched on document by the tap when the page first attaches an open shadow root. */
export const TAP_SHADOW_EVENT = 'shutout-tap-shadow';
/** Responses larger than this are not read at all; this much of a body is scanned. */
export const TAP_MAX_READ = 512 * 1024;
export const TAP_MAX_BODY = 64 * 1024;
/** The longest API URL a tap message may name. */
export const TAP_MAX_URL = 4096;
