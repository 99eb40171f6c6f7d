import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORMS } from '../../utils/detect/platforms';
import { RULE_FAMILIES } from '../../utils/detect/rules';
import { isChinese, platformName, t, type MessageKey } from '../../utils/ui/i18n';
import { ruleChoicesFrom } from '../../utils/storage/rule-choices';

/**
 * A rule group's name: its locale message when there is one, else the names of its platforms
 * (a new platform's own group needs no edit outside its descriptor).
 */
function familyLabel(family: string, rules: readonly { platform: string }[]): string {
  const key = `family_${family}` as MessageKey;
  const label = t(key);
  if (label && label !== key) return label;
  return [...new Set(rules.map((r) => r.platform))].map((id) => platformName(id)).join(isChinese() ? '、' : ', ');
}

/** Platforms and rule families on and off: storage.local disabledPlatforms / disabledFamilies. */
export function DetectionSection() {
  const [offPlatforms, setOffPlatforms] = useState<string[] | null>(null);
  const [offFamilies, setOffFamilies] = useState<string[]>([]);
  const [general, setGeneral] = useState(true);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void browser.storage.local.get(['disabledPlatforms', 'disabledFamilies', 'generalLayer']).then((stored) => {
      const { choices } = ruleChoicesFrom(stored);
      setGeneral(choices.general !== false);
      setOffPlatforms([...(choices.disabledPlatforms ?? [])]);
      setOffFamilies([...(choices.disabledFamilies ?? [])]);
    });
  }, []);

  if (!offPlatforms) return <section id="detection" class="card" aria-busy="true" />;

  const toggle = async (kind: 'platform' | 'family', id: string, on: boolean) => {
    const list = kind === 'platform' ? offPlatforms : offFamilies;
    const next = on ? list.filter((x) => x !== id) : [...new Set([...list, id])];
    if (kind === 'platform') {
      setOffPlatforms(next);
      await browser.storage.local.set({ disabledPlatforms: next });
    } else {
      setOffFamilies(next);
      await browser.storage.local.set({ disabledFamilies: next });
    }
    setSaved(t('saved'));
  };

  const toggleGeneral = async (on: boolean) => {
    setGeneral(on);
    await browser.storage.local.set({ generalLayer: on });
    setSaved(t('saved'));
  };

  const platforms = PLATFORMS.filter((p) => !p.wall);
  const sep = isChinese() ? '、' : ', ';

  return (
    <section id="detection" class="card" aria-labelledby="detection-title">
      <h2 id="detection-title">{t('optDetection')}</h2>
      <fieldset>
        <legend>{t('optPlatforms')}</legend>
        <p class="hint">{t('optPlatformsHint')}</p>
        <div class="checks grid">
          {platforms.map((p) => (
            <label key={p.id} class="check-item">
              <input type="checkbox" data-testid={`platform-${p.id}`} checked={!offPlatforms.includes(p.id)} onChange={(e) => void toggle('platform', p.id, (e.currentTarget as HTMLInputElement).checked)} />
              <span>{platformName(p.id)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('optFamilies')}</legend>
        <p class="hint">{t('optFamiliesHint')}</p>
        <div class="checks">
          {Object.entries(RULE_FAMILIES).map(([family, rules]) => {
            const covered = [...new Set(rules.map((r) => r.platform))].map((id) => platformName(id)).join(sep);
            return (
              <label key={family} class="check-item wide">
                <input type="checkbox" data-testid={`family-${family}`} checked={!offFamilies.includes(family)} onChange={(e) => void toggle('family', family, (e.currentTarget as HTMLInputElement).checked)} />
                <span>
                  <strong>{familyLabel(family, rules)}</strong>
                  <span class="hint block">{t('familyRules', [String(rules.length), covered])}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('optGeneral_layer')}</legend>
        <label class="check-item wide">
          <input type="checkbox" data-testid="general-layer" checked={general} onChange={(e) => void toggleGeneral((e.currentTarget as HTMLInputElement).checked)} />
          <span>
            <strong>{t('optGeneralLayerLabel')}</strong>
            <span class="hint block">{t('optGeneralLayerHint')}</span>
          </span>
        </label>
      </fieldset>
      <p class="msg ok" role="status" aria-live="polite" data-testid="detection-saved">
        {saved}
      </p>
    </section>
  );
}
