import { describe, expect, it } from 'vitest';
import { emptyReport, Redactor, redactText, redactUrl } from '../../utils/evidence/redact';

/** `s` percent-encoded `times` times over. */
const encoded = (s: string, times: number) => Array.from({ length: times }).reduce<string>((v) => encodeURIComponent(v), s);

describe('redaction of text: folding and spans', () => {
  it('folds the whole full-width ASCII block, from ！ to ～, so a value written either way gets one placeholder', () => {
    const r = new Redactor();
    expect(r.text('收货人：张三！')).toBe('收货人：[name-1]');
    expect(r.text('收货人：张三!')).toBe('收货人：[name-1]');
    expect(r.text('收货人：李～四')).toBe('收货人：[name-2]');
    expect(r.text('收货人：李~四')).toBe('收货人：[name-2]');
  });

  it('folds nothing past the full-width block: half-width katakana are not separators of a phone number', () => {
    expect(redactText('编号 138ﾀ1234ﾀ5678')).toBe('编号 138ﾀ1234ﾀ5678');
    expect(redactText('138 1234 5678')).toBe('[phone-1]');
  });

  it('keeps offsets right around ideographic spaces', () => {
    expect(redactText('电话\u300013812345678\u3000联系')).toBe('电话\u3000[phone-1]\u3000联系');
    expect(redactText('\u3000\u3000邮箱\u3000zhang@example.com')).toBe('\u3000\u3000邮箱\u3000[email-1]');
  });

  it('does not read past the end of the text (an e-mail cut off before its domain ending is left alone)', () => {
    expect(redactText('write to bob@example.')).toBe('write to bob@example.');
    expect(redactText('write to bob@example.c')).toBe('write to bob@example.c');
  });

  it('prefers the longest of the spans that start together: a spaced phone number after a name label is a phone', () => {
    expect(redactText('联系人：138 1234 5678')).toBe('联系人：[phone-1]');
  });

  it('masks spans that touch: an address written right before a phone number', () => {
    expect(redactText('北京市海淀区中关村大街27号13812345678')).toBe('[address-1][phone-1]');
  });
});

describe('redaction of query values', () => {
  it('keeps empty values as they are, even for user names', () => {
    expect(redactUrl('https://a.example/x?nick=&id=5&token=')).toBe('https://a.example/x?nick=&id=5&token=');
  });

  it('masks what a harmless parameter quotes, reads + as a space, and otherwise keeps the value byte for byte', () => {
    expect(redactUrl('https://s.example.com/search?q=13812345678')).toBe(`https://s.example.com/search?q=${encodeURIComponent('[phone-1]')}`);
    expect(redactUrl('https://s.example.com/search?q=call+13812345678+now')).toBe(`https://s.example.com/search?q=${encodeURIComponent('call [phone-1] now')}`);
    expect(redactUrl('https://s.example.com/search?q=red+shoes&page=2')).toBe('https://s.example.com/search?q=red+shoes&page=2');
    expect(redactUrl('https://s.example.com/search?q=%e6%89%8b%e6%9c%ba')).toBe('https://s.example.com/search?q=%e6%89%8b%e6%9c%ba');
  });

  it('decodes a value at most three times when looking for a nested URL', () => {
    const nested = 'https://a.example/cb?sid=SECRET';
    expect(decodeURIComponent(redactUrl(`https://login.example.com/?redirect=${encoded(nested, 3)}`))).toBe('https://login.example.com/?redirect=https://a.example/cb?sid=[token-1]');
    expect(redactUrl(`https://login.example.com/?redirect=${encoded(nested, 4)}`)).toBe('https://login.example.com/?redirect=[token-1]');
  });

  it('judges a query part without "=" by its length: up to 24 characters as text, longer as a token', () => {
    expect(redactUrl('https://a.example/p?flag')).toBe('https://a.example/p?flag');
    expect(redactUrl('https://a.example/p?13812345678')).toBe('https://a.example/p?[phone-1]');
    expect(redactUrl('https://a.example/p?abcdefghijklmnopqrstuvwx')).toBe('https://a.example/p?abcdefghijklmnopqrstuvwx');
    expect(redactUrl('https://a.example/p?abcdefghijklmnopqrstuvwxy')).toBe('https://a.example/p?[token-1]');
    expect(redactUrl('https://a.example/p?abcdefghijklmnopqrstuvwxyz&id=1')).toBe('https://a.example/p?[token-1]&id=1');
  });

  it('masks a value whose name is empty', () => {
    expect(redactUrl('https://a.example/p?=secretvalue')).toBe('https://a.example/p?=[token-1]');
  });
});

describe('redaction of URLs: schemes, fragments, ports', () => {
  it('reads a non-web URL as text', () => {
    expect(redactUrl('mailto:zhang@example.com')).toBe('mailto:[email-1]');
    expect(redactUrl('tel:13812345678')).toBe('tel:[phone-1]');
  });

  it('reads a fragment with a query as a router path and its query', () => {
    expect(redactUrl('https://m.example.com/#/u/13812345678?tab=2')).toBe('https://m.example.com/#/u/[phone-1]?tab=2');
    expect(redactUrl('https://m.example.com/#?q=13812345678&page=2')).toBe(`https://m.example.com/#?q=${encodeURIComponent('[phone-1]')}&page=2`);
  });

  it('keeps a fragment without "=" of up to 40 characters as text, and masks a longer one as a token', () => {
    const f30 = 'introduction-and-overview-part';
    const f40 = 'a'.repeat(40);
    const f41 = 'a'.repeat(41);
    expect(redactUrl(`https://a.example/doc#${f30}`)).toBe(`https://a.example/doc#${f30}`);
    expect(redactUrl(`https://a.example/doc#${f40}`)).toBe(`https://a.example/doc#${f40}`);
    expect(redactUrl(`https://a.example/doc#${f41}`)).toBe('https://a.example/doc#[token-1]');
    expect(redactUrl('https://a.example/doc#tel-13812345678')).toBe('https://a.example/doc#tel-[phone-1]');
  });

  it('keeps the port', () => {
    expect(redactUrl('http://localhost:8080/a?id=1')).toBe('http://localhost:8080/a?id=1');
    expect(redactUrl('https://a.example:8443/')).toBe('https://a.example:8443/');
  });
});

describe('redaction of records', () => {
  it('starts with an empty report, not applied, and marks it applied once a record is redacted', () => {
    expect(emptyReport()).toEqual({ applied: false, fields: [], counts: { phone: 0, email: 0, order: 0, user: 0, token: 0, address: 0, name: 0, profile: 0, file: 0 } });
    const r = new Redactor();
    r.text('13812345678');
    expect(r.report.applied).toBe(false);
    r.record({ kind: 'access-denied' });
    expect(r.report.applied).toBe(true);
    expect(r.report.fields).toEqual([]);
  });

  it('lists each changed field once however many records change it', () => {
    const r = new Redactor();
    r.record({ snippet: '电话 13812345678' });
    r.record({ snippet: '电话 13912345678', pageTitle: '联系 13712345678' });
    r.record({ snippet: '电话 13812345678' });
    expect(r.report.fields).toEqual(['snippet', 'pageTitle']);
  });

  it('reads url fields as URLs and page titles as text', () => {
    const r = new Redactor();
    expect(r.field('url', 'https://a.jd.com/?uid=42')).toBe('https://a.jd.com/?uid=[user-1]');
    expect(r.field('url', 'https://s.example.com/search?q=iphone 15')).toBe('https://s.example.com/search?q=iphone%2015');
    expect(r.field('pageUrl', 'https://s.example.com/search?q=iphone 15')).toBe('https://s.example.com/search?q=iphone%2015');
    expect(r.field('pageTitle', '联系 13812345678')).toBe('联系 [phone-1]');
    expect(r.field('kind', '联系 13812345678')).toBe('联系 13812345678');
  });

  it('reads a subject of fewer than three parts as text, with no profile label in it', () => {
    const r = new Redactor();
    expect(r.field('subject', 'jd:coupon:100-10')).toBe('jd:coupon:100-10');
    expect(r.field('subject', 'offer|jd:coupon:100-10')).toBe('offer|jd:coupon:100-10');
    expect(r.report.counts.profile).toBe(0);
  });
});
