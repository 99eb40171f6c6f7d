/**
 * Redaction for exports meant for sharing (docs/evidence-format.md, "Redaction"). Everything that
 * identifies the person is masked: phone numbers (mobile and landline), e-mail addresses, order
 * numbers, labelled addresses and recipient names, user names and every query value that is not
 * on an allow-list of harmless parameters (tokens, sessions, nested URLs), the profile label and
 * imported file names. Full-width and percent- or entity-encoded forms are caught too.
 *
 * Each masked value gets a placeholder that is unique within one export (`[phone-1]`,
 * `[phone-2]`; the same number twice is `[phone-1]` twice), so a reader can still tell repeats
 * apart. What it cannot catch: names and addresses written as free text without a label.
 */
export type RedactionKind = 'phone' | 'email' | 'order' | 'user' | 'token' | 'address' | 'name' | 'profile' | 'file';

export const REDACTION_KINDS: readonly RedactionKind[] = ['phone', 'email', 'order', 'user', 'token', 'address', 'name', 'profile', 'file'];

export interface RedactionReport {
  applied: boolean;
  fields: string[];
  counts: Record<RedactionKind, number>;
}

export function emptyReport(): RedactionReport {
  return { applied: false, fields: [], counts: Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as Record<RedactionKind, number> };
}

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space folded to ASCII, one code unit for one, so match offsets stay valid. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? ' ' : text[i];
  }
  return out;
}

const AT = String.raw`(?:@|%40|&#0*64;|&#x0*40;|\s?\[at\]\s?|\s?\(at\)\s?)`;
const DOT = String.raw`(?:\.|%2e|&#0*46;|\s?\[dot\]\s?|\s?\(dot\)\s?)`;
const EMAIL = new RegExp(String.raw`[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}[A-Za-z]{2,}`, 'gi');
// Mainland mobiles (with +86, spaces, dots or dashes), international numbers written with a +.
const MOBILE = /(?<![\d*])(?:\+?86[-\s.]?)?1[3-9]\d[-\s.]?\d{4}[-\s.]?\d{4}(?!\d)|\+\d{1,3}[-\s.]?\(?\d{1,4}\)?(?:[-\s.]?\d{2,4}){2,4}(?!\d)/g;
// Landlines: Chinese area code + 7–8 digits, hotlines 400/800, North American (206) 266-1000.
const LANDLINE = /(?<![\d-])(?:\(0\d{2,3}\)\s?|0\d{2,3}[-\s])\d{3,4}[-\s]?\d{4}(?![\d-])|(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)|(?<!\d)\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])/g;
const ORDER_LABELLED = /(?:订单号|订单编号|訂單編號|訂單號|运单号|快递单号|order\s*(?:no\.?|number|id|#))\s*[:：#]?\s*([A-Z0-9-]{6,})/gi;
const LONG_DIGITS = /(?<!\d)\d{15,}(?!\d)/g;
// Labelled addresses and names: the label stays, the value up to the next separator goes.
const ADDRESS_LABELLED = /(?:收货地址|收件地址|详细地址|配送地址|地址|address)\s*[:：]\s*([^，,。；;\n|]{2,80})/gi;
const NAME_LABELLED = /(?:收货人|收件人|联系人|姓名|真实姓名|recipient|consignee|full\s*name)\s*[:：]\s*([^\s，,。；;|:：]{1,30})/gi;
// Addresses written out: province/city/district … road … number.
const ADDRESS_CN = /[\u4e00-\u9fa5]{2,7}(?:省|自治区|市)[\u4e00-\u9fa5]{0,10}?(?:市|区|县|州)[\u4e00-\u9fa5A-Za-z0-9-]{0,20}?(?:路|街|道|巷|弄|村|里)[\u4e00-\u9fa5A-Za-z0-9-]{0,12}?(?:号|室|栋|幢|楼|单元)/g;
const ADDRESS_EN = /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way)\b\.?(?:,?\s*(?:Apt|Suite|Unit)\s*\w+)?/g;

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

function spans(folded: string): Span[] {
  const out: Span[] = [];
  const add = (re: RegExp, kind: RedactionKind, group = 0) => {
    for (const m of folded.matchAll(re)) {
      const text = m[group]!;
      const start = m.index! + (group ? m[0].lastIndexOf(text) : 0);
      out.push({ start, end: start + text.length, kind });
    }
  };
  add(EMAIL, 'email');
  add(ORDER_LABELLED, 'order', 1);
  add(ADDRESS_LABELLED, 'address', 1);
  add(NAME_LABELLED, 'name', 1);
  add(ADDRESS_CN, 'address');
  add(ADDRESS_EN, 'address');
  add(MOBILE, 'phone');
  add(LANDLINE, 'phone');
  add(LONG_DIGITS, 'order');
  // Earliest first, the longest of those that start together; overlapping later spans are dropped.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of out) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
  return kept;
}

// Query parameters whose values are harmless: item and shop ids, search words, paging, tracking
// codes that name a page position rather than a person. Every other value is masked.
const HARMLESS_PARAMS = new Set([
  'id', 'itemid', 'item_id', 'skuid', 'sku', 'sku_id', 'shopid', 'shop_id', 'spuid', 'productid', 'product_id', 'goods_id', 'goodsid', 'asin',
  'q', 'query', 'keyword', 'keywords', 'k', 'wd', 'search', 'cat', 'cid', 'category', 'categoryid', 'brand',
  'page', 'p', 'pn', 'pagesize', 'sort', 'tab', 'type', 'lang', 'locale', 'hl', 'ie', 'spm', 'scm',
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'from', 'source', 'channel', 'ref', 'ref_', 'th', 'psc',
]);
const USER_PARAMS = /^(?:nick|nickname|_nk_|tracknick|user|username|user_?name|userid|user_?id|uid|account|login|member|memberid|buyer|buyernick|seller_?nick|email|mobile|phone)$/i;
const USER_PATH_PREFIX = /^(?:u|user|users|profile|people|member|shop_?owner|@)$/i;
// Path segments after a user-ish prefix that are pages, not names: login.jhtml, settings, index.
const PAGE_SEGMENT = /\.[a-z]{2,6}$|^(?:login|logout|register|signin|signup|index|home|settings|center|list|search|help)$/i;
const NESTED_URL = /^(?:https?:\/\/|\/\/)/i;
// A URL, or a query string, quoted in page text (a network notice, a redirect shown on the page).
const EMBEDDED_URL = /https?:\/\/[^\s"'<>，。；、）)]+/gi;
const QUERY_PAIR = /([?&])([A-Za-z_][\w.-]{0,40})=([^\s&#"'<>，。；、）)]*)/g;

function decodeFully(v: string): string {
  let cur = v;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur.replace(/\+/g, ' '));
    } catch {
      return cur;
    }
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

/** Masks values in exports; one instance per export, so placeholders are unique and stable within it. */
export class Redactor {
  readonly report: RedactionReport = emptyReport();
  private numbers = new Map<string, string>();

  private placeholder(kind: RedactionKind, value: string): string {
    const key = `${kind}\u0000${value}`;
    let p = this.numbers.get(key);
    if (!p) {
      this.report.counts[kind]++;
      p = `[${kind}-${this.report.counts[kind]}]`;
      this.numbers.set(key, p);
    }
    return p;
  }

  /** Free text: URLs and query strings quoted in it, phones, e-mails, orders, labelled addresses and names. */
  text(input: string): string {
    const text = input
      .replace(EMBEDDED_URL, (u) => this.url(u))
      .replace(QUERY_PAIR, (m, sep: string, name: string, value: string) => (value.startsWith('[') ? m : `${sep}${name}=${this.param(decodeFully(name), value)}`));
    const found = spans(fold(text));
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const s of found) {
      const value = text.slice(s.start, s.end);
      out += text.slice(at, s.start) + this.placeholder(s.kind, fold(value).replace(/[\s.()-]/g, ''));
      at = s.end;
    }
    return out + text.slice(at);
  }

  /** A value that identifies someone as a whole (a profile label, a file name). */
  whole(kind: RedactionKind, value: string): string {
    return value ? this.placeholder(kind, value) : value;
  }

  private param(name: string, raw: string): string {
    if (raw === '') return raw;
    const decoded = decodeFully(raw);
    if (NESTED_URL.test(decoded)) return encodeURIComponent(this.url(decoded));
    if (USER_PARAMS.test(name)) return this.placeholder('user', decoded);
    if (!HARMLESS_PARAMS.has(name.toLowerCase())) return this.placeholder('token', decoded);
    const t = this.text(decoded);
    return t === decoded ? raw : encodeURIComponent(t);
  }

  /** `a=1&b=2` with each value judged by its name; names and separators kept as they were. */
  private query(q: string): string {
    return q
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair.length > 24 ? this.placeholder('token', pair) : this.text(pair);
        const name = decodeFully(pair.slice(0, eq));
        return `${pair.slice(0, eq + 1)}${this.param(name, pair.slice(eq + 1))}`;
      })
      .join('&');
  }

  /** A URL: credentials dropped, user names in profile paths, query and fragment values judged one by one. */
  url(url: string): string {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return this.text(url);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return this.text(url);
    const segments = u.pathname.split('/');
    for (let i = 1; i < segments.length; i++) {
      if (USER_PATH_PREFIX.test(decodeFully(segments[i - 1]!)) && segments[i] && !PAGE_SEGMENT.test(segments[i]!)) segments[i] = this.placeholder('user', decodeFully(segments[i]!));
      else segments[i] = this.text(segments[i]!);
    }
    const search = u.search ? `?${this.query(u.search.slice(1))}` : '';
    let hash = u.hash.slice(1);
    if (hash) {
      // Fragments carry tokens too: #access_token=…, or a router path with its own query.
      const qAt = hash.indexOf('?');
      if (qAt >= 0) hash = `${this.text(hash.slice(0, qAt))}?${this.query(hash.slice(qAt + 1))}`;
      else if (hash.includes('=')) hash = this.query(hash);
      else hash = hash.length > 40 ? this.placeholder('token', hash) : this.text(hash);
    }
    const port = u.port ? `:${u.port}` : '';
    return `${u.protocol}//${u.hostname}${port}${segments.join('/')}${search}${hash ? `#${hash}` : ''}`;
  }

  /** `baseline|baselineName|offer`: the other profile's label is a label like ours. */
  subject(subject: string): string {
    const parts = subject.split('|');
    if (parts.length >= 3) return [this.text(parts[0]!), this.whole('profile', parts[1]!), ...parts.slice(2).map((p) => this.text(p))].join('|');
    return this.text(subject);
  }

  /** `pageId|kind|subject`. */
  key(key: string): string {
    const parts = key.split('|');
    if (parts.length <= 2) return key;
    return `${parts[0]}|${parts[1]}|${this.subject(parts.slice(2).join('|'))}`;
  }

  /** One field of a finding, capture or amendment by its name; fields not named here are never personal. */
  field(name: string, value: unknown): unknown {
    if (typeof value !== 'string') return value;
    switch (name) {
      case 'pageUrl':
      case 'url':
        return this.url(value);
      case 'pageTitle':
      case 'snippet':
      case 'note':
        return this.text(value);
      case 'profileLabel':
      case 'baselineName':
        return this.whole('profile', value);
      case 'importedFrom':
        return this.whole('file', value);
      case 'subject':
        return this.subject(value);
      case 'key':
        return this.key(value);
      default:
        return value;
    }
  }

  /** A redacted copy of a record; records which fields it changed. */
  record<T extends Record<string, unknown>>(record: T): T {
    const out: Record<string, unknown> = { ...record };
    for (const [k, v] of Object.entries(record)) {
      const next = this.field(k, v);
      if (next !== v) {
        out[k] = next;
        if (!this.report.fields.includes(k)) this.report.fields.push(k);
      }
    }
    this.report.applied = true;
    return out as T;
  }
}

/** Fields that redaction may change: in format 2 each is a salted commitment in the chain. */
export const REDACTABLE_FIELDS = ['pageUrl', 'url', 'pageTitle', 'snippet', 'note', 'profileLabel', 'baselineName', 'importedFrom', 'subject', 'key'] as const;

// One-shot helpers (tests, the coupon ledger).
export function redactText(text: string, r: Redactor = new Redactor()): string {
  return r.text(text);
}
export function redactUrl(url: string, r: Redactor = new Redactor()): string {
  return r.url(url);
}
