import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { BUILTIN_RULES } from '../../utils/detect/index';
import { couponsAvailable, itemCoupons, itemsWithMissingCoupons, setLedgerLoader } from '../../utils/ui/coupons-data';
import { dayKey, formatAtOffset, formatOffset, formatUtc, lastDays } from '../../utils/ui/format';
import { highlightPieces, matchRanges, mergeRanges, ruleById, ruleNeedles } from '../../utils/ui/highlight';
import { checkDraft, draftToRule, EMPTY_DRAFT, fieldOf, ruleToDraft } from '../../utils/ui/rule-form';
import { niceCeiling, timelineModel } from '../../utils/ui/timeline';

describe('highlighting a snippet', () => {
  it('marks a rule phrase however the page printed it (case, width, Traditional, spacing)', () => {
    const marked = (text: string, phrases: string[]) => highlightPieces(text, phrases).filter((p) => p.mark).map((p) => p.text);
    expect(marked('亲，访问被拒绝了', ['访问被拒绝'])).toEqual(['访问被拒绝']);
    expect(marked('親，訪問被拒絕了', ['访问被拒绝'])).toEqual(['訪問被拒絕']);
    expect(marked('Sorry — ACCESS   Denied here, access denied', ['access denied'])).toEqual(['ACCESS   Denied', 'access denied']);
    expect(marked('ＡＣＣＥＳＳ ＤＥＮＩＥＤ', ['access denied'])).toEqual(['ＡＣＣＥＳＳ ＤＥＮＩＥＤ']);
    expect(marked('nothing here', ['access denied'])).toEqual([]);
  });

  it('keeps every character, in order, as plain text pieces (hostile markup stays text)', () => {
    const text = '<img src=x onerror=alert(1)> 访问被拒绝 <script>x()</script>';
    const pieces = highlightPieces(text, ['访问被拒绝', 'onerror']);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['onerror', '访问被拒绝']);
    expect(highlightPieces('', ['x'])).toEqual([{ text: '', mark: false }]);
  });

  it('marks URL patterns and merges overlapping matches', () => {
    expect(matchRanges('https://x.taobao.com/_____tmd_____/punish?x=1', [], ['_+tmd_+/punish', '(bad'])).toEqual([[21, 41]]);
    expect(mergeRanges([[5, 8], [0, 3], [2, 6], [10, 12]])).toEqual([[0, 8], [10, 12]]);
  });

  it('finds the words of the rule behind a finding: built-in or the user’s own', () => {
    const rule = BUILTIN_RULES.find((r) => r.phrases?.length)!;
    expect(ruleById(rule.id)).toBe(rule);
    expect(ruleNeedles(rule).phrases).toEqual(expect.arrayContaining(rule.phrases!));
    const mine = { ...rule, id: 'user.mine', phrases: ['限制购买'] };
    expect(ruleById('user.mine', [mine])).toBe(mine);
    expect(ruleNeedles(undefined)).toEqual({ phrases: [], patterns: [] });
  });
});

describe('times', () => {
  it('shows UTC and the observer’s own offset', () => {
    expect(formatUtc('2026-03-20T08:00:05.000Z')).toBe('2026-03-20 08:00:05 UTC');
    expect(formatAtOffset('2026-03-20T20:00:05.000Z', 480)).toBe('2026-03-21 04:00:05 UTC+08:00');
    expect(formatAtOffset('2026-03-20T02:00:00.000Z', -330)).toBe('2026-03-19 20:30:00 UTC-05:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatUtc('not a time')).toBe('not a time');
  });

  it('counts days back from today', () => {
    const days = lastDays(30, new Date(2026, 2, 5, 15));
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe('2026-03-05');
    expect(days[0]).toBe('2026-02-04');
    expect(dayKey(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});

describe('the timeline', () => {
  it('rounds the axis up and places a bar per day, tallest for the busiest day', () => {
    expect([0, 1, 3, 7, 10, 11, 45, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
    const now = new Date(2026, 2, 30, 12);
    const m = timelineModel({ '2026-03-30': 4, '2026-03-01': 9, '2026-02-01': 100 }, now, { width: 300, height: 120 });
    expect(m.bars).toHaveLength(30);
    expect(m.total).toBe(13);
    expect(m.top).toBe(10);
    expect(m.busiest).toEqual({ day: '2026-03-01', count: 9 });
    const busiest = m.bars.find((b) => b.day === '2026-03-01')!;
    expect(Math.max(...m.bars.map((b) => b.height))).toBe(busiest.height);
    expect(m.bars.filter((b) => b.count === 0).every((b) => b.height === 0)).toBe(true);
    expect(m.bars.at(-1)!.x + m.bars.at(-1)!.width).toBeLessThanOrEqual(300);
    expect(timelineModel({}, now, { width: 300, height: 120 }).busiest).toBeNull();
  });
});

describe('the custom rule form', () => {
  const taken = new Set(BUILTIN_RULES.map((r) => r.id));

  it('builds a rule that validates, and round-trips it', () => {
    const draft = { ...EMPTY_DRAFT, id: 'user.demo', phrases: '限制购买\n\n  暂停交易 ', hosts: 'taobao.com, tmall.com' };
    const c = checkDraft(draft, taken);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.rule).toMatchObject({ id: 'user.demo', hosts: ['taobao.com', 'tmall.com'], phrases: ['限制购买', '暂停交易'], signal: 'text', confidence: 0.8, fixtures: [] });
    expect(checkDraft(ruleToDraft(c.rule), taken)).toEqual(c);
  });

  it('puts each error next to its field', () => {
    const c = checkDraft({ ...EMPTY_DRAFT, id: 'x', hosts: 'taobao.com, not a host!', phrases: '限制购买\nx', confidence: '3' }, taken);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors.id).toEqual([{ key: 'ruleErrId' }]);
    expect(c.errors.hosts).toEqual([{ key: 'ruleErrHost', value: 'host!' }]);
    expect(c.errors.phrases).toEqual([{ key: 'ruleErrPhraseShort', line: 2 }]);
    expect(c.errors.confidence).toEqual([{ key: 'ruleErrConfidence' }]);

    const empty = checkDraft({ ...EMPTY_DRAFT, id: 'user.a', phrases: '' }, taken);
    expect(!empty.ok && empty.errors.phrases).toEqual([{ key: 'ruleErrPhrasesEmpty' }]);
    const url = checkDraft({ ...EMPTY_DRAFT, id: 'user.b', signal: 'url', patterns: '(unclosed' }, taken);
    expect(!url.ok && url.errors.patterns).toEqual([{ key: 'ruleErrPattern', line: 1 }]);
    const dup = checkDraft({ ...EMPTY_DRAFT, id: BUILTIN_RULES[0]!.id, phrases: '限制购买' }, taken);
    expect(!dup.ok && dup.errors.id).toEqual([{ key: 'ruleErrIdTaken' }]);
    expect(fieldOf('a rule needs phrases, patterns, a status or a header', 'url')).toEqual(['patterns', { key: 'ruleErrPatternsEmpty' }]);
    expect(draftToRule({ ...EMPTY_DRAFT, confidence: '' }).confidence).toBeNaN();
  });
});

describe('the coupons adapter', () => {
  afterEach(() => setLedgerLoader(undefined));
  const db = new ShutoutDB('ui-coupons-adapter');

  it('answers null and [] while the ledger module is missing', async () => {
    setLedgerLoader(async () => null);
    expect(await couponsAvailable()).toBe(false);
    expect(await itemCoupons(db, 'https://item.taobao.com/item.htm?id=1')).toBeNull();
    expect(await itemsWithMissingCoupons(db, 10)).toEqual([]);
  });

  it('passes through to the ledger when it is there', async () => {
    const view = { itemKey: 'taobao:1', platform: 'taobao', itemId: '1', url: 'u', current: null, missing: [], refused: [] };
    setLedgerLoader(async () => ({ itemCoupons: async () => view, itemsWithMissingCoupons: async (_db, limit) => [{ itemKey: 'k', platform: 'jd', itemId: '2', url: 'u', missingCount: limit, lastAt: 't' }] }));
    expect(await couponsAvailable()).toBe(true);
    expect(await itemCoupons(db, 'u')).toBe(view);
    expect((await itemsWithMissingCoupons(db, 3))[0]!.missingCount).toBe(3);
  });
});
