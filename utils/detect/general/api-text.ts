/**
 * The human-readable parts of an API answer: the message fields a client would show (msg,
 * message, error, desc, tips…) and mtop's `ret` strings. Real answers arrive as JSON, JSONP,
 * or as a client printed them (a Python dict, a JS object literal), so parsing falls back to a
 * bounded scan for `key: "value"` pairs when JSON.parse refuses the text.
 */

/** Keys whose string values are shown to the user or describe the refusal (msg, bizMsg, rtn_msg, error_msg, tips…). */
const MESSAGE_KEY = /(?:^|_|[a-z])(?:msg|message|messages|error|errors|err|desc|description|tips?|toast|reason|cause|info|information|note|title|hint|notice|detail|details|prompt|ret|text|content|alert|subtitle)$/i;
/** Keys whose values are codes (kept as `key=value` words so that a reader sees them). */
const CODE_KEY = /(?:^|_|[a-z])(?:code|errno|no|status|result|state|success|ok)$/i;
/** A URL inside an answer that sends the client to a challenge or punish page says as much as a message. */
const CHALLENGE_URL = /^https?:\/\/[^\s"']*(?:captcha|verify|verification|punish|validate|challenge|risk_handler|risk|antispam|sec_check|seccheck)/i;

/** Three words or more, of letters: a code field's value that is a sentence, not a code. */
const SENTENCE = /\p{L}{2,}\s+\p{L}+\s+\p{L}{2,}/u;

const MAX_BODY = 64 * 1024;
/** An array of more objects than this is a listing of records. */
const RECORDS_MAX = 5;
/** Akamai's reference number on its denial page ("Reference #18.3c61ca17.1701137054.1f34800d"). */
const AKAMAI_REFERENCE = /Reference\s*(?:&#32;)?#\d{1,3}\.[0-9a-f]{6,10}\.\d{9,11}\.[0-9a-f]{6,10}/;
/** An HTML tag inside a message string. */
const TAG = /<\/?[a-z][^<>]{0,200}>/gi;
const MAX_PARTS = 24;
const MAX_PART = 300;
const BARE_TEXT_MAX = 1500;

export interface ApiText {
  /** Message strings, in the order found (bounded). */
  messages: string[];
  /** `key=value` for code fields. */
  codes: string[];
}

/**
 * A captcha handed out because of a risk flag: Geetest's `gt` beside a risk field (`risk_code`, `is_risk`,
 * `risk_type`), as a sign-in answer that must be solved first. A login page's plain captcha setup
 * (gt and challenge with no risk field) is no refusal and stays out.
 */
// 32 hex digits as served; a printout pasted into an issue thread may have the id masked or mistyped.
const GEETEST_ID = /^[0-9a-z]{20,40}$/i;
function handsOutCaptcha(fields: Record<string, unknown>): boolean {
  const gt = fields['gt'];
  if (typeof gt !== 'string' || !GEETEST_ID.test(gt)) return false;
  return Object.entries(fields).some(([k, v]) => /risk/i.test(k) && v !== '' && v !== 0 && v !== false && v !== null && v !== '0' && v !== 'none');
}
export const HANDED_OUT = 'captcha required (geetest risk check)';

/**
 * An answer that refuses the request until a captcha is solved and hands out the captcha's site key
 * with it (Discord: `captcha_key`, `captcha_sitekey`, `captcha_service`). A page's configuration that
 * merely names its sign-in form's site key carries no `captcha_key` or `captcha_service` beside it.
 */
function asksForCaptcha(fields: Record<string, unknown>): boolean {
  const keys = Object.keys(fields);
  return keys.some((k) => /^captcha_?site_?key$/i.test(k) && typeof fields[k] === 'string') && keys.some((k) => /^captcha_(?:key|service)$/i.test(k));
}
export const CAPTCHA_ASKED = 'captcha required (site key handed out)';

/**
 * An action that failed and hands out a captcha to solve before it is tried again (MediaWiki's
 * `{"edit":{"captcha":{"id":…,"url":…},"result":"Failure"}}`). A sign-up form's description, which
 * lists a captcha among its fields, reports no failure.
 */
function failedWithCaptcha(fields: Record<string, unknown>): boolean {
  const captcha = fields['captcha'];
  if (!captcha || typeof captcha !== 'object' || Array.isArray(captcha)) return false;
  const c = captcha as Record<string, unknown>;
  return (typeof c['id'] === 'string' || typeof c['id'] === 'number') && /^(?:failure|failed|fail|error)$/i.test(String(fields['result'] ?? fields['status'] ?? ''));
}
export const CAPTCHA_TO_SOLVE = 'captcha required (handed out with a failure)';

/**
 * Akamai Bot Manager's answer to an API call it holds back: `{"sec-cp-challenge": "true", "provider":
 * "crypto", …}`, a proof of work to solve before the call is let through.
 */
function akamaiChallenge(fields: Record<string, unknown>): boolean {
  return String(fields['sec-cp-challenge']) === 'true';
}
export const AKAMAI_CHALLENGE = 'captcha required (akamai sec-cpt challenge)';

/**
 * ByteDance's verify centre (TikTok, Douyin) answering an API call with a captcha to solve:
 * `{"code":"10000","type":"verify","subtype":"slide","fp":"verify_…"}`.
 */
function verifyCentre(fields: Record<string, unknown>): boolean {
  return fields['type'] === 'verify' && typeof fields['subtype'] === 'string' && /^(?:slide|3d|whirl|puzzle|text|icon|select)$/i.test(fields['subtype']);
}
export const VERIFY_CENTRE = 'captcha required (verify centre slide)';

/** The captchas an answer hands out, each with the message the general layer reads for it. */
const CAPTCHA_SIGNS: ReadonlyArray<readonly [(fields: Record<string, unknown>) => boolean, string]> = [
  [handsOutCaptcha, HANDED_OUT],
  [asksForCaptcha, CAPTCHA_ASKED],
  [failedWithCaptcha, CAPTCHA_TO_SOLVE],
  [akamaiChallenge, AKAMAI_CHALLENGE],
  [verifyCentre, VERIFY_CENTRE],
];
function captchaMessages(fields: Record<string, unknown>, out: ApiText): void {
  for (const [sign, message] of CAPTCHA_SIGNS) if (sign(fields)) out.messages.push(message);
}

function visit(value: unknown, key: string, out: ApiText, depth: number): void {
  if (out.messages.length >= MAX_PARTS || depth > 8) return;
  if (typeof value === 'string') {
    if (AKAMAI_REFERENCE.test(value) && !MESSAGE_KEY.test(key)) {
      // An edge's denial page wrapped in a field a client does not show (Coupang's gateway: {"message":"403 Forbidden",
      // "body":"Access Denied … Reference #18.3c61ca17.1701137054.1f34800d"}): its words are what the answer says.
      out.messages.push(value.replace(TAG, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_PART));
    } else if (CHALLENGE_URL.test(value)) {
      out.messages.push(`challenge url ${value.replace(/[?#].*$/, '').slice(0, 120)}`);
    } else if ((MESSAGE_KEY.test(key) || (key === '' && depth <= 2)) && value.trim()) {
      // A message may carry markup for the client to render (YouTube: "you have exceeded your <a href=…>quota</a>"): its words are what it says.
      const words = value.includes('<') ? value.replace(TAG, ' ').replace(/\s+/g, ' ') : value;
      // mtop: "RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试" — the code and the words.
      for (const part of words.split('::')) if (part.trim()) out.messages.push(part.trim().slice(0, MAX_PART));
    } else if (CODE_KEY.test(key)) {
      // A code field that holds a sentence says it in words (Etherscan: {"message":"NOTOK","result":"Max rate limit reached"}).
      if (SENTENCE.test(value)) out.messages.push(value.trim().slice(0, MAX_PART));
      else if (value.length <= 40) out.codes.push(`${key}=${value}`);
    }
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (CODE_KEY.test(key)) out.codes.push(`${key}=${String(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    // Many records (a listing of posts, comments, products) are data the answer carries, not what it says:
    // a post titled "Amazon links being flagged as spam" is no refusal. Errors come one to a few at a time.
    const records = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)).length;
    if (records > RECORDS_MAX) return;
    for (const v of value.slice(0, 50)) visit(v, key, out, depth + 1);
    return;
  }
  if (value && typeof value === 'object') {
    captchaMessages(value as Record<string, unknown>, out);
    let n = 0;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (n++ > 200) break;
      visit(v, k, out, depth + 1);
    }
  }
}

/** `callback({...})` and `/**\/ cb({...});` → the object text. */
function unwrapJsonp(text: string): string {
  const m = /^[\s;]*(?:\/\*\*\/)?\s*[\w$.]+\s*\(\s*([\s\S]*?)\s*\)\s*;?\s*$/.exec(text);
  return m ? m[1]! : text;
}

// key: "value" in JSON-like printouts with any quotes, Python dicts, PHP var_dump (["key"]=> string(9) "value").
const PAIR = /[\["'‘“]?([A-Za-z_][\w-]{0,30})["'’”]?\]?\s*(?:=>|:|=)\s*(?:(?:string|int)\(\d+\)\s*)?(?:"((?:[^"\\]|\\.){0,600})"|'((?:[^'\\]|\\.){0,600})'|‘([^’]{0,600})’|“([^”]{0,600})”|(-?\d{1,12}))/g;

function decodeEscapes(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(["'\\/])/g, '$1').replace(/\\n/g, ' ');
}

/** Message and code fields of an API answer body (JSON, JSONP, or a client's printout of one). */
export function apiText(body: string): ApiText {
  const out: ApiText = { messages: [], codes: [] };
  const text = body.slice(0, MAX_BODY).trim();
  if (!text) return out;
  try {
    visit(JSON.parse(unwrapJsonp(text)), '', out, 0);
    return out;
  } catch {
    /* not strict JSON: read key/value pairs below */
  }
  PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  const pairs: RegExpExecArray[] = [];
  while ((m = PAIR.exec(text)) && pairs.length < 500) pairs.push(m);
  // A key that comes back many times names a field of records (a listing cut at MAX_BODY, so no longer
  // JSON): data the answer carries, as with an array of many objects above.
  const seen = new Map<string, number>();
  for (const p of pairs) seen.set(p[1]!, (seen.get(p[1]!) ?? 0) + 1);
  let records = false;
  // A printout's pairs, flat (its nesting is not parsed): enough to see a captcha handed out.
  const flat: Record<string, unknown> = {};
  for (const m of pairs) {
    if (out.messages.length >= MAX_PARTS) break;
    const key = m[1]!;
    if (seen.get(key)! > RECORDS_MAX) {
      records = true;
      continue;
    }
    const str = m[2] ?? m[3] ?? m[4] ?? m[5];
    if (str !== undefined) visit(decodeEscapes(str), key, out, 1);
    else if (m[6] !== undefined) visit(Number(m[6]), key, out, 1);
    if (!(key in flat)) flat[key] = str ?? Number(m[6]);
  }
  captchaMessages(flat, out);
  // Strings of a bare array (mtop's `ret` printed alone) are messages.
  if (out.messages.length === 0 && /^\[/.test(text)) {
    for (const q of text.matchAll(/["']([^"']{2,300})["']/g)) {
      for (const part of q[1]!.split('::')) if (part.trim()) out.messages.push(part.trim());
      if (out.messages.length >= MAX_PARTS) break;
    }
  }
  // A bare text answer ("Too Many Requests", an error line a client printed, a server's few lines of
  // `<br>`-broken HTML) is its own message.
  if (out.messages.length === 0 && !records && text.length <= BARE_TEXT_MAX) out.messages.push(text.replace(/<[^>]{0,200}>/g, ' ').replace(/[{}\[\]"']/g, ' ').replace(/\s+/g, ' ').trim());
  return out;
}
