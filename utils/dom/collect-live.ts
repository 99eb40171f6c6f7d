import type { Segment } from '../detect/types';
import { DIALOG_MAX_CHARS, DIALOG_SELECTOR, HEADING_SELECTOR, MAX_REGIONS } from './regions';

/**
 * Visible text of a live page (content script). The body is read once with `innerText`,
 * which already leaves out scripts, styles, templates and hidden elements; headings and
 * dialogs are read again, bounded, so that a notice that is the page's main content weighs more.
 * Layout-reading calls happen here, never inside a MutationObserver callback.
 */
export function visible(el: Element): boolean {
  const e = el as HTMLElement;
  if (typeof e.checkVisibility === 'function') return e.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions);
  return e.getClientRects().length > 0;
}

function regionSegments(root: Document | ShadowRoot, selector: string, where: Segment['where'], out: Segment[]): void {
  const found = root.querySelectorAll(selector);
  const n = Math.min(found.length, MAX_REGIONS);
  for (let i = 0; i < n; i++) {
    const el = found[i] as HTMLElement;
    // textContent is cheap and bounds the work before any layout is read.
    const raw = el.textContent ?? '';
    if (raw.trim().length === 0 || raw.length > DIALOG_MAX_CHARS * 4) continue;
    if (!visible(el)) continue;
    const text = el.innerText ?? raw;
    if (text.length > 0 && text.length <= DIALOG_MAX_CHARS) out.push({ where, text });
  }
}

function shadowRootsOf(root: Document | ShadowRoot, out: ShadowRoot[]): void {
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const sr = all[i]!.shadowRoot;
    if (sr) {
      out.push(sr);
      shadowRootsOf(sr, out);
    }
  }
}

function shadowText(sr: ShadowRoot): string {
  const parts: string[] = [];
  for (const child of Array.from(sr.children)) {
    const t = (child as HTMLElement).innerText;
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

export function collectLiveSegments(doc: Document, depth = 0): Segment[] {
  const out: Segment[] = [];
  if (doc.title) out.push({ where: 'title', text: doc.title });
  regionSegments(doc, HEADING_SELECTOR, 'title', out);
  regionSegments(doc, DIALOG_SELECTOR, 'dialog', out);
  const body = doc.body;
  if (body) out.push({ where: 'text', text: body.innerText ?? '' });

  const roots: ShadowRoot[] = [];
  shadowRootsOf(doc, roots);
  for (const sr of roots) {
    regionSegments(sr, HEADING_SELECTOR, 'title', out);
    regionSegments(sr, DIALOG_SELECTOR, 'dialog', out);
    const t = shadowText(sr);
    if (t) out.push({ where: 'text', text: t });
  }

  if (depth < 2) {
    for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        inner = null;
      }
      if (inner?.body && visible(frame)) out.push(...collectLiveSegments(inner, depth + 1).filter((s) => s.text));
    }
  }
  return out;
}
