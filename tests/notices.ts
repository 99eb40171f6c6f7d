/**
 * The notice corpus (docs/notices.md): facts of real notices and real ordinary pages, one JSON
 * object per line in tests/fixtures/notices/*.jsonl, each with the source where it was seen.
 * Fixture pages are written here from those facts (never copied from the source).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { KINDS } from '../utils/detect/kinds';
import { int, text } from '../utils/protocol/schema';
import type { NetworkInput } from '../utils/detect/types';

export const NOTICES_DIR = fileURLToPath(new URL('./fixtures/notices/', import.meta.url));

export const PLACEMENTS = ['page', 'title', 'dialog', 'toast', 'inline', 'api', 'header-only'] as const;

const strings = () => v.optional(v.array(v.string()));
// `inline`: a short statement of a page's inline script that marks the wall (`window.rbzns = {}`), no more.
const Markers = v.strictObject({ ids: strings(), classes: strings(), scripts: strings(), iframes: strings(), cookies: strings(), forms: strings(), meta: strings(), inline: strings() });

export const ItemSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{2,120}$/)),
    label: v.picklist(['positive', 'negative']),
    kind: v.nullable(v.picklist(KINDS.filter((k) => k !== 'coupon-missing'))),
    platform: v.nullable(text(40, 1)),
    lang: text(12, 2),
    placement: v.picklist(PLACEMENTS),
    /** `whole`: the text is (nearly) all the page shows; `excerpt`: a part of a longer page. */
    extent: v.optional(v.picklist(['whole', 'excerpt'])),
    url: v.pipe(v.string(), v.url()),
    status: v.optional(int(100, 999)),
    headers: v.optional(v.record(v.string(), v.string())),
    title: v.optional(text(400)),
    text: text(4000),
    context: v.optional(text(1200)),
    markers: v.optional(Markers),
    source: text(600, 8),
    note: v.optional(text(2000)),
  }),
  v.check((i) => (i.label === 'positive') === (i.kind !== null), 'positives have a kind, negatives none'),
);

export type Item = v.InferOutput<typeof ItemSchema> & { file: string };

export function loadItems(dir = NOTICES_DIR, onError?: (message: string) => void): Item[] {
  const out: Item[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = v.safeParse(ItemSchema, JSON.parse(line));
      if (!parsed.success) {
        const message = `${name}:${i + 1}: ${parsed.issues.map((x) => `${v.getDotPath(x) ?? ''}: ${x.message}`).join('; ')}`;
        if (onError) return onError(message);
        throw new Error(message);
      }
      out.push({ ...parsed.output, file: name });
    });
  }
  return out;
}

/**
 * Copies of one upstream text in other repositories: a fork, or a site that commits the language
 * pack it installed. They are one source, not independent evidence that a wording is common, so
 * they share the upstream's group (a held-out upstream takes its copies with it).
 */
const COPIES: ReadonlyArray<readonly [RegExp, string]> = [
  // WordPress sites commit WooCommerce's language packs (made at translate.wordpress.org).
  [/^[\w.-]+\/[\w.-]+:(?:[^\s@]*\/)?languages\/plugins\/woocommerce-[A-Za-z_]+\.(?:po|mo|json)\b|^woocommerce\/woocommerce:/i, 'woocommerce/woocommerce'],
  // ...and WordPress' own translations (wp-content/languages/pt_BR.po), made at the same place.
  [/^[\w.-]+\/[\w.-]+:(?:[^\s@]*\/)?wp-content\/languages\/[a-z]{2,3}(?:_[A-Z]{2})?(?:_\w+)?\.(?:po|mo|json)\b/, 'wordpress/wordpress'],
  [/^[\w.-]+\/solidus_i18n:/i, 'solidusio/solidus_i18n'],
  [/^[\w.-]+\/spree_i18n:/i, 'spree-contrib/spree_i18n'],
  [/^[\w.-]+\/pleroma:/i, 'pleroma/pleroma'],
  // Forks of Odoo carry its addons and their translations.
  [/^[\w.-]+\/(?:odoo|odoo-dev|odoo-docker|nwos|oi|orj|orbex|laid_odoo):addons\//i, 'odoo/odoo'],
  // Xboard is a fork of V2Board and keeps its language files.
  [/^cedar2025\/xboard:/i, 'v2board/v2board'],
  // MediaWiki's extensions are translated in one place (translatewiki.net), by one community.
  [/^wikimedia\/mediawiki(?:-extensions-[\w-]+)?:/i, 'wikimedia/mediawiki'],
  // DokuWiki moved from its author's account to its own; both names hold one project.
  [/^splitbrain\/dokuwiki:/i, 'dokuwiki/dokuwiki'],
  // Sites commit the language packs of Limit Login Attempts Reloaded that WordPress installed.
  [/^[\w.-]+\/[\w.-]+:(?:[^\s@]*\/)?languages\/plugins\/limit-login-attempts-reloaded-[A-Za-z_]+\.(?:po|mo|json)\b/i, 'wpchef/limit-login-attempts-reloaded'],
];

/**
 * The group a source belongs to, for leave-one-group-out evaluation: a repository
 * (`owner/repo`, from `owner/repo:path@commit` or a github.com URL), else the site's host.
 */
export function sourceGroup(source: string): string {
  const s = source.trim();
  for (const [copy, upstream] of COPIES) if (copy.test(s)) return upstream;
  const repo = /^([\w.-]+\/[\w.-]+):\S/.exec(s);
  if (repo && !/^https?:/i.test(s)) return repo[1]!.toLowerCase();
  try {
    const u = new URL(s.split(/\s/)[0]!);
    const host = u.hostname.replace(/^www\./, '').toLowerCase();
    if (host === 'github.com' || host === 'gist.github.com' || host === 'raw.githubusercontent.com') {
      const [owner, repoName] = u.pathname.split('/').filter(Boolean);
      return owner && repoName && host !== 'gist.github.com' ? `${owner}/${repoName}`.toLowerCase() : `${host}/${owner ?? ''}`.toLowerCase();
    }
    return host;
  } catch {
    return s.toLowerCase();
  }
}

/** Every source of a `;`-separated list, each reduced to its group. */
export function sourceGroups(sources: string): string[] {
  return [...new Set(sources.split(';').map((s) => s.trim()).filter(Boolean).map(sourceGroup))];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function paragraphs(text: string): string {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

function markerHtml(m: Item['markers']): string {
  if (!m) return '';
  const parts: string[] = [];
  for (const id of m.ids ?? []) parts.push(`<div id="${escapeHtml(id)}"></div>`);
  if (m.classes?.length) parts.push(`<div class="${escapeHtml(m.classes.join(' '))}"></div>`);
  for (const src of m.iframes ?? []) parts.push(`<iframe src="${escapeHtml(src)}" width="300" height="200"></iframe>`);
  for (const action of m.forms ?? []) parts.push(`<form action="${escapeHtml(action)}" method="post"></form>`);
  return parts.join('\n');
}

function headHtml(item: Item, title: string): string {
  const scripts = [
    ...(item.markers?.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`),
    ...(item.markers?.inline ?? []).map((code) => `<script>${code.replace(/<\//g, '<\\/')}</script>`),
  ].join('\n');
  const meta = (item.markers?.meta ?? []).map((m) => {
    const [name, content] = m.split(':');
    return `<meta name="${escapeHtml(name ?? '')}" content="${escapeHtml(content ?? '')}">`;
  }).join('\n');
  return `<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n${meta}\n${scripts}\n</head>`;
}

/** Is the item a network answer (tested with the network rules) rather than a page? */
export function isNetworkItem(item: Item): boolean {
  return item.placement === 'api' || item.placement === 'header-only';
}

/**
 * The rest of a long page that an excerpt came from: navigation that stands in for what the item
 * does not record, so that the page is judged as the long page it was (its body is not a notice).
 */
const LONG_PAGE_REST = `<nav class="site-links">${Array.from({ length: 1000 }, (_, i) => `<a href="/p/${i + 1}">${i + 1}</a>`).join(' ')}</nav>`;

/** The page a fixture shows for an item, written from its facts. */
export function itemPage(item: Item): string {
  const title = item.placement === 'title' ? item.text : (item.title ?? '');
  const rest = item.extent === 'excerpt' ? LONG_PAGE_REST : '';
  const context = (item.context ? `<main>\n${paragraphs(item.context)}\n</main>` : '') + rest;
  let body: string;
  switch (item.placement) {
    case 'dialog':
      body = `${context}\n<div class="modal-dialog" role="dialog" aria-modal="true">\n${paragraphs(item.text)}\n</div>`;
      break;
    case 'toast':
      body = `${context}\n<div class="toast" role="status">${escapeHtml(item.text)}</div>`;
      break;
    case 'inline':
      body = `${context}\n<section class="results">\n${paragraphs(item.text)}\n</section>`;
      break;
    case 'title':
      body = context;
      break;
    default:
      body = `<div class="content">\n${paragraphs(item.text)}\n</div>\n${rest}`;
  }
  return `<!doctype html>\n<html lang="${escapeHtml(item.lang)}">\n${headHtml(item, title)}\n<body>\n${body}\n${markerHtml(item.markers)}\n</body>\n</html>\n`;
}

/** The HTTP answer of a network item. */
export function itemResponse(item: Item): NetworkInput {
  const headers: Record<string, string> = { ...(item.headers ?? {}) };
  if (item.markers?.cookies?.length && !Object.keys(headers).some((h) => h.toLowerCase() === 'set-cookie')) {
    headers['set-cookie'] = item.markers.cookies.map((c) => `${c}=1; Path=/`).join(', ');
  }
  return {
    url: item.url,
    status: item.status ?? 200,
    headers,
    body: item.placement === 'header-only' ? '' : item.text,
    resource: item.placement === 'header-only' ? 'document' : 'api',
  };
}
