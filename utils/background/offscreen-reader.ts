/**
 * The page reader (utils/reader) as Chromium's service worker reaches it: an offscreen document
 * (entrypoints/reader), made when a request needs it and closed when none has come for a while.
 * Each request is one runtime message; the document answers only messages marked for it.
 */
import { readerOf, type PageReader, type ReaderAnswer, type ReaderRequest } from '../reader/protocol';

/** The parts of chrome.offscreen and chrome.runtime this uses (Chromium 116+). */
export interface OffscreenApis {
  hasDocument(url: string): Promise<boolean>;
  createDocument(url: string): Promise<void>;
  closeDocument(): Promise<void>;
  send(message: ReaderRequest): Promise<unknown>;
  /** The document's URL (runtime.getURL). */
  url: string;
}

/**
 * Idle time after which the document is closed (it holds a renderer's memory). Shorter than the
 * 30 s after which the browser stops an idle worker, whose timer would then never fire.
 */
export const READER_IDLE_MS = 10_000;

export function offscreenReader(apis: OffscreenApis, idleMs = READER_IDLE_MS): PageReader {
  let opening: Promise<void> | null = null;
  let busy = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A document that a stopped worker left open (its idle timer died with it) is closed at start.
  const stale = apis
    .hasDocument(apis.url)
    .then((open) => (open ? apis.closeDocument() : undefined))
    .catch(() => {});

  const open = async () => {
    await stale;
    if (await apis.hasDocument(apis.url)) return;
    // Two requests at once must not make two documents (Chromium allows one).
    opening ??= apis.createDocument(apis.url).finally(() => (opening = null));
    await opening;
  };

  const ask = async (message: ReaderRequest): Promise<unknown> => {
    busy++;
    clearTimeout(timer);
    try {
      await open();
      const answer = (await apis.send(message)) as ReaderAnswer | undefined;
      if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new Error('the page reader did not answer');
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    } finally {
      if (--busy === 0) timer = setTimeout(() => void apis.closeDocument().catch(() => {}), idleMs);
    }
  };

  return readerOf(ask);
}
