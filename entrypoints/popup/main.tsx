import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, startPopupLoads, type PopupTab } from '../../components/PopupApp';
import { db } from '../../utils/storage/db';
import { initI18n, t, uiLanguage } from '../../utils/ui/i18n';
import { DEFAULT_SETTINGS, getSettings } from '../../utils/storage/settings';
import '../../components/base.css';
import './style.css';

/** The tab the popup describes: `?tab=<id>` when opened as a page (tests, demo), else the active tab. */
async function targetTab(): Promise<PopupTab | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) {
    const tab = await browser.tabs.get(Number(param));
    return tab.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}

// What the first frame shows is fetched while the language setting is read.
const preload = startPopupLoads(targetTab);
void (async () => {
  const settings = await getSettings(db()).catch(() => DEFAULT_SETTINGS);
  performance.mark('shutout:settings');
  await initI18n(settings.language);
  document.documentElement.lang = uiLanguage();
  document.title = t('extName');
  render(<PopupApp loadTab={targetTab} preload={preload} />, document.getElementById('app')!);
})();
