/**
 * The tap's messages as the content script takes them (utils/content/tap-protocol.ts): the page
 * can post the same messages, so each field is checked and only the page's own company's answers
 * are read.
 */
import { describe, expect, it } from 'vitest';
import { acceptTap, TAP_MAX_BODY, TAP_SOURCE } from '../../utils/content/tap-protocol';

const PAGE = 'https://item.taobao.com/item.htm?id=1';
const API = 'https://h5api.m.taobao.com/h5/mtop.x/1.0/';
const good = { source: TAP_SOURCE, url: API, status: 200, body: '{"ret":["RGV587_ERROR::SM"]}' };

describe('acceptTap', () => {
  it('takes a well-formed answer of the page’s own company as an API answer of that page', () => {
    expect(acceptTap(good, PAGE)).toEqual({ url: API, pageUrl: PAGE, status: 200, body: good.body, resource: 'api' });
    expect(acceptTap({ ...good, status: 0 }, PAGE)).toMatchObject({ status: 0 });
    expect(acceptTap({ ...good, status: 999 }, PAGE)).toMatchObject({ status: 999 });
    expect(acceptTap({ ...good, url: 'HTTPS://h5api.m.taobao.com/x' }, PAGE)).toMatchObject({ url: 'HTTPS://h5api.m.taobao.com/x' });
    expect(acceptTap({ ...good, url: 'https://h5api.m.taobao.com/' + 'a'.repeat(4096 - 27) }, PAGE)).not.toBeNull();
  });

  it('cuts the body to what the content script scans', () => {
    expect(acceptTap({ ...good, body: 'x'.repeat(TAP_MAX_BODY + 5) }, PAGE)!.body).toHaveLength(TAP_MAX_BODY);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'shutout-tap'],
    ['another source', { ...good, source: 'someone' }],
    ['no source', { url: API, status: 200, body: '' }],
    ['a URL that is not text', { ...good, url: 5 }],
    ['a body that is not text', { ...good, body: { ret: [] } }],
    ['a status that is text', { ...good, status: '200' }],
    ['a status that is not whole', { ...good, status: 200.5 }],
    ['a negative status', { ...good, status: -1 }],
    ['a status over 999', { ...good, status: 1000 }],
    ['a status that is not a number', { ...good, status: Number.NaN }],
    ['an http URL', { ...good, url: 'http://h5api.m.taobao.com/x' }],
    ['a relative URL', { ...good, url: '/api/x' }],
    ['a URL over 4096 characters', { ...good, url: 'https://h5api.m.taobao.com/' + 'a'.repeat(4096) }],
    ['another company’s answer', { ...good, url: 'https://api.jd.com/x' }],
  ])('refuses %s', (_name, data) => {
    expect(acceptTap(data, PAGE)).toBeNull();
  });
});
