import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fold, foldToString } from '../../utils/detect/normalize';
import { BUILTIN_RULES } from '../../utils/detect/rules';

describe('fold', () => {
  it('folds full-width forms and case', () => {
    expect(foldToString('ＡＣＣＥＳＳ　ＤＥＮＩＥＤ')).toBe('access denied');
    expect(foldToString('Robot Check')).toBe('robot check');
  });

  it('drops punctuation and spacing between CJK characters, keeps one space between words', () => {
    expect(foldToString('哎哟喂,被挤爆啦')).toBe(foldToString('哎哟喂，被挤爆啦'));
    expect(foldToString('哎哟喂 被挤爆啦')).toBe('哎哟喂被挤爆啦');
    expect(foldToString('Just   a moment...')).toBe('just a moment');
    expect(foldToString('亲，访问被拒绝！')).toBe('亲访问被拒绝');
    expect(foldToString('10min后恢复访问')).toBe('10min后恢复访问');
  });

  it('folds Traditional to Simplified and variant characters', () => {
    expect(foldToString('親，訪問被拒絕')).toBe(foldToString('亲，访问被拒绝'));
    expect(foldToString('哎呦喂')).toBe(foldToString('哎哟喂'));
    expect(foldToString('帐号异常')).toBe(foldToString('账号异常'));
    expect(foldToString('帳號異常')).toBe(foldToString('账号异常'));
  });

  it('maps every folded unit back to the original text', () => {
    const text = '  亲，访问 被拒绝  ';
    const f = fold(text);
    expect(f.length).toBe(6);
    expect(text[f.origin[0]!]).toBe('亲');
    expect(text[f.origin[5]!]).toBe('绝');
  });

  it('folds the Traditional spelling of every built-in phrase like its Simplified spelling', () => {
    const conversions = ['tw', 'hk'].map((to) => OpenCC.Converter({ from: 'cn', to: to as 'tw' }));
    const unfolded: string[] = [];
    for (const rule of BUILTIN_RULES) {
      for (const phrase of [...(rule.phrases ?? []), ...(rule.all ?? [])]) {
        for (const toTrad of conversions) {
          const trad = toTrad(phrase);
          if (foldToString(trad) !== foldToString(phrase)) unfolded.push(`${rule.id}: ${phrase} / ${trad}`);
        }
      }
    }
    expect(unfolded, 'run: node --import tsx scripts/gen-t2s.ts').toEqual([]);
  });
});
