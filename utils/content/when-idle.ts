/**
 * Wait for the document, then for an idle moment, so that the first scan never competes with the
 * page's own start.
 *
 * "The document" is readyState leaving "loading", watched through readystatechange rather than
 * DOMContentLoaded: a script that navigates while the page is still being parsed (AliExpress'
 * x5referer page calls location.replace in its body) stops the parser, and when that navigation
 * then brings no new document (a 204, a cancelled download), Chromium sets readyState straight to
 * "complete" without ever firing DOMContentLoaded. Waiting for DOMContentLoaded left such a page
 * unscanned until it was left.
 */
export interface IdleHost {
  readonly document: Pick<Document, 'readyState' | 'addEventListener' | 'removeEventListener'>;
  requestIdleCallback?: (fn: () => void, opts?: { timeout?: number }) => unknown;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

export function whenIdle(host: IdleHost): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if (host.requestIdleCallback) host.requestIdleCallback(() => resolve(), { timeout: 1000 });
      else host.setTimeout(resolve, 50);
    });
  const doc = host.document;
  if (doc.readyState !== 'loading') return idle();
  return new Promise((resolve) => {
    const ready = () => {
      if (doc.readyState === 'loading') return;
      doc.removeEventListener('readystatechange', ready);
      void idle().then(resolve);
    };
    doc.addEventListener('readystatechange', ready);
  });
}
