import { foldToString } from '../normalize';

/**
 * Features of a candidate for the learned layer, shared by training (scripts/train-model.ts) and
 * the extension: on folded text, Chinese/Japanese runs give character bigrams and trigrams,
 * other scripts give words and word pairs. Numbers collapse to "0" so that "请30秒后再试" and
 * "请60秒后再试" are one feature.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

export function featuresOf(text: string): string[] {
  const folded = foldToString(text.slice(0, 2000)).replace(/[0-9]+/g, '0');
  const out = new Set<string>();
  let run = '';
  const flushRun = () => {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) {
      out.add(run.slice(i, i + 2));
      if (i + 2 < run.length) out.add(run.slice(i, i + 3));
    }
    run = '';
  };
  let words: string[] = [];
  const flushWords = () => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w.length > 1 || words.length === 1) out.add('w:' + w);
      if (i + 1 < words.length) out.add('w:' + w + ' ' + words[i + 1]);
      // Letter trigrams within a word carry meaning across inflections and related languages
      // (blocked, blockiert, bloqueado), which whole words cannot.
      if (w.length >= 4 && !/^[0-9]+$/.test(w)) {
        const b = `<${w}>`;
        for (let j = 0; j + 3 <= b.length; j++) out.add('c:' + b.slice(j, j + 3));
      }
    }
    words = [];
  };
  let word = '';
  for (const ch of folded) {
    if (CJK.test(ch)) {
      if (word) words.push(word), (word = '');
      flushWords();
      run += ch;
    } else if (ch === ' ') {
      flushRun();
      if (word) words.push(word), (word = '');
    } else {
      flushRun();
      word += ch;
    }
  }
  flushRun();
  if (word) words.push(word);
  flushWords();
  return [...out];
}
