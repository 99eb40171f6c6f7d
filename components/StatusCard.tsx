import { kindHelp, kindLabel, platformName, t } from '../utils/ui/i18n';
import type { TabStatus } from '../utils/protocol/messages';
import { formatDateTime, formatRelative, formatShort } from '../utils/ui/format';
import { featuredPlatforms } from './EmptyState';
import { Icon } from './Icon';
import type { Scope, ScopeCheck } from '../utils/scope/types';
import { scopeText } from '../utils/ui/scope';

export { platformName };

export interface StatusCardProps {
  status: TabStatus | null;
  /** Is the tab on a marketplace Shutout watches? */
  watched: boolean;
  /** When each kind was first recorded on this page load (from the findings). */
  since: Record<string, string>;
  hasTab: boolean;
  capturing: boolean;
  onCapture(): void;
  now: Date;
  /** The page's recorded block, when there is one: its scope check is offered here. */
  scope?: { findingId: string; scope?: Scope; check?: ScopeCheck; busy: boolean; error?: string };
  onCheckScope?(findingId: string): void;
}

/** "Check whether it is my account" for the page in the tab, and what the latest check found. */
function ScopeLine(props: Pick<StatusCardProps, 'scope' | 'onCheckScope'>) {
  const s = props.scope;
  if (!s) return null;
  return (
    <div class="status-scope" data-testid="status-scope" data-scope={s.scope ?? ''}>
      {s.scope && <p class="scope-result small">{scopeText(s.scope, s.check)}</p>}
      {s.error && <p class="small error">{t('scopeFailed', s.error)}</p>}
      <button type="button" class="btn small" data-testid="status-scope-check" disabled={s.busy} onClick={() => props.onCheckScope?.(s.findingId)}>
        <Icon name="info" />
        {s.busy ? t('scopeChecking') : t('scopeCheckButton')}
      </button>
    </div>
  );
}

function CaptureButton(props: Pick<StatusCardProps, 'hasTab' | 'capturing' | 'onCapture'>) {
  return (
    <button type="button" class="btn small" data-testid="capture" disabled={!props.hasTab || props.capturing} onClick={props.onCapture}>
      <Icon name="camera" />
      {props.capturing ? t('capturing') : t('captureButton')}
    </button>
  );
}

/** The answer at a glance: is the page in this tab blocking me? */
export function StatusCard(props: StatusCardProps) {
  const { status, watched, now } = props;
  if (!status) {
    const examples = featuredPlatforms(6);
    return (
      <section class="status unknown" data-testid="status" data-state="unknown" aria-labelledby="status-title">
        <div class="status-head">
          <Icon name={watched ? 'clock' : 'info'} />
          <h2 id="status-title">{watched ? t('statusNotScanned') : t('statusNotWatched')}</h2>
        </div>
        <p class="status-text">{watched ? t('statusNotScannedHelp') : t('statusNotWatchedHelp', examples)}</p>
        {watched && (
          <div class="status-foot">
            <span />
            <CaptureButton {...props} />
          </div>
        )}
      </section>
    );
  }
  const blocked = status.detections.length > 0;
  const where = status.platform ? platformName(status.platform) : '';
  return (
    <section class={`status ${blocked ? 'blocked' : 'clear'}`} data-testid="status" data-state={blocked ? 'blocked' : 'clear'} aria-labelledby="status-title">
      <div class="status-head">
        <Icon name={blocked ? 'block' : 'check'} />
        <h2 id="status-title">
          {blocked ? (where ? t('statusBlockedOn', where) : t('statusBlocked')) : where ? t('statusClearOn', where) : t('statusClear')}
        </h2>
      </div>
      {blocked ? (
        <ul class="detections">
          {status.detections.map((d) => {
            const since = props.since[d.kind] ?? status.checkedAt;
            return (
              <li key={d.ruleId} data-kind={d.kind}>
                <strong class="kind">{kindLabel(d.kind)}</strong>
                <span class="help">{kindHelp(d.kind)}</span>
                <span class="when">
                  <time dateTime={since} title={formatDateTime(since)}>
                    {t('since', [formatShort(since, now), formatRelative(since, now)])}
                  </time>
                  {d.until && (
                    <>
                      {' · '}
                      <time dateTime={d.until} data-testid="until">
                        {t('until', formatDateTime(d.until))}
                      </time>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="status-text">{t('statusClearHelp')}</p>
      )}
      {blocked && <ScopeLine scope={props.scope} onCheckScope={props.onCheckScope} />}
      <div class="status-foot">
        <time dateTime={status.checkedAt} title={formatDateTime(status.checkedAt)}>
          {t('checkedAt', formatRelative(status.checkedAt, now))}
        </time>
        <CaptureButton {...props} />
      </div>
    </section>
  );
}
