/**
 * Redaction for exports meant to be shared: phone numbers, e-mail addresses, order numbers and
 * user names in URLs are masked. Exports say which fields were redacted and how many values were
 * masked; hashes in a redacted export are over the redacted copy.
 */
export type RedactionKind = 'phone' | 'email' | 'order' | 'user';

export interface RedactionReport {
  applied: boolean;
  fields: string[];
  counts: Record<RedactionKind, number>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Mainland mobile numbers, and international numbers written with a + and 8–15 digits.
const PHONE = /(?<![\d*])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)|\+\d{1,3}[-\s]?\(?\d{1,4}\)?(?:[-\s]?\d{2,4}){2,4}(?!\d)/g;
// Order numbers next to the words that name them, and long bare digit runs (order ids are 16–20 digits).
const ORDER_LABELLED = /((?:订单号|订单编号|訂單編號|訂單號|order\s*(?:no\.?|number|id|#))\s*[:：#]?\s*)([A-Z0-9-]{6,})/gi;
const LONG_DIGITS = /(?<!\d)\d{15,}(?!\d)/g;
// User names in URLs: query parameters and profile paths.
const USER_PARAMS = /^(?:nick|nickname|user|username|user_?name|userid|user_?id|uid|account|login|member|memberid|buyer|buyernick|seller_?nick|email|mobile|phone)$/i;
const USER_PATH = /\/(u|user|users|profile|people|member|shop_?owner|@)\/([^/?#]+)/gi;

export function emptyReport(): RedactionReport {
  return { applied: false, fields: [], counts: { phone: 0, email: 0, order: 0, user: 0 } };
}

export function redactText(text: string, report: RedactionReport): string {
  return text
    .replace(EMAIL, () => (report.counts.email++, '[email]'))
    .replace(ORDER_LABELLED, (_m, label: string) => (report.counts.order++, `${label}[order]`))
    .replace(PHONE, () => (report.counts.phone++, '[phone]'))
    .replace(LONG_DIGITS, () => (report.counts.order++, '[order]'));
}

export function redactUrl(url: string, report: RedactionReport): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactText(url, report);
  }
  for (const key of [...u.searchParams.keys()]) {
    if (USER_PARAMS.test(key)) {
      u.searchParams.set(key, 'redacted');
      report.counts.user++;
    }
  }
  u.pathname = u.pathname.replace(USER_PATH, (_m, seg: string) => (report.counts.user++, `/${seg}/redacted`));
  u.username = '';
  u.password = '';
  return redactText(u.href.replace(/redacted/g, '[user]'), report);
}

const URL_FIELDS = new Set(['pageUrl', 'url']);
const TEXT_FIELDS = new Set(['pageTitle', 'snippet', 'note']);

/** A redacted copy of a record or chain-entry payload; records which fields it changed. */
export function redactRecord<T extends Record<string, unknown>>(record: T, report: RedactionReport): T {
  const out: Record<string, unknown> = { ...record };
  for (const [k, v] of Object.entries(record)) {
    if (typeof v !== 'string') continue;
    const before = { ...report.counts };
    const next = URL_FIELDS.has(k) ? redactUrl(v, report) : TEXT_FIELDS.has(k) ? redactText(v, report) : v;
    out[k] = next;
    const changed = (Object.keys(before) as RedactionKind[]).some((kind) => report.counts[kind] !== before[kind]);
    if (changed && !report.fields.includes(k)) report.fields.push(k);
  }
  report.applied = true;
  return out as T;
}
