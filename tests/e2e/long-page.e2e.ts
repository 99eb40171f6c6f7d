import { afterEach, describe, expect, it } from 'vitest';
import { launch, serveBody, storedRecords, storedRows, waitForRecords, type Session } from '../../scripts/lib/browser';

// A long page (over 3,000 elements and 20,000 characters of text) is read without innerText: its pieces' raw text is
// scanned and only the blocks around what was found are judged for visibility and read exactly
// (utils/dom/collect-long.ts). These pages check that this reading gives the verdicts innerText
// gives: hidden, template, script and noscript text never fires; text shown, split across
// elements, after hidden copies of itself, or in an open shadow root, does.

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Ordinary product cards: about 70 characters of visible text each. */
function cards(n: number, from = 0): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    out.push(`<div class="card"><h3>保温杯 ${i} 号 316不锈钢</h3><p>大容量 便携 带吸管 适合儿童和成人日常使用</p><span class="price">¥${(39 + (i % 50)).toFixed(2)}</span></div>`);
  }
  return out.join('\n');
}

function longPage(title: string, inside: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>.gone{display:none}.ghost{visibility:hidden}.clear{opacity:0}</style></head>
<body>
<h1>儿童保温杯 店铺热卖</h1>
<div class="list">${cards(500)}</div>
${inside}
<div class="list">${cards(500, 500)}</div>
<footer><a href="#">联系客服</a></footer>
</body></html>`;
}

/** Every way a notice can be on a page without being shown. */
const TRAPS = `
<div class="gone">活动太火爆，请稍后再试</div>
<div hidden>活动太火爆，请稍后再试</div>
<div class="ghost">亲，访问被拒绝</div>
<div class="clear">亲，访问被拒绝</div>
<template><div>活动太火爆，请稍后再试</div></template>
<noscript>活动太火爆，请稍后再试</noscript>
<script>window.__msg = "活动太火爆，请稍后再试";</script>
<style>.x::after{content:"活动太火爆，请稍后再试"}</style>`;

async function open(url: string, html: string): Promise<Session> {
  const s = (session = await launch());
  await serveBody(s.context, url, html);
  const page = await s.context.newPage();
  await page.goto(url);
  return s;
}

describe('a long page read without innerText', () => {
  it('records nothing when every notice on it is hidden, in a template, a script, a noscript or a style', async () => {
    const url = 'https://item.jd.com/100000000101.html';
    const s = await open(url, longPage('【京东】保温杯 - 京东', TRAPS));
    // The page's scan is recorded as a visit, with or without findings: wait for it.
    await expect.poll(async () => (await storedRows(s, 'visits')).some((v) => v.url === url), { timeout: 20_000 }).toBe(true);
    expect(await storedRecords(s)).toEqual([]);
  });

  it('records a notice shown after hidden copies of it, split across elements', async () => {
    const url = 'https://item.jd.com/100000000102.html';
    const s = await open(url, longPage('【京东】保温杯 - 京东', `${TRAPS}<div class="toast" role="alert"><b>活动太火爆</b>，<span>请稍后再试</span></div>`));
    const records = await waitForRecords(s, (r) => r.length > 0, 20_000);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'promotion-denied', platform: 'jd' });
  });

  it('records a notice in an open shadow root', async () => {
    const url = 'https://item.jd.com/100000000103.html';
    const shadow = `<jd-toast></jd-toast><script>
      customElements.define('jd-toast', class extends HTMLElement {
        connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<div class="toast" role="alert">活动太火爆，请稍后再试</div>'; }
      });</script>`;
    const s = await open(url, longPage('【京东】保温杯 - 京东', shadow));
    const records = await waitForRecords(s, (r) => r.length > 0, 20_000);
    expect(records[0]).toMatchObject({ kind: 'promotion-denied', platform: 'jd' });
  });

  it('records a wall notice shown in the middle of a long Taobao page', async () => {
    const url = 'https://item.taobao.com/item.htm?id=600000000101';
    const s = await open(url, longPage('儿童保温杯 - 淘宝网', '<div class="notice"><p>亲，访问被拒绝</p><p>请检查是否使用了代理软件或 VPN 哦~</p></div>'));
    const records = await waitForRecords(s, (r) => r.length > 0, 20_000);
    expect(records[0]).toMatchObject({ kind: 'access-denied', platform: 'taobao' });
  });
});
