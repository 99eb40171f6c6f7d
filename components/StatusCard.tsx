import { platformById } from '../utils/detect/platforms';
import { kindLabel, t, uiLanguage } from '../utils/i18n';
import type { TabStatus } from '../utils/messages';

export function platformName(id: string | null): string {
  if (!id) return '';
  const p = platformById(id);
  if (!p) return id;
  return uiLanguage().startsWith('zh') ? p.name.zh : p.name.en;
}

export function StatusCard(props: { status: TabStatus | null; watched: boolean }) {
  const { status, watched } = props;
  if (!status) {
    return (
      <section class="status unknown" data-testid="status" data-state="unknown">
        <strong>{watched ? t('statusNotScanned') : t('statusNotWatched')}</strong>
      </section>
    );
  }
  const blocked = status.detections.length > 0;
  return (
    <section class={`status ${blocked ? 'blocked' : 'clear'}`} data-testid="status" data-state={blocked ? 'blocked' : 'clear'}>
      <strong>
        {blocked ? t('statusBlocked') : t('statusClear')}
        {status.platform ? ` · ${t('statusOn', platformName(status.platform))}` : ''}
      </strong>
      {blocked && (
        <ul>
          {status.detections.map((d) => (
            <li key={d.ruleId}>
              <span class="kind">{kindLabel(d.kind)}</span>
              {d.until ? ` (${t('until', d.until)})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
