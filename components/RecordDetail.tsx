import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { db, type CaptureRecord, type FindingRecord, type Review } from '../utils/storage/db';
import type { Rule } from '../utils/detect/types';
import { amendFinding } from '../utils/evidence/store';
import { kindHelp, kindLabel, platformName, t, uiLanguage, type MessageKey } from '../utils/ui/i18n';
import { formatAtOffset, formatBytes, formatDateTime, formatNumber, formatUtc } from '../utils/ui/format';
import type { Piece } from '../utils/ui/highlight';
import { Icon } from './Icon';
import { ScopeSection } from './ScopeSection';

export interface RecordDetailProps {
  record: FindingRecord;
  userRules: readonly Rule[];
  onClose(): void;
  /** After a review or note was saved (the record as stored now). */
  onChanged(record: FindingRecord): void;
}

/**
 * The snippet with the rule's words in <mark>: text nodes only, so hostile page text stays inert.
 * The rules are loaded with the detail view, not with the popup's first frame.
 */
export function Highlighted(props: { text: string; ruleId: string; userRules: readonly Rule[] }) {
  const [pieces, setPieces] = useState<Piece[] | null>(null);
  useEffect(() => {
    let live = true;
    void import('../utils/ui/highlight').then(({ highlightPieces, ruleById, ruleNeedles }) => {
      const { phrases, patterns } = ruleNeedles(ruleById(props.ruleId, props.userRules));
      if (live) setPieces(highlightPieces(props.text, phrases, patterns));
    });
    return () => {
      live = false;
    };
  }, [props.text, props.ruleId, props.userRules]);
  if (!pieces) return <>{props.text}</>;
  return <>{pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function Row(props: { label: string; children: ComponentChildren; mono?: boolean; testid?: string }) {
  return (
    <div class="kv">
      <dt>{props.label}</dt>
      <dd class={props.mono ? 'mono' : undefined} data-testid={props.testid}>
        {props.children}
      </dd>
    </div>
  );
}

function CaptureView(props: { capture: CaptureRecord }) {
  const { capture } = props;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(capture.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [capture.id]);
  const label = capture.type === 'screenshot' ? t('captureScreenshot') : t('captureSnapshot');
  return (
    <figure class="capture" data-testid="capture-item" data-type={capture.type}>
      {capture.type === 'screenshot' && url && <img src={url} alt={t('screenshotAlt', formatDateTime(capture.at))} loading="lazy" />}
      <figcaption>
        <strong>{label}</strong> · {formatBytes(capture.size)} · {formatDateTime(capture.at)}
        <span class="mono hash">SHA-256 {capture.sha256}</span>
        {url && (
          <a href={url} download={`shutout-${capture.type}-${capture.sha256.slice(0, 12)}.${capture.type === 'screenshot' ? 'png' : 'mhtml'}`}>
            {t('captureSave')}
          </a>
        )}
      </figcaption>
    </figure>
  );
}

/** One finding in full, with review actions. A modal view over the popup; Escape closes it. */
export function RecordDetail(props: RecordDetailProps) {
  const { record: r } = props;
  const [captures, setCaptures] = useState<CaptureRecord[]>([]);
  const [note, setNote] = useState(r.note ?? '');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    back.current?.focus();
  }, [r.id]);

  useEffect(() => {
    setNote(r.note ?? '');
    void db()
      .captures.where('findingId')
      .equals(r.id)
      .toArray()
      .then((cs) => setCaptures(cs.sort((a, b) => (a.type === b.type ? b.at.localeCompare(a.at) : a.type === 'screenshot' ? -1 : 1))))
      .catch(() => setCaptures([]));
  }, [r.id]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
      return;
    }
    if (e.key === 'Tab' && root.current) {
      // Keep Tab inside the dialog.
      const items = [...root.current.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, a[href], [tabindex="0"]')];
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const save = async (changes: { review?: Review; note?: string }, done: MessageKey) => {
    setSaving(true);
    try {
      await amendFinding(db(), r.id, changes);
      const fresh = await db().findings.get(r.id);
      if (fresh) props.onChanged(fresh);
      setMessage(t(done));
    } catch (e) {
      setMessage(t('saveFailed', (e as Error).message));
    } finally {
      setSaving(false);
    }
  };

  const href = safeHref(r.pageUrl);
  const whereKey = `where_${r.where}` as MessageKey;

  return (
    <div class="detail" role="dialog" aria-modal="true" aria-labelledby="detail-title" data-testid="detail" ref={root} onKeyDown={onKeyDown}>
      <div class="detail-bar">
        <button type="button" class="btn small" ref={back} onClick={props.onClose} data-testid="detail-close">
          <Icon name="back" />
          {t('back')}
        </button>
        <h2 id="detail-title">
          {kindLabel(r.kind)} · {platformName(r.platform)}
        </h2>
      </div>
      <div class="detail-body">
        <p class="help">{kindHelp(r.kind)}</p>
        <blockquote class="snippet-full" data-testid="detail-snippet">
          <Highlighted text={r.snippet} ruleId={r.ruleId} userRules={props.userRules} />
        </blockquote>

        <section class="review" aria-labelledby="review-title">
          <h3 id="review-title" data-testid="review-state" data-review={r.review}>
            {t('reviewState', r.review === 'confirmed' ? t('reviewConfirmed') : r.review === 'false-positive' ? t('reviewFalsePositive') : t('reviewUnreviewed'))}
          </h3>
          <div class="review-actions">
            <button type="button" class="btn small" aria-pressed={r.review === 'confirmed'} disabled={saving} data-testid="review-confirm" onClick={() => void save({ review: r.review === 'confirmed' ? 'unreviewed' : 'confirmed' }, r.review === 'confirmed' ? 'reviewCleared' : 'reviewSavedConfirmed')}>
              <Icon name="check" />
              {t('actionConfirm')}
            </button>
            <button type="button" class="btn small" aria-pressed={r.review === 'false-positive'} disabled={saving} data-testid="review-false-positive" onClick={() => void save({ review: r.review === 'false-positive' ? 'unreviewed' : 'false-positive' }, r.review === 'false-positive' ? 'reviewCleared' : 'reviewSavedFalsePositive')}>
              <Icon name="block" />
              {t('actionFalsePositive')}
            </button>
          </div>
          <label class="note-label" for="note">
            {t('noteLabel')}
          </label>
          <textarea id="note" rows={2} maxLength={2000} value={note} data-testid="note" onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          <div class="review-actions">
            <button type="button" class="btn small" disabled={saving || note === (r.note ?? '')} data-testid="note-save" onClick={() => void save({ note }, 'noteSaved')}>
              {t('noteSave')}
            </button>
            <span class="muted small" role="status" aria-live="polite" data-testid="review-message">
              {message}
            </span>
          </div>
          <p class="muted small">{t('reviewChainNote')}</p>
        </section>

        <ScopeSection record={r} onChanged={props.onChanged} />

        <h3>{t('detailFacts')}</h3>
        <dl class="facts">
          <Row label={t('fieldPage')}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" class="url">
                {r.pageUrl}
              </a>
            ) : (
              <span class="url">{r.pageUrl}</span>
            )}
            {r.pageTitle && <span class="muted block">{r.pageTitle}</span>}
          </Row>
          <Row label={t('fieldObservedUtc')} mono testid="observed-utc">
            {formatUtc(r.observedAt)}
          </Row>
          <Row label={t('fieldObservedLocal')} mono testid="observed-local">
            {formatAtOffset(r.observedAt, r.tzOffsetMinutes)}
          </Row>
          {r.until && <Row label={t('fieldUntil')}>{formatDateTime(r.until)}</Row>}
          <Row label={t('fieldRule')} mono>
            {r.ruleId}
          </Row>
          <Row label={t('fieldRuleset')} mono>
            {r.rulesetVersion}
          </Row>
          {r.why && (
            <Row label={t('fieldWhy')} testid="detail-why">
              {r.why}
            </Row>
          )}
          <Row label={t('fieldConfidence')}>{new Intl.NumberFormat(uiLanguage(), { style: 'percent' }).format(r.confidence)}</Row>
          <Row label={t('fieldWhere')}>{t(whereKey) === whereKey ? r.where : t(whereKey)}</Row>
          {r.basis && (
            <Row label={t('fieldBasis')} testid="basis">
              {t(r.basis === 'url-only' ? 'basisUrlOnly' : 'basisPageSupplied')}
            </Row>
          )}
          {r.initiator && (
            <Row label={t('fieldInitiator')} mono testid="initiator">
              {r.initiator}
            </Row>
          )}
          <Row label={t('fieldCount')}>{formatNumber(r.count)}</Row>
          <Row label={t('fieldSeq')} mono>
            {r.seq}
          </Row>
          <Row label={t('fieldHash')} mono testid="hash">
            {r.hash}
          </Row>
          <Row label={t('fieldProfile')}>{r.profileLabel || <span class="muted">{t('none')}</span>}</Row>
          <Row label={t('fieldBrowser')}>{r.browser}</Row>
          <Row label={t('fieldExtension')} mono>
            {r.extensionVersion}
          </Row>
          <Row label={t('fieldOrigin')}>{r.origin === 'import' ? t('originImport', r.importedFrom ?? '') : t('originLocal')}</Row>
          {r.note && <Row label={t('noteLabel')}>{r.note}</Row>}
        </dl>

        <h3>{t('capturesTitle')}</h3>
        {captures.length === 0 ? <p class="muted small">{t('capturesNone')}</p> : captures.map((c) => <CaptureView key={c.id} capture={c} />)}
      </div>
    </div>
  );
}
