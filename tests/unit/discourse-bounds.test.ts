import { describe, expect, it } from 'vitest';
import { isDiscussion, quotedSpans, sentences } from '../../utils/detect/general/discourse';

/** The sentence splitter's bounds and the thresholds that make a text a discussion (what the stop-37 mutation run left alive). */
describe('sentences', () => {
  it('keeps at most 40 sentences: a notice is a few short ones, a long text is read no further', () => {
    const many = Array.from({ length: 50 }, (_, i) => `第${i}句。`).join('');
    const split = sentences(many);
    expect(split).toHaveLength(40);
    expect(split[39]).toBe('第39句。');
  });
  it('drops the empty pieces that blank lines leave and trims each sentence', () => {
    expect(sentences('\n\n访问受限\n\n\n请稍后再试\n')).toEqual(['访问受限', '请稍后再试']);
    expect(sentences('   ')).toEqual([]);
  });
  it('splits after a full stop followed by several spaces, as pages often space their sentences', () => {
    expect(sentences('Access denied.   Try again later.')).toEqual(['Access denied.', 'Try again later.']);
    expect(sentences('Access denied.\t\tYour IP was blocked.')).toEqual(['Access denied.', 'Your IP was blocked.']);
  });
});

describe('isDiscussion: how much narration makes a text a discussion', () => {
  it('two narrating sentences are a discussion, one is not', () => {
    expect(isDiscussion('Today my account was blocked. I contacted support twice.')).toBe(true);
    expect(isDiscussion('我的账号被封了。我联系了客服。')).toBe(true);
    expect(isDiscussion('Today my account was blocked. Support will reply within two days.')).toBe(false);
  });
  it('one narrating sentence with a question is a discussion; a question alone is a wall asking', () => {
    expect(isDiscussion('Today my account was blocked. Why did this happen?')).toBe(true);
    expect(isDiscussion('Access denied. Why have I been blocked?')).toBe(false);
    expect(isDiscussion('Your access has been limited. Please try again later.')).toBe(false);
  });
});

describe('quotedSpans', () => {
  it('returns the text inside each kind of quotes', () => {
    expect(quotedSpans('页面提示“活动太火爆”，还有「账号异常」')).toEqual(['活动太火爆', '账号异常']);
  });
});
