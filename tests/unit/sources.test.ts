/**
 * Every source is a link a reader can follow: a URL, or `owner/repo:path` (with `@commit`) of a
 * public repository. A rule's or a fixture's `source` is a list separated by ";", and each item
 * must carry one. Ids that only a search tool knows are refused by name. Negative fixtures written
 * for Shutout say so in an `about:` line instead of a source.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../utils/detect/rules';
import { FRAMES } from '../../utils/detect/general/frames';
import { OWN_MARKERS } from '../../utils/detect/general/structure';
import { WIDGETS } from '../../utils/detect/general/widgets';
import { loadCorpus } from '../corpus';
import { loadItems } from '../notices';

const URL_FORM = /\bhttps?:\/\/[^\s;,)]+/;
const REPO_FORM = /(?:^|[\s(])[A-Za-z0-9][\w.-]*\/[\w.-]+:[^\s;,)]+/;
const SEARCH_IDS = /code index|find_string|file ids?\b|\bids? \d{6,}|notices-dev|\/work\//i;

/** The items of a source that a reader cannot follow, with the reason. */
export function unfollowable(source: string | undefined): string[] {
  const items = (source ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return ['no source'];
  const bad: string[] = [];
  for (const item of items) {
    if (SEARCH_IDS.test(item)) bad.push(`names a search index or a local file, not a public one: ${item}`);
    else if (!URL_FORM.test(item) && !REPO_FORM.test(item)) bad.push(`no URL or owner/repo:path: ${item}`);
  }
  return bad;
}

describe('sources a reader can follow', () => {
  it('accepts URLs and owner/repo:path@commit, and refuses the rest', () => {
    expect(unfollowable('https://github.com/a/b/issues/1 (quote)')).toEqual([]);
    expect(unfollowable('EnableSecurity/wafw00f:wafw00f/plugins/distil.py@acf61041 (markers)')).toEqual([]);
    expect(unfollowable('https://a.example/x; b/c:d.ts@1234567')).toEqual([]);
    expect(unfollowable('GitHub code index file id 26274384425')).toHaveLength(1);
    expect(unfollowable('https://a.example/x; public file found via find_string (id 12345678)')).toHaveLength(1);
    expect(unfollowable('corpus notices-dev')).toHaveLength(1);
    expect(unfollowable('a scraper somewhere')).toHaveLength(1);
    expect(unfollowable('')).toEqual(['no source']);
  });

  for (const rule of BUILTIN_RULES) {
    it(`rule ${rule.id}`, () => {
      expect(unfollowable(rule.source)).toEqual([]);
    });
  }

  for (const f of loadCorpus()) {
    it(`fixture ${f.path}`, () => {
      if (f.expect === 'clear' && !f.source) {
        expect(f.about, `${f.path}: a negative fixture without a source says what it is in "about"`).toBeTruthy();
        return;
      }
      expect(unfollowable(f.source)).toEqual([]);
    });
  }

  for (const x of [...FRAMES, ...WIDGETS, ...OWN_MARKERS]) {
    it(`general layer ${x.id}`, () => {
      expect(unfollowable(x.source)).toEqual([]);
    });
  }

  it('every notice corpus item', () => {
    const bad = loadItems().flatMap((i) => unfollowable(i.source).map((why) => `${i.id}: ${why}`));
    expect(bad).toEqual([]);
  });
});
