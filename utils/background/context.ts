import type { ObservationContext } from '../evidence/store';

/** "Chrome 156.0.8078.79", "Firefox 128.0" … from the user agent (user-agent data is not in every worker). */
export function browserName(userAgent: string): string {
  // Most specific first: Edge and Opera also say "Chrome", Chrome also says "Safari".
  const tokens: Array<[RegExp, string]> = [
    [/Edg\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/Chrom(?:e|ium)\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari/, 'Safari'],
  ];
  for (const [re, name] of tokens) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return 'unknown';
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
