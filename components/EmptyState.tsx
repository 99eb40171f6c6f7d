import { PLATFORMS } from '../utils/detect/platforms';
import { isChinese, t } from '../utils/ui/i18n';

/** The best-known marketplaces first (PLATFORMS is ordered by the descriptors' `rank`), when a few are named as examples. */
export function featuredPlatforms(count: number): string {
  const names = PLATFORMS.filter((p) => !p.wall)
    .slice(0, count)
    .map((p) => (isChinese() ? p.name.zh : p.name.en));
  return names.join(isChinese() ? '、' : ', ');
}

/** What Shutout watches, and how to see it work, for a browser that has recorded nothing yet. */
export function EmptyState() {
  const total = PLATFORMS.filter((p) => !p.wall).length;
  return (
    <div class="empty-state" data-testid="empty-state">
      <h3>{t('emptyTitle')}</h3>
      <p>{t('emptyWatches', [featuredPlatforms(8), String(total)])}</p>
      <p>{t('emptyKinds')}</p>
      <p>
        {t('emptyDemo')} <code>npm run demo</code>
      </p>
    </div>
  );
}
