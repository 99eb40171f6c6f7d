import { Logo } from '../Icon';
import { useState } from 'preact/hooks';
import { t } from '../../utils/ui/i18n';
import type { LanguageChoice } from '../../utils/ui/i18n';
import { DangerZone } from './DangerZone';
import { DetectionSection } from './DetectionSection';
import { GeneralSection } from './GeneralSection';
import { ImportSection } from './ImportSection';
import { CouponLedgerSection } from './CouponLedgerSection';
import { RulesSection } from './RulesSection';
import { SigningSection } from './SigningSection';

const SECTIONS = [
  { id: 'general', key: 'optGeneral' },
  { id: 'detection', key: 'optDetection' },
  { id: 'rules', key: 'optRules' },
  { id: 'signing', key: 'optSigningTitle' },
  { id: 'import', key: 'optImport' },
  { id: 'delete', key: 'optDelete' },
] as const;

/** The options page: one page of sections, each saving as soon as something changes. */
export function OptionsApp(props: { onLanguage(choice: LanguageChoice): Promise<void> }) {
  const [, setLangTick] = useState(0);
  return (
    <div class="options">
      <header class="opt-header">
        <h1>
          <Logo size={22} />
          {t('optTitle')}
        </h1>
        <p class="muted">{t('optIntro')}</p>
        <nav aria-label={t('optSections')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{t(s.key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <GeneralSection
          onLanguage={async (choice) => {
            await props.onLanguage(choice);
            setLangTick((n) => n + 1);
          }}
        />
        <DetectionSection />
        <RulesSection />
        <SigningSection />
        <ImportSection />
        <CouponLedgerSection />
        <DangerZone />
      </main>
    </div>
  );
}
