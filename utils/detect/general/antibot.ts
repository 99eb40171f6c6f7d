import providers from 'is-antibot/providers.json';
import type { Kind } from '../kinds';
import { headMarkers, type HeaderMarker } from './antibot-head';

export type { HeaderMarker } from './antibot-head';

/**
 * The structural layer's vendor markers come from `is-antibot` (npm, MIT: 38 providers kept as
 * data by Microlink, who meet antibot walls in hundreds of millions of requests a month), mapped
 * here into Shutout's terms under Shutout's own false-alarm controls:
 * - markup markers count only on a wall-shaped page (little visible text, see structure.ts);
 * - markers that ordinary protected pages also carry (sensor scripts, session cookies, a
 *   captcha library that a login form loads) never fire alone ("presence");
 * - status-gated markers need the status, which a saved page usually lacks.
 */
export interface ProviderRule {
  contains?: string;
  regex?: string;
  flags?: string;
  header?: string;
  headerNamePattern?: string;
  equals?: string;
  startsWith?: string;
  oneOf?: string[];
  exists?: boolean;
  except?: string;
  cookie?: string;
  status?: number;
}
export interface Provider {
  name: string;
  label: string;
  category: string;
  detections: Array<{ type: string; statusCodes?: number[]; rules: ProviderRule[] }>;
}

/** Shutout's reading of each provider: what its wall means, and which providers only show that a site is protected. */
export const ROLE: Record<string, { kind: Kind; platform: string } | 'presence'> = {
  cloudflare: { kind: 'risk-challenge', platform: 'cloudflare' },
  'cloudflare-turnstile': { kind: 'risk-challenge', platform: 'cloudflare' },
  datadome: { kind: 'risk-challenge', platform: 'datadome' },
  perimeterx: { kind: 'risk-challenge', platform: 'perimeterx' },
  imperva: { kind: 'risk-challenge', platform: 'imperva' },
  sucuri: { kind: 'access-denied', platform: 'sucuri' },
  anubis: { kind: 'risk-challenge', platform: 'anubis' },
  'aws-waf': { kind: 'risk-challenge', platform: 'aws-waf' },
  cloudfront: { kind: 'access-denied', platform: 'aws-waf' },
  hostinger: { kind: 'risk-challenge', platform: 'hostinger' },
  'fullstory-challenge': { kind: 'risk-challenge', platform: 'fullstory' },
  weibo: { kind: 'risk-challenge', platform: 'weibo' },
  reddit: { kind: 'access-denied', platform: 'reddit' },
  hcaptcha: { kind: 'risk-challenge', platform: 'hcaptcha' },
  recaptcha: { kind: 'risk-challenge', platform: 'recaptcha' },
  funcaptcha: { kind: 'risk-challenge', platform: 'arkose' },
  'friendly-captcha': { kind: 'risk-challenge', platform: 'friendly-captcha' },
  'qcloud-captcha': { kind: 'risk-challenge', platform: 'tencent-captcha' },
  amazon: { kind: 'risk-challenge', platform: 'amazon' },
  vercel: { kind: 'risk-challenge', platform: 'vercel' },
  kasada: { kind: 'risk-challenge', platform: 'kasada' },
  // Present on ordinary pages of protected or partner sites: never a wall by themselves.
  akamai: 'presence',
  shapesecurity: 'presence',
  threatmetrix: 'presence',
  meetrics: 'presence',
  ocule: 'presence',
  cheq: 'presence',
  reblaze: 'presence',
  'aliexpress-captcha': 'presence',
  geetest: 'presence',
  'captcha-eu': 'presence',
  google: 'presence',
  instagram: 'presence',
  youtube: 'presence',
  linkedin: 'presence',
  houzz: 'presence',
  dribbble: 'presence',
  douban: 'presence',
};

export interface MarkupMarker {
  id: string;
  kind: Kind;
  platform: string;
  test: RegExp;
  /** Fires only with one of these statuses. */
  statuses?: readonly number[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function build(): { markup: MarkupMarker[]; headers: HeaderMarker[]; cookies: HeaderMarker[] } {
  const markup: MarkupMarker[] = [];
  for (const p of (providers as { providers: Provider[] }).providers) {
    const role = ROLE[p.name];
    if (!role || role === 'presence') continue;
    p.detections.forEach((d, di) => {
      if (d.type !== 'html') return;
      d.rules.forEach((r, ri) => {
        const id = `antibot.${p.name}.${d.type}.${di}.${ri}`;
        if (WIDGET_PROVIDERS.has(p.name) || WIDGET_MARKUP.test(r.regex ?? r.contains ?? '')) return;
        let test: RegExp | undefined;
        try {
          if (r.contains) test = new RegExp(escape(r.contains), 'i');
          else if (r.regex) test = new RegExp(r.regex, (r.flags ?? '').replace(/[^imsu]/g, ''));
        } catch {
          test = undefined; // a pattern this engine cannot compile: left out
        }
        if (test) markup.push({ id, kind: role.kind, platform: role.platform, test, statuses: d.statusCodes });
      });
    });
  }
  return { markup, ...headMarkers() };
}

/**
 * Captcha widgets that ordinary forms embed (a contact form's Turnstile, a hidden #px-captcha
 * container): their markup says nothing about the page being a wall, so the widget layer judges
 * them by visibility and form instead (widgets.ts).
 */
const WIDGET_PROVIDERS = new Set(['cloudflare-turnstile', 'hcaptcha', 'recaptcha', 'funcaptcha', 'friendly-captcha', 'qcloud-captcha']);
const WIDGET_MARKUP = /px-captcha|g-recaptcha|h-captcha|cf-turnstile/i;

let built: ReturnType<typeof build> | undefined;
/** The mapped markers, built once when the structural layer first runs. */
export function antibotMarkers(): ReturnType<typeof build> {
  return (built ??= build());
}

export const ANTIBOT_SOURCE = 'https://github.com/microlinkhq/is-antibot/blob/master/src/providers.json (npm is-antibot@2.5.15)';
