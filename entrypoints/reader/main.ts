/**
 * The page reader (utils/reader/protocol.ts): Chromium's offscreen document, or a frame of Firefox's
 * background page, that reads HTML for the background. It
 * answers only the extension's own worker, and only messages marked for it: every other runtime
 * message (a content script's report) is left to the background.
 */
import { browser } from 'wxt/browser';
import { isReaderRequest, type ReaderAnswer } from '../../utils/reader/protocol';
import { answerReader, parseWithDomParser } from '../../utils/reader/read';

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<ReaderAnswer> | undefined => {
  if (!isReaderRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return new Promise<ReaderAnswer>((resolve) => {
    try {
      resolve({ ok: true, value: answerReader(message, parseWithDomParser) });
    } catch (e) {
      resolve({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
