// The first screen written into the built page (src/prerender.rs): the default scenario's
// numbers before any WebAssembly loads, the very bits the app computes, in both languages; a link
// to another scenario never shows the default's numbers; the app takes its place when ready.

import assert from 'node:assert/strict';
import { appTest, useBrowser, waitReady, snapshot } from './helpers.mjs';

const getBrowser = useBrowser();

/** The page with its WebAssembly held back: what a slow phone shows before the app loads. */
async function firstScreen(h, url, viewport = { width: 390, height: 844 }, before = async () => {}) {
  return h.open(url, {
    viewport,
    waitForReady: false,
    beforeLoad: async (page) => {
      await before(page);
      await page.route('**/*.wasm', () => {});
    },
  });
}

/** The first screen's rows in `lang`: target → [probability, stderr, the cell's text]. */
function prerenderedRows(page, lang) {
  return page.$$eval(`[data-prerender-lang="${lang}"] tr[data-pre-target]`, (rows) =>
    Object.fromEntries(rows.map((row) => [
      row.getAttribute('data-pre-target'),
      [row.getAttribute('data-pre-probability'), row.getAttribute('data-pre-stderr'), row.querySelector('td.probability').textContent.trim()],
    ])));
}

/** The app's rows: target → [probability, stderr, the cell's text]. */
function appRows(page) {
  return page.$$eval('#app tr[data-target]', (rows) =>
    Object.fromEntries(rows.map((row) => [
      row.getAttribute('data-target'),
      [row.getAttribute('data-probability'), row.getAttribute('data-stderr'), row.querySelector('td.probability').textContent.trim()],
    ])));
}

for (const lang of ['zh', 'en']) {
  appTest(`the first screen shows the app's own numbers, bit for bit, before the app loads (${lang})`, getBrowser, async (h) => {
    const url = await h.serve('/');
    const suffix = lang === 'en' ? '#lang=en' : '';
    const early = await firstScreen(h, `${url}${suffix}`);
    await early.waitForSelector(`[data-prerender-lang="${lang}"]`, { state: 'visible' });
    assert.equal(await early.isHidden(`[data-prerender-lang="${lang === 'zh' ? 'en' : 'zh'}"]`), true, 'one language shown');
    assert.equal(await early.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-CN');
    const before = await prerenderedRows(early, lang);
    assert.equal(Object.keys(before).length, 10);
    const fingerprint = await early.getAttribute('#prerender', 'data-prerender');

    const page = await h.open(`${url}${suffix}`);
    await waitReady(page);
    assert.deepEqual(await appRows(page), before, 'every chance, its margin and its words');
    assert.equal((await snapshot(page)).fingerprint, fingerprint, 'the same run, bit for bit');
    // Once ready, the app has taken its place.
    await page.waitForFunction(() => !document.getElementById('prerender'));
    assert.equal(await page.isVisible('#app'), true);
  });
}

appTest('a link to another scenario keeps the layout and hides the default\'s numbers', getBrowser, async (h) => {
  const url = await h.serve('/');
  const early = await firstScreen(h, `${url}#gdp=6`);
  await early.waitForSelector('#prerender.prerender-other');
  for (const selector of ['.headline', '.outlook', 'td.probability', 'td.band', 'td.rule', 'table.targets caption']) {
    const hidden = await early.$eval(`[data-prerender-lang="zh"] ${selector}`, (el) => getComputedStyle(el).visibility);
    assert.equal(hidden, 'hidden', `${selector} hidden`);
  }
  assert.equal(await early.isVisible('[data-prerender-lang="zh"] .note-other'), true, 'it says it is computing this link');
  // The default scenario's own link, written in full, is the default scenario.
  const written = await firstScreen(h, `${url}#v=3&target=air&lang=en&ck=000000`);
  await written.waitForSelector('[data-prerender-lang="en"]', { state: 'visible' });
  assert.equal(await written.getAttribute('#prerender', 'class'), null);
  // An embedded piece does not resemble the page: no first screen at all.
  const embedded = await firstScreen(h, `${url}#embed=targets`);
  await embedded.waitForLoadState('domcontentloaded');
  assert.equal(await embedded.$('#prerender'), null);
});

appTest('a browser without WebAssembly SIMD is told, in both languages, over the first screen', getBrowser, async (h) => {
  const url = await h.serve('/');
  // A browser that supports it: no word of it.
  const able = await firstScreen(h, url);
  await able.waitForSelector('[data-prerender-lang="zh"]', { state: 'visible' });
  assert.equal(await able.isHidden('#cannot-run'), true);
  assert.equal(await able.locator('[role="alert"]').count(), 0, 'nothing alerted');
  // One that does not (the check answered as such a browser answers it).
  const unable = await firstScreen(h, url, { width: 390, height: 844 }, (page) =>
    page.addInitScript(() => { WebAssembly.validate = () => false; }));
  await unable.waitForSelector('#cannot-run[role="alert"]', { state: 'visible' });
  const text = await unable.textContent('#cannot-run');
  assert.match(text, /无法运行本模拟器.*WebAssembly SIMD.*Safari 16\.4/s);
  assert.match(text, /cannot run the simulator: it needs WebAssembly with SIMD.*default scenario, computed when the site was built/s);
  assert.equal(await unable.isVisible('[data-prerender-lang="zh"] tr[data-pre-target]'), true, 'the default numbers stay');
});
