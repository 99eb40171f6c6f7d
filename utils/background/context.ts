import type { ObservationContext } from '../evidence/store';

/** "Chrome 156.0.8078.79", "Firefox 128.0" … from the user agent (user-agent data is not in every worker). */
export function browserName(userAgent: string): string {
  const m =
    /(Edg|OPR|Firefox|Chrome|Chromium|Safari)\/([\d.]+)/.exec(userAgent.replace(/Version\/([\d.]+).*Safari/, 'Safari/$1')) ?? null;
  if (!m) return 'unknown';
  const name = { Edg: 'Edge', OPR: 'Opera' }[m[1]!] ?? m[1]!;
  return `${name} ${m[2]}`;
}

export function observationContext(opts: { extensionVersion: string; userAgent: string; uiLanguage: string; profileLabel: string; now?: Date }): ObservationContext {
  return {
    extensionVersion: opts.extensionVersion,
    browser: browserName(opts.userAgent),
    uiLanguage: opts.uiLanguage,
    profileLabel: opts.profileLabel,
    tzOffsetMinutes: -(opts.now ?? new Date()).getTimezoneOffset(),
  };
}
