/**
 * Text normalisation for coupon labels. One code unit in, one code unit out, so that positions
 * found in the normalised text are positions in the original: full-width ASCII to ASCII,
 * ideographic and no-break spaces to spaces, ￥ to ¥, dashes to "-", and the Traditional
 * characters that coupon wording uses to Simplified (滿199減20 → 满199减20, 折價券 → 折价券).
 *
 * utils/detect/normalize.ts folds more aggressively (it drops punctuation, so "199.00" would
 * lose its decimal point); amounts need their digits and separators intact.
 */

// Traditional → Simplified, only characters that occur in coupon, price and promotion wording.
const T2S =
  '滿满減减價价劵券優优會会員员門门檻槛運运費费單单筆笔現现結结帳账賬账購购領领專专無无鋪铺舖铺臺台後后點点數数兩两個个萬万' +
  '買买贈赠紅红級级適适範范圍围顧顾際际當当與与貨货幣币圓圆塊块錢钱邊边蝦虾禮礼額额張张時时間间內内區区類类補补貼贴' +
  '門门條条惠惠選选樣样隻只實实寶宝貓猫東东聯联網网會会員员獨独訂订專专屬属饋馈頭头積积億亿標标層层選选區区稅税送送' +
  '費费號号碼码讓让議议嗎吗這这們们國国際际發发車车將将說说對对開开關关暫暂載载請请稍稍';

const MAP = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) MAP[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) MAP[c] = c - 0xfee0; // full-width ASCII
MAP[0x3000] = 0x20; // ideographic space
MAP[0x00a0] = 0x20; // no-break space
MAP[0x2009] = 0x20;
MAP[0x202f] = 0x20;
MAP[0xffe5] = 0xa5; // ￥ → ¥
MAP[0xffe1] = 0xa3; // ￡ → £
MAP[0x2212] = 0x2d; // minus sign
MAP[0x2013] = 0x2d; // en dash
MAP[0x2014] = 0x2d; // em dash
MAP[0xff5e] = 0x7e;
MAP[0x3001] = 0x2c; // 、 → ,
for (let i = 0; i + 1 < T2S.length; i += 2) MAP[T2S.charCodeAt(i)] = T2S.charCodeAt(i + 1);

/** Normalise without changing the length (see the file comment). */
export function normalizeCouponText(text: string): string {
  let out = '';
  let changed = false;
  const n = text.length;
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = MAP[c]!;
    if (m !== c) changed = true;
    codes[i] = m;
  }
  if (!changed) return text;
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Collapse runs of white space to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** A label as Offer and ParsedAmount keep it: collapsed, trimmed, at most `max` characters. */
export function boundLabel(text: string, max: number): string {
  const t = collapse(text);
  if (t.length <= max) return t;
  // Do not cut a surrogate pair in half.
  let end = max - 1;
  const c = t.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return t.slice(0, end) + '…';
}

/** Does the text contain a Traditional-only character of coupon wording (滿, 減, 價 …)? */
export function hasTraditional(text: string): boolean {
  return /[滿減價劵優會員門檻運費單現結帳賬購領專無鋪臺後點數萬買贈紅]/.test(text);
}
