import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { uiLanguage } from '../../utils/i18n';

/** The tab the popup describes: `?tab=<id>` when opened as a page (tests, demo), else the active tab. */
async function targetTab(): Promise<{ id: number; url: string } | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) {
    const tab = await browser.tabs.get(Number(param));
    return tab.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}

document.documentElement.lang = uiLanguage().startsWith('zh') ? 'zh-CN' : 'en';
render(<PopupApp loadTab={targetTab} />, document.getElementById('app')!);
