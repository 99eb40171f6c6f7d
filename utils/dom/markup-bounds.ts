/**
 * Bounds on markup before linkedom parses it. Its parser (htmlparser2) keeps open elements in an
 * array it `unshift`s, so each unclosed level costs a copy of all the others: 200,000 nested
 * unclosed tags took 75 s. Browsers cap the tree's depth (Chromium at 512 levels: deeper
 * elements are attached at that depth); here the start tags beyond the cap are dropped, with their
 * end tags, and their text stays where it was, at the deepest level kept. One linear pass over the
 * text decides; a page within the bounds is returned unchanged.
 */
/** An input that cannot be read (too many elements here; cli/read-input.ts for files); its message is the one-line reason. */
export class UnreadableFile extends Error {}

/** Chromium's kMaximumHTMLParserDOMTreeDepth. */
export const MAX_DEPTH = 512;
/**
 * Five times the 100k-node benchmark page (101,000 elements); linkedom needs about 5 s and
 * 450 MB for 500,000 elements, and grows faster than linearly beyond.
 */
export const MAX_ELEMENTS = 500_000;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Elements whose content is text up to their end tag: htmlparser2's special tags, no more (were
 * this set wider than the parser's, tags it builds would go uncounted here).
 */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const endsName = (c: number) => isSpace(c) || c === 0x2f || c === 0x3e;
const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]));

/** The index just after the `>` that ends the tag whose attributes start at `i` (quoted values may hold `>`). */
function tagEnd(html: string, i: number): number {
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return i + 1;
    if (c === 0x3d) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 0x22 || q === 0x27) {
        const close = html.indexOf(html[i]!, i + 1);
        if (close < 0) return n;
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return n;
}

/** `html` with its element depth at most MAX_DEPTH; throws UnreadableFile above MAX_ELEMENTS. */
export function boundMarkup(html: string): string {
  // The open elements as this pass sees them. It applies no implied end tags (`<p>` closing a
  // `<p>`), so its depth is never below htmlparser2's: dropping what lies beyond the cap here
  // bounds the parser's depth too.
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const dropped = new Map<string, number>();
  let foreign = 0;
  let elements = 0;
  const cuts: Array<[number, number]> = [];
  const n = html.length;
  let i = 0;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + (html.startsWith('<!--', lt) ? 3 : 1);
      continue;
    }
    const closing = next === 0x2f;
    const nameStart = lt + (closing ? 2 : 1);
    if (!isLetter(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < n && !endsName(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    i = end;
    if (closing) {
      if ((openCount.get(name) ?? 0) > 0) {
        for (;;) {
          const top = stack.pop()!;
          openCount.set(top, openCount.get(top)! - 1);
          if (FOREIGN.has(top)) foreign--;
          if (top === name) break;
        }
      } else if ((dropped.get(name) ?? 0) > 0) {
        dropped.set(name, dropped.get(name)! - 1);
        cuts.push([lt, end]);
      }
      continue;
    }
    if (++elements > MAX_ELEMENTS) throw new UnreadableFile(`more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements; not scanned`);
    const selfClosing = html.charCodeAt(end - 2) === 0x2f;
    if (RAW_TEXT.has(name) && !selfClosing) {
      const closeTag = RAW_TEXT_END.get(name)!;
      closeTag.lastIndex = end;
      const m = closeTag.exec(html);
      i = m ? m.index : n;
      continue;
    }
    if (VOID.has(name) || (selfClosing && foreign > 0)) continue;
    if (stack.length >= MAX_DEPTH) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([lt, end]);
      continue;
    }
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [a, b] of cuts) {
    parts.push(html.slice(from, a));
    from = b;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
