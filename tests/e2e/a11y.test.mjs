// Everyone can use it: axe-core (npm `axe-core`, pinned) finds no serious or critical violation
// on the full page in both languages, at a laptop's and a phone's width, and on each embedded
// piece; every slider has a name, a value with its unit in words and keys that move it; every
// fan chart has its numbers in a table.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { E2E_DIR, appTest, useBrowser, waitReady, writtenLink } from './helpers.mjs';

const getBrowser = useBrowser();
const AXE = join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js');

/** The serious and critical violations axe finds on the page, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    // Serious and critical ones, and the order of headings (moderate for axe, but a finding of
    // the page's audits: a screen reader's list of headings must not skip a level).
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id}: ${node.target.join(' ')} (${v.help})`));
  });
}

for (const [name, fragment, viewport] of [
  ['the full page in Chinese, laptop', '', { width: 1280, height: 900 }],
  ['the full page in English, laptop', '#lang=en', { width: 1280, height: 900 }],
  ['the full page in Chinese, phone', '', { width: 360, height: 740 }],
  ['the full page compared with a pinned A, English', null, { width: 1280, height: 900 }],
]) {
  appTest(`a11y: no serious or critical violation on ${name}`, getBrowser, async (h) => {
    const url = await h.serve('/');
    const link = fragment === null ? writtenLink('#gdp=6&lang=en') : fragment;
    const page = await h.open(`${url}${link}`, { viewport });
    if (fragment === null) {
      await page.locator('button[data-pin]').click();
      const slider = page.locator('input[type="range"][name="gdp"]');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await waitReady(page, { fragment: { gdp: '6.1' } });
    }
    // The decisions' analysis has come back: its "try" buttons are checked too.
    await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: 120_000 });
    // The folded parts open too: the assumptions, the observed years, one's own targets and a
    // chart's data table.
    await page.$$eval('details.observed, details.own-targets', (all) => all.forEach((d) => { d.open = true; }));
    if (viewport.width > 700) {
      await page.locator('details.assumptions > summary').click();
      await page.locator('details[data-chart-table="gdp"] > summary').click();
    }
    assert.deepEqual(await violations(page), []);
  });
}

for (const piece of ['targets', 'compare', 'histogram', 'gdp', 'air']) {
  appTest(`a11y: no serious or critical violation on the embedded ${piece}`, getBrowser, async (h) => {
    const url = await h.serve('/briefing/sim/');
    const page = await h.open(`${url}#embed=${piece}`, { viewport: { width: 320, height: 240 }, waitForReady: false });
    await page.locator(`#app.embed[data-embed="${piece}"][data-state="ready"]`).waitFor();
    assert.deepEqual(await violations(page), []);
    // One heading names the piece for a screen reader's list of headings.
    const headings = await page.$$eval('h1', (hs) => hs.map((h) => h.textContent));
    assert.equal(headings.length, 1, `${headings}`);
    assert.ok(headings[0].length > 2, `${headings}`);
  });
}

appTest('a11y: every slider has a name, its value in words with the unit, and keys', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  const sliders = await page.$$eval('input[type="range"]', (inputs) =>
    inputs.map((input) => ({
      name: input.name,
      label: input.labels?.[0]?.textContent.trim() || input.getAttribute('aria-label') || '',
      valuetext: input.getAttribute('aria-valuetext') || '',
      value: input.value,
    })),
  );
  assert.ok(sliders.length >= 10, `${sliders.length} sliders`);
  for (const slider of sliders) {
    assert.ok(slider.label, `${slider.name} has an accessible name`);
    assert.ok(/\d/.test(slider.valuetext) && /[^\d\s.,−-]/.test(slider.valuetext), `${slider.name}: “${slider.valuetext}” says the value with its unit`);
  }
  const inv = page.locator('input[type="range"][name="inv"]');
  await inv.focus();
  await page.keyboard.press('End');
  const end = await waitReady(page, { fragment: { inv: '200' } });
  assert.equal(end.sliders.inv, '200', 'End moves to the maximum');
  await page.keyboard.press('Home');
  await waitReady(page, { fragment: { inv: '-100' } });
  await page.keyboard.press('PageUp');
  const up = await waitReady(page, { numbersNot: end.numbers });
  assert.ok(Number(up.sliders.inv) > -100, 'PageUp moves up');

  // A fan chart's numbers as a table, drawn when its panel is first opened (by keyboard here):
  // one row a year 2020–2025, the five percentiles.
  await page.locator('details[data-chart-table="gdp"] > summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('details[data-chart-table="gdp"] tbody tr');
  const rows = await page.$$eval('details[data-chart-table="gdp"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
  );
  assert.deepEqual(rows.map((row) => row[0]), ['2020', '2021', '2022', '2023', '2024', '2025']);
  assert.ok(rows.every((row) => row.length === 6));
});
