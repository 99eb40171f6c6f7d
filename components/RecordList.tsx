import type { FindingRecord } from '../utils/db';
import { kindLabel, t } from '../utils/i18n';
import { platformName } from './StatusCard';

export function RecordList(props: { records: FindingRecord[] }) {
  if (props.records.length === 0) return <p class="empty">{t('noRecords')}</p>;
  return (
    <ul class="records" data-testid="records">
      {props.records.map((r) => (
        <li key={r.id} data-rule={r.ruleId}>
          <div>
            <span class="kind">{kindLabel(r.kind)}</span> · {platformName(r.platform)}
          </div>
          {/* Page text is rendered as text, never as HTML. */}
          <div class="snippet">{r.snippet}</div>
          <div class="meta">{new Date(r.observedAt).toLocaleString()}</div>
        </li>
      ))}
    </ul>
  );
}
