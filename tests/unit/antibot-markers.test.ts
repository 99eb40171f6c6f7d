import providers from 'is-antibot/providers.json';
import { describe, expect, it } from 'vitest';
import { antibotMarkers, ROLE, type Provider } from '../../utils/detect/general/antibot';

/**
 * is-antibot's provider data as the structural layer maps it into page markers: every html rule of a
 * provider with a wall role, each rule once, as the package wrote it, and nothing of the providers
 * that ordinary pages carry or of the captcha widgets that the widget layer judges instead.
 */
const list = (providers as { providers: Provider[] }).providers;
const { markup } = antibotMarkers();

/** The provider rule a marker was made from, by the indices in its id. */
function ruleOf(id: string) {
  const [, name, type, di, ri] = id.split('.');
  const p = list.find((x) => x.name === name)!;
  const d = p.detections[Number(di)]!;
  return { p, d, type, r: d.rules[Number(ri)]! };
}

describe("is-antibot's html rules as page markers", () => {
  it('are made once, and only from html rules of providers with a wall role', () => {
    expect(antibotMarkers()).toBe(antibotMarkers());
    expect(markup.length).toBeGreaterThan(20);
    for (const m of markup) {
      const { p, d, type } = ruleOf(m.id);
      expect(type).toBe('html');
      expect(d.type).toBe('html');
      const role = ROLE[p.name];
      expect(role, p.name).not.toBe('presence');
      expect(role).toBeTruthy();
      if (role && role !== 'presence') expect([m.kind, m.platform]).toEqual([role.kind, role.platform]);
      expect(m.statuses).toEqual(d.statusCodes);
    }
  });

  it('leave out presence-only providers and captcha widgets an ordinary form embeds', () => {
    const names = new Set(markup.map((m) => m.id.split('.')[1]));
    for (const name of ['akamai', 'geetest', 'google', 'recaptcha', 'hcaptcha', 'cloudflare-turnstile', 'funcaptcha']) expect(names.has(name), name).toBe(false);
    for (const m of markup) expect(m.test.source).not.toMatch(/px-captcha|g-recaptcha|h-captcha|cf-turnstile/i);
  });

  it('match what each rule names: a `contains` literally, case-insensitive, a regex with its flags as far as this engine takes them', () => {
    let contains = 0;
    let regex = 0;
    for (const m of markup) {
      const { r } = ruleOf(m.id);
      if (r.contains) {
        contains++;
        expect(m.test.flags).toBe('i');
        expect(m.test.test(r.contains), r.contains).toBe(true);
        expect(m.test.test(r.contains.toUpperCase()), r.contains).toBe(true);
        // Special characters are literal: a dot matches a dot, not any character.
        if (r.contains.includes('.')) expect(m.test.test(r.contains.replace(/\./g, 'x'))).toBe(false);
      } else {
        regex++;
        expect(r.regex).toBeTruthy();
        expect(m.test.source).toBe(new RegExp(r.regex!).source);
        expect(m.test.flags).toMatch(/^[imsu]*$/);
        expect(m.test.flags).toBe((r.flags ?? '').replace(/[^imsu]/g, '').split('').sort().join(''));
      }
    }
    expect(contains).toBeGreaterThan(0);
    expect(regex).toBeGreaterThan(0);
  });

  it('cover every html rule of every wall provider that is neither a widget nor unreadable', () => {
    const ids = new Set(markup.map((m) => m.id));
    let expected = 0;
    for (const p of list) {
      const role = ROLE[p.name];
      if (!role || role === 'presence') continue;
      p.detections.forEach((d, di) => {
        if (d.type !== 'html') return;
        d.rules.forEach((r, ri) => {
          const text = r.regex ?? r.contains ?? '';
          if (/px-captcha|g-recaptcha|h-captcha|cf-turnstile/i.test(text) || ['cloudflare-turnstile', 'hcaptcha', 'recaptcha', 'funcaptcha', 'friendly-captcha', 'qcloud-captcha'].includes(p.name)) return;
          expected++;
          expect(ids.has(`antibot.${p.name}.html.${di}.${ri}`), `${p.name} ${text}`).toBe(true);
        });
      });
    }
    expect(ids.size).toBe(expected);
  });
});
