import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ItemCouponsView, MissingItemSummary, OfferView } from '../utils/coupons/view';
import { db } from '../utils/storage/db';
import { platformName, t, tn, type MessageKey } from '../utils/ui/i18n';
import { couponsAvailable, itemCoupons, itemsWithMissingCoupons } from '../utils/ui/coupons-data';
import { formatDateTime, formatNumber, formatShort } from '../utils/ui/format';
import { Icon } from './Icon';

const offerType = (type: string) => {
  const key = `offerType_${type.replace(/-/g, '_')}` as MessageKey;
  const s = t(key);
  return s === key ? t('offerType_unknown') : s;
};

function Offer(props: { offer: OfferView }) {
  return (
    <>
      <span class="offer-label">{props.offer.label}</span> <span class="chip">{offerType(props.offer.type)}</span>
    </>
  );
}

function CurrentItem(props: { view: ItemCouponsView; now: Date }) {
  const { view } = props;
  const cur = view.current;
  return (
    <div class="coupon-item" data-testid="coupons-current">
      <p class="muted small">
        {platformName(view.platform)} · {t('itemId', view.itemId)}
      </p>
      <h4>{t('couponsSeenNow')}</h4>
      {!cur ? (
        <p class="muted small">{t('couponsNoVisit')}</p>
      ) : cur.state === 'not-loaded' ? (
        <p class="muted small">{t('couponsNotLoaded')}</p>
      ) : cur.offers.length === 0 ? (
        <p class="muted small">{t('couponsNoneShown')}</p>
      ) : (
        <ul class="offers" data-testid="coupons-seen">
          {cur.offers.map((o) => (
            <li key={o.key}>
              <Offer offer={o} />
            </li>
          ))}
        </ul>
      )}
      <h4>{t('couponsMissing')}</h4>
      {view.missing.length === 0 ? (
        <p class="muted small">{t('couponsMissingNone')}</p>
      ) : (
        <ul class="offers missing" data-testid="coupons-missing">
          {view.missing.map((m) => (
            <li key={`${m.offer.key}|${m.baseline}|${m.baselineName ?? ''}`}>
              <Offer offer={m.offer} />
              <span class="muted small block">
                {t('couponsSeenBy', [m.baselineName ? `${t(`baseline_${m.baseline}` as MessageKey)} “${m.baselineName}”` : t(`baseline_${m.baseline}` as MessageKey), formatDateTime(m.seenAt)])}
              </span>
            </li>
          ))}
        </ul>
      )}
      {view.refused.length > 0 && (
        <>
          <h4>{t('couponsRefused')}</h4>
          <ul class="offers refused" data-testid="coupons-refused">
            {view.refused.map((r, i) => (
              <li key={i}>
                <span class="snippet-inline">{r.snippet}</span>
                <span class="muted small block">{formatShort(r.at, props.now)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function CouponsPanel(props: { tabId: number | null; url: string | null; now: Date }) {
  const [available, setAvailable] = useState<boolean | null>(null);
  const [item, setItem] = useState<ItemCouponsView | null>(null);
  const [items, setItems] = useState<MissingItemSummary[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void (async () => {
      const [ok, view, list] = await Promise.all([
        couponsAvailable(),
        props.url ? itemCoupons(db(), props.url).catch(() => null) : Promise.resolve(null),
        itemsWithMissingCoupons(db(), 20).catch(() => []),
      ]);
      setAvailable(ok);
      setItem(view);
      setItems(list);
    })();
  }, [props.url, reload]);

  const compare = async () => {
    if (props.tabId === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = (await browser.runtime.sendMessage({ type: 'coupons/control', tabId: props.tabId })) as { ok: boolean; error?: string; offers?: number; missing?: number } | undefined;
      if (res && res.ok) {
        const counted = typeof res.offers === 'number' && typeof res.missing === 'number';
        setMessage({ text: counted ? t('compareResult', [formatNumber(res.offers!), formatNumber(res.missing!)]) : t('compareDone'), error: false });
        setReload((n) => n + 1);
      } else setMessage({ text: t('compareFailed', res?.error ?? t('noAnswer')), error: true });
    } catch (e) {
      setMessage({ text: t('compareFailed', (e as Error).message), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="coupons" data-testid="coupons">
      <section aria-labelledby="coupons-here">
        <h3 id="coupons-here">{t('couponsThisItem')}</h3>
        {available === null ? (
          <p class="muted small">{t('loading')}</p>
        ) : item ? (
          <CurrentItem view={item} now={props.now} />
        ) : (
          <p class="muted small" data-testid="coupons-empty">
            {available ? t('couponsNoItem') : t('couponsUnavailable')}
          </p>
        )}
        <div class="row-actions">
          <button type="button" class="btn small" data-testid="coupons-compare" disabled={props.tabId === null || busy} onClick={() => void compare()}>
            <Icon name="tag" />
            {busy ? t('comparing') : t('compareLoggedOut')}
          </button>
        </div>
        <p class={message?.error ? 'msg error' : 'msg'} role="status" aria-live="polite" data-testid="coupons-message">
          {message?.text ?? ''}
        </p>
        <p class="muted small">{t('compareHelp')}</p>
      </section>
      <section aria-labelledby="coupons-list">
        <h3 id="coupons-list">{t('couponsItemsMissing')}</h3>
        {items.length === 0 ? (
          <p class="muted small">{t('couponsItemsNone')}</p>
        ) : (
          <ul class="missing-items" data-testid="coupons-items">
            {items.map((i) => (
              <li key={i.itemKey}>
                <a href={/^https?:/i.test(i.url) ? i.url : undefined} target="_blank" rel="noopener noreferrer">
                  {platformName(i.platform)} · {i.itemId}
                </a>
                <span class="muted small block">
                  {tn('missingCount', i.missingCount, formatNumber(i.missingCount))} · {formatShort(i.lastAt, props.now)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
