import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymousView, type AnonymousViewApis } from '../../utils/background/anonymous-view';
import { builtinRuleSet } from '../../utils/detect/index';
import type { Kind } from '../../utils/detect/kinds';
import { decideScope, isLoginUrl } from '../../utils/scope/decide';
import { readAnonymousView } from '../../utils/scope/read-view';
import { parseWithLinkedom } from '../../cli/html';
import { isScopeCheck, type Scope, type ScopeReason } from '../../utils/scope/types';

const ITEM = 'https://item.taobao.com/item.htm?id=600000000001';
const CORPUS = join(import.meta.dirname, '../fixtures/corpus/positive/alibaba');
/** The baxia deny page (our own fixture, written from the punish bundle's templates). */
const WALL = readFileSync(join(CORPUS, 'baxia-deny-zh.html'), 'utf8');
const CLEAR = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>碎花连衣裙-淘宝网</title></head><body><h1>碎花连衣裙</h1><p>价格 ¥99.00</p><p>月销 200+</p></body></html>';
const LOGIN = 'https://login.taobao.com/member/login.jhtml?redirectURL=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D600000000001';
const PUNISH = 'https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=xd7f0c2b9__bx__item.taobao.com%3A443%2Fitem.htm&x5step=2';
const PUNISH_DENY = `${PUNISH}&action=deny`;

const html = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
const redirect = (location: string) => new Response(null, { status: 302, headers: { location } });
const never = (_: string, init: RequestInit) => new Promise<Response>((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** The anonymous answers of the issue, each as a server gives it. */
const ANSWERS: Record<string, AnonymousViewApis['fetch']> = {
  '200 clear page': async () => html(CLEAR),
  '200 wall page': async () => html(WALL),
  '302 to login': async (u) => (u === ITEM ? redirect(LOGIN) : html('<title>登录</title><form><input name="loginId"><input type="password"></form>')),
  '302 to punish page (slider)': async (u) => (u === ITEM ? redirect(PUNISH) : html('<title>验证码拦截</title><div id="nc_1_wrapper"></div>')),
  '302 to punish page (deny)': async (u) => (u === ITEM ? redirect(PUNISH_DENY) : html(WALL)),
  '403 with a wall body': async () => html(WALL, 403),
  '429 with a wall body': async () => html(WALL, 429),
  '404 without a wall': async () => html('<title>页面不存在</title><p>抱歉，您访问的页面不存在</p>', 404),
  timeout: never,
  'network error': async () => Promise.reject(new TypeError('Failed to fetch')),
};

const SIGNED_IN: Kind[] = ['account-restricted', 'access-denied', 'risk-challenge'];

/** Expected scope (and reason) for every block kind, by anonymous answer. */
const TABLE: Record<string, [Scope, ScopeReason?]> = {
  '200 clear page': ['account'],
  '200 wall page': ['network'],
  '302 to login': ['inconclusive', 'login-required'],
  '302 to punish page (slider)': ['inconclusive', 'challenge'],
  '302 to punish page (deny)': ['network'],
  '403 with a wall body': ['network'],
  '429 with a wall body': ['network'],
  '404 without a wall': ['inconclusive', 'http-error'],
  timeout: ['inconclusive', 'timeout'],
  'network error': ['inconclusive', 'network-error'],
};

const AT = '2026-03-20T08:00:00.000Z';

async function check(kind: Kind, answer: string, subject?: string) {
  const view = await anonymousView(ITEM, { fetch: ANSWERS[answer]! }, { timeoutMs: 1000 });
  const reading = view.ok ? readAnonymousView(view, builtinRuleSet(), parseWithLinkedom) : null;
  return decideScope({ kind, subject }, view, reading, AT);
}

afterEach(() => vi.useRealTimers());

describe('the scope decision (signed-in finding × anonymous answer)', () => {
  for (const kind of SIGNED_IN) {
    for (const [answer, [scope, reason]] of Object.entries(TABLE)) {
      it(`${kind} × ${answer} → ${scope}${reason ? ` (${reason})` : ''}`, async () => {
        if (answer === 'timeout') vi.useFakeTimers();
        const pending = check(kind, answer);
        if (answer === 'timeout') await vi.advanceTimersByTimeAsync(1000);
        const result = await pending;
        expect(result.scope).toBe(scope);
        expect(result.check.reason).toBe(reason);
        expect(result.check.at).toBe(AT);
        expect(isScopeCheck(result.check)).toBe(true);
      });
    }
  }

  it('keeps what the anonymous view showed: its status, verdict, kinds and redirects', async () => {
    expect((await check('access-denied', '403 with a wall body')).check).toMatchObject({ status: 403, verdict: 'blocked', kinds: ['access-denied'], redirects: 0 });
    expect((await check('access-denied', '302 to login')).check).toMatchObject({ status: 200, verdict: 'login', redirects: 1 });
    expect((await check('access-denied', '302 to punish page (slider)')).check).toMatchObject({ verdict: 'challenge', kinds: ['risk-challenge'], redirects: 1 });
    expect((await check('access-denied', '200 clear page')).check).toEqual({ at: AT, status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 });
    expect((await check('access-denied', 'network error')).check).toEqual({ at: AT, status: null, verdict: 'failed', kinds: [], ruleIds: [], redirects: 0, reason: 'network-error' });
  });

  it('reads the anonymous view as the CLI reads the same saved page', async () => {
    const { scanHtmlText } = await import('../../cli/scan');
    const cli = scanHtmlText('wall.html', WALL, ITEM, builtinRuleSet());
    const view = await anonymousView(ITEM, { fetch: ANSWERS['200 wall page']! });
    if (!view.ok) throw new Error('no view');
    const seen = readAnonymousView(view, builtinRuleSet(), parseWithLinkedom).detections;
    for (const d of cli.detections) expect(seen.map((s) => s.kind)).toContain(d.kind);
  });

  it('scopes a coupon-missing finding `account` only when the anonymous view still shows its offer', async () => {
    const present = readFileSync(join(import.meta.dirname, '../fixtures/coupons/taobao/present.html'), 'utf8');
    const url = 'https://item.taobao.com/item.htm?id=738259061234';
    const view = await anonymousView(url, { fetch: async () => html(present) });
    if (!view.ok) throw new Error('no view');
    const reading = readAnonymousView(view, builtinRuleSet(), parseWithLinkedom);
    expect(reading.offerKeys?.length).toBeGreaterThan(0);
    const key = reading.offerKeys![0]!;
    expect(decideScope({ kind: 'coupon-missing', subject: `history||${key}` }, view, reading, AT)).toMatchObject({ scope: 'account', check: { offerShown: true, verdict: 'clear' } });
    expect(decideScope({ kind: 'coupon-missing', subject: 'history||shop:no-such-offer' }, view, reading, AT)).toMatchObject({ scope: 'inconclusive', check: { offerShown: false, reason: 'offer-not-shown' } });
    // Blocked for the anonymous visitor too: the network's.
    const wall = await anonymousView(url, { fetch: async () => html(WALL, 403) });
    expect(decideScope({ kind: 'coupon-missing', subject: `history||${key}` }, wall, wall.ok ? readAnonymousView(wall, builtinRuleSet(), parseWithLinkedom) : null, AT).scope).toBe('network');
  });

  it('knows login pages by host or path', () => {
    for (const u of [LOGIN, 'https://passport.jd.com/new/login.aspx', 'https://plogin.m.jd.com/login/login', 'https://mobile.yangkeduo.com/login.html', 'https://www.amazon.com/ap/signin?openid=x', 'https://passport.meituan.com/account/unitivelogin']) expect(isLoginUrl(u), u).toBe(true);
    for (const u of [ITEM, 'https://www.amazon.com/dp/B000000000', 'https://item.jd.com/100012043978.html', 'https://s.taobao.com/search?q=login']) expect(isLoginUrl(u), u).toBe(false);
  });

  it('refuses a malformed recorded check', () => {
    expect(isScopeCheck({ at: AT, status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 })).toBe(true);
    for (const bad of [null, [], { at: 'x', status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 }, { at: AT, status: 200, verdict: 'maybe', kinds: [], ruleIds: [], redirects: 0 }, { at: AT, status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0, url: 'https://x' }, { at: AT, status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0, reason: 'because' }]) {
      expect(isScopeCheck(bad)).toBe(false);
    }
  });
});
