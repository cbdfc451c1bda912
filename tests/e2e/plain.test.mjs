// Plain words for the people who decide: no view claims a certainty it does not have ("± 0.0 %"),
// the phone's strip never rounds a chance across its verdict, every chart is drawn for a
// full-page capture without scrolling, and the phone's "adjust" bar leaves the page's end clear.

import assert from 'node:assert/strict';
import { appTest, useBrowser, waitReady } from './helpers.mjs';

const getBrowser = useBrowser();

const ZERO_MARGIN = /±\s*0\.0\s*%/;

for (const lang of ['zh', 'en']) {
  appTest(`no view shows “± 0.0 %”: the page, the printed sheet (${lang})`, getBrowser, async (h) => {
    const url = await h.serve('/');
    // The defaults: high-tech at 0 %, "in step" and air near 100 %, where ± would round to 0.0.
    const page = await h.open(`${url}${lang === 'en' ? '#lang=en' : ''}`);
    await waitReady(page);
    assert.doesNotMatch(await page.evaluate(() => document.body.innerText), ZERO_MARGIN, 'the page');
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelectorAll('[data-print-sheet] .print-chart svg').length === 2);
    const sheet = await page.evaluate(() => document.querySelector('[data-print-sheet]').innerText);
    assert.ok(sheet.length > 100, 'the sheet has its text');
    assert.doesNotMatch(sheet, ZERO_MARGIN, 'the printed sheet');
  });
}

appTest('the strip never shows a chance on the other side of its verdict', getBrowser, async (h) => {
  const url = await h.serve('/');
  // Several scenarios, so that some chances land near 20 % and 80 %.
  for (const fragment of ['#', '#ht_push=27', '#gdp=8&vol=2.5', '#shock_p=20&inc=7']) {
    const page = await h.open(`${url}${fragment}`, { viewport: { width: 390, height: 844 } });
    await waitReady(page);
    const rows = await page.$$eval('ul.strip li[data-strip-target]', (chips) => chips.map((chip) => ({
      id: chip.dataset.stripTarget,
      shown: chip.querySelector('.chip-value').textContent.replace(/[●◐○]/g, '').trim(),
      band: [...chip.classList].find((c) => c.startsWith('band-')).slice(5),
    })));
    assert.equal(rows.length, 10);
    for (const { id, shown, band } of rows) {
      if (/^[<>]/.test(shown)) continue;
      const p = Number(shown.replace('%', '').trim()) / 100;
      const read = p >= 0.8 ? 'likely' : p <= 0.2 ? 'unlikely' : 'uncertain';
      assert.equal(read, band, `${fragment} ${id}: “${shown}” reads as ${read}, marked ${band}`);
    }
  }
});

appTest('every chart is drawn for a full-page capture without scrolling to it', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'), { viewport: { width: 1280, height: 800 } });
  await waitReady(page);
  // The last chart is far below the fold; after the page rests it is drawn all the same.
  const last = 'canvas[data-chart="culture_trip"]';
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.waitForFunction((selector) => (document.querySelector(selector)?.width ?? 0) >= 200, last, { timeout: 10_000 });
  const inked = await page.$eval(last, (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink += 1;
    return ink;
  });
  assert.ok(inked > 1000, `the chart has ink: ${inked} dark pixels`);
  assert.equal(await page.evaluate(() => scrollY), 0, 'nothing scrolled');
});

appTest('phone: the “adjust” bar leaves the end of the page clear', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'), { viewport: { width: 390, height: 844 } });
  await waitReady(page);
  // Once every chart is drawn and the analyses have come back (the page's length is then
  // final), at the very end of the page.
  await page.waitForFunction(() => (document.querySelector('canvas[data-chart="culture_trip"]')?.width ?? 0) >= 200);
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: 120_000 });
  // (Scrolled again on each poll: a chart drawn late may still lengthen the page.)
  const atEnd = await page.waitForFunction(
    () => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) < 2;
    },
    null,
    { polling: 100, timeout: 5_000 },
  ).catch(() => null);
  assert.ok(atEnd, `at the end: ${JSON.stringify(await page.evaluate(() => [scrollY, innerHeight, document.documentElement.scrollHeight]))}`);
  const clear = await page.evaluate(() => {
    const bar = document.querySelector('button.open-controls').getBoundingClientRect();
    const footer = document.querySelector('.page-footer').getBoundingClientRect();
    return { bar: bar.top, footer: footer.bottom, wide: bar.width };
  });
  assert.ok(clear.footer <= clear.bar + 0.5, `the footer ends above the bar: ${JSON.stringify(clear)}`);
  assert.ok(clear.wide >= 389, 'a bar along the bottom, not a button over the text');
});
