/**
 * Prints what the extension's host permissions are made of, from the descriptors: each
 * marketplace, the hosts its content script watches, and the domains that identify it.
 * `npm run hosts` (Markdown, for a review or an issue).
 */
import { writePlatformIndex } from './platform-index';

writePlatformIndex();
const { MARKETPLACES } = await import('../utils/detect/platforms');
const { MARKETPLACE_MATCHES } = await import('../utils/detect/hosts');

const rows = MARKETPLACES.map((d) => {
  const watch = d.watch ?? [...d.domains, ...(d.subdomains ?? [])];
  const ids = [...d.domains, ...(d.subdomains ?? [])].filter((h) => !watch.includes(h));
  return `| ${d.name.en} (${d.name.zh}) | ${watch.map((h) => `\`${h}\``).join(' ')} | ${ids.map((h) => `\`${h}\``).join(' ') || '–'} |`;
});
console.log(
  [
    `${MARKETPLACES.length} marketplaces, ${MARKETPLACE_MATCHES.length} host permissions (\`*://*.<host>/*\`).`,
    '',
    '| platform | watched (host permissions) | also recognised, not watched |',
    '|---|---|---|',
    ...rows,
  ].join('\n'),
);
