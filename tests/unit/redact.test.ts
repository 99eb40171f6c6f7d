import { describe, expect, it } from 'vitest';
import { emptyReport, redactRecord, redactText, redactUrl } from '../../utils/evidence/redact';

describe('redaction', () => {
  it('masks phone numbers, e-mail addresses and order numbers in text', () => {
    const r = emptyReport();
    expect(redactText('联系 13812345678 或 138-1234-5678，邮箱 zhang.san@example.com', r)).toBe('联系 [phone] 或 [phone]，邮箱 [email]');
    expect(redactText('订单号：3210987654321098765 已取消', r)).toBe('订单号：[order] 已取消');
    expect(redactText('Order #112-3456789-1234567 shipped; call +1 206 266 1000', r)).toBe('Order #[order] shipped; call [phone]');
    expect(r.counts).toEqual({ phone: 3, email: 1, order: 2, user: 0 });
  });

  it('leaves prices, dates and ordinary numbers alone', () => {
    const r = emptyReport();
    const text = '满199减20，¥179.00，2026-03-28 10:00，月销2000+，限购2件，反馈码：0a1b2c3d';
    expect(redactText(text, r)).toBe(text);
  });

  it('masks user names in URLs', () => {
    const r = emptyReport();
    expect(redactUrl('https://shop.taobao.com/x?nick=%E5%BC%A0%E4%B8%89&id=5', r)).toBe('https://shop.taobao.com/x?nick=[user]&id=5');
    expect(redactUrl('https://www.zhihu.com/people/zhang-san/answers', r)).toBe('https://www.zhihu.com/people/[user]/answers');
    expect(redactUrl('https://item.taobao.com/item.htm?id=600000000001', r)).toBe('https://item.taobao.com/item.htm?id=600000000001');
    expect(r.counts.user).toBe(2);
  });

  it('reports which fields of a record were redacted', () => {
    const r = emptyReport();
    const out = redactRecord({ pageUrl: 'https://a.jd.com/?uid=42', snippet: '手机 13912345678 账号受限', kind: 'account-restricted', pageTitle: '京东' }, r);
    expect(out).toEqual({ pageUrl: 'https://a.jd.com/?uid=[user]', snippet: '手机 [phone] 账号受限', kind: 'account-restricted', pageTitle: '京东' });
    expect(r.fields.sort()).toEqual(['pageUrl', 'snippet']);
    expect(r.applied).toBe(true);
  });
});
