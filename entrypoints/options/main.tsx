import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { db } from '../../utils/storage/db';
import { initI18n, t, uiLanguage, type LanguageChoice } from '../../utils/ui/i18n';
import { DEFAULT_SETTINGS, getSettings } from '../../utils/storage/settings';
import '../../components/base.css';
import './style.css';

const root = document.getElementById('app')!;

async function show(choice: LanguageChoice): Promise<void> {
  await initI18n(choice);
  document.documentElement.lang = uiLanguage();
  document.title = `${t('optTitle')} · ${t('extName')}`;
}

void (async () => {
  const settings = await getSettings(db()).catch(() => DEFAULT_SETTINGS);
  await show(settings.language);
  // A language change loads the other messages; OptionsApp then re-renders every section.
  render(<OptionsApp onLanguage={show} />, root);
})();
