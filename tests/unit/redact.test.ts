import { describe, expect, it } from 'vitest';
import { Redactor, redactText, redactUrl } from '../../utils/evidence/redact';

describe('redaction of text', () => {
  it('masks phone numbers, e-mail addresses and order numbers, each value with its own placeholder', () => {
    const r = new Redactor();
    expect(r.text('联系 13812345678 或 138-1234-5678，邮箱 zhang.san@example.com')).toBe('联系 [phone-1] 或 [phone-1]，邮箱 [email-1]');
    expect(r.text('订单号：3210987654321098765 已取消')).toBe('订单号：[order-1] 已取消');
    expect(r.text('Order #112-3456789-1234567 shipped; call +1 206 266 1000; other 13912345678')).toBe('Order #[order-2] shipped; call [phone-2]; other [phone-3]');
    expect(r.report.counts).toMatchObject({ phone: 3, email: 1, order: 2 });
  });

  it('masks landlines and hotlines', () => {
    expect(redactText('客服电话 010-62345678，杭州 0571-8888 8888，(021) 12345678，400-820-8820，(206) 266-1000')).toBe('客服电话 [phone-1]，杭州 [phone-2]，[phone-3]，[phone-4]，[phone-5]');
  });

  it('masks encoded and full-width e-mails and digits', () => {
    expect(redactText('ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ 和 １３８１２３４５６７８')).toBe('[email-1] 和 [phone-1]');
    expect(redactText('mail zhang%40example.com or li&#64;example.cn or wang [at] example [dot] org')).toBe('mail [email-1] or [email-2] or [email-3]');
  });

  it('masks labelled addresses, written-out addresses and recipient names', () => {
    expect(redactText('收货人：张三，收货地址：浙江省杭州市余杭区文一西路969号3幢')).toBe('收货人：[name-1]，收货地址：[address-1]');
    expect(redactText('寄到 北京市海淀区中关村大街27号 请签收')).toBe('寄到 [address-1] 请签收');
    expect(redactText('Ship to 1600 Amphitheatre Parkway? no: 410 Terry Avenue, recipient: Jane')).toBe('Ship to 1600 Amphitheatre Parkway? no: [address-1], recipient: [name-1]');
  });

  it('leaves prices, dates, item ids and ordinary numbers alone', () => {
    const text = '满199减20，¥179.00，2026-03-28 10:00，月销2000+，限购2件，反馈码：0a1b2c3d，商品 600000000001';
    expect(redactText(text)).toBe(text);
  });

  it('never rewrites text that merely contains a placeholder-like word', () => {
    expect(redactText('redacted [phone] text')).toBe('redacted [phone] text');
    expect(redactUrl('https://a.example/redacted/page?q=redacted')).toBe('https://a.example/redacted/page?q=redacted');
  });
});

describe('redaction of URLs', () => {
  it('masks user names in parameters and profile paths, but not pages under those paths', () => {
    const r = new Redactor();
    expect(r.url('https://shop.taobao.com/x?nick=%E5%BC%A0%E4%B8%89&id=5')).toBe('https://shop.taobao.com/x?nick=[user-1]&id=5');
    expect(r.url('https://www.zhihu.com/people/zhang-san/answers')).toBe('https://www.zhihu.com/people/[user-2]/answers');
    expect(r.url('https://login.taobao.com/member/login.jhtml?redirectURL=x')).toBe('https://login.taobao.com/member/login.jhtml?redirectURL=[token-1]');
    expect(r.url('https://item.taobao.com/item.htm?id=600000000001')).toBe('https://item.taobao.com/item.htm?id=600000000001');
  });

  it('masks tokens, sessions and every value not on the allow-list of harmless parameters', () => {
    const url =
      'https://h5api.m.taobao.com/h5/x/1.0/?sid=abc123&token=t0k3n&x5secdata=xyz&_m_h5_tk=a1_999&cookie2=c2&_nk_=tb123&tracknick=tb456&session=s&auth=a&password=p&spm=a1z10.1&id=42&q=%E6%89%8B%E6%9C%BA';
    const out = redactUrl(url);
    for (const secret of ['abc123', 't0k3n', 'xyz', 'a1_999', 'c2', 'tb123', 'tb456', '=s&', '=a&', '=p&']) expect(out, secret).not.toContain(secret);
    expect(out).toContain('spm=a1z10.1');
    expect(out).toContain('id=42');
    expect(out).toContain('q=%E6%89%8B%E6%9C%BA');
  });

  it('masks tokens in fragments and in nested, encoded URLs', () => {
    expect(redactUrl('https://auth.example.com/cb#access_token=eyJhbGciOi&state=xyz')).toBe('https://auth.example.com/cb#access_token=[token-1]&state=[token-2]');
    expect(redactUrl('https://m.jd.com/#/order?token=abc&tab=2')).toBe('https://m.jd.com/#/order?token=[token-1]&tab=2');
    const nested = `https://login.taobao.com/?redirect=${encodeURIComponent(`https://item.taobao.com/item.htm?id=1&sid=${encodeURIComponent('SECRET-SID')}&uid=42`)}`;
    const out = redactUrl(nested);
    expect(out).not.toContain('SECRET');
    expect(decodeURIComponent(out)).toContain('https://item.taobao.com/item.htm?id=1&sid=[token-1]&uid=[user-1]');
  });

  it('drops credentials in the URL', () => {
    expect(redactUrl('https://alice:secret@example.com/a')).toBe('https://example.com/a');
  });
});

describe('redaction of whole records', () => {
  it('masks the profile label, the subject and key, and the imported file name, and reports the fields', () => {
    const r = new Redactor();
    const out = r.record({
      pageUrl: 'https://a.jd.com/?uid=42',
      snippet: '手机 13912345678 账号受限',
      kind: 'account-restricted',
      pageTitle: '京东',
      profileLabel: '张三的工作电脑',
      subject: 'baseline-1|李四的手机|jd:coupon:100-10',
      key: 'page-1|coupon-missing|baseline-1|李四的手机|jd:coupon:100-10',
      importedFrom: '张三-evidence.json',
    });
    expect(out).toEqual({
      pageUrl: 'https://a.jd.com/?uid=[user-1]',
      snippet: '手机 [phone-1] 账号受限',
      kind: 'account-restricted',
      pageTitle: '京东',
      profileLabel: '[profile-1]',
      subject: 'baseline-1|[profile-2]|jd:coupon:100-10',
      key: 'page-1|coupon-missing|baseline-1|[profile-2]|jd:coupon:100-10',
      importedFrom: '[file-1]',
    });
    expect(r.report.fields.sort()).toEqual(['importedFrom', 'key', 'pageUrl', 'profileLabel', 'snippet', 'subject']);
  });
});

describe('redaction of URLs quoted in text', () => {
  it('masks tokens in URLs and query strings that page text quotes', () => {
    expect(redactText('亲，访问被拒绝 ?id=700001&sid=SECRET-SESSION 请检查')).toBe('亲，访问被拒绝 ?id=700001&sid=[token-1] 请检查');
    expect(redactText('跳转到 https://login.taobao.com/?token=abc&nick=zhang 失败')).toBe('跳转到 https://login.taobao.com/?token=[token-1]&nick=[user-1] 失败');
  });
});
