// Targets of one's own, as a person adds them: the form, the horizon extended and said, the row
// with the CLI's number, the link in a fresh tab, the CSV and the JSON holding the target, a
// refused target said beside the form, the joint view of one's own, and removing it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appTest, useBrowser, waitReady, snapshot, nativeRun, nativeJson, noticeLines } from './helpers.mjs';

const getBrowser = useBrowser();

/** Fills the "add a target" form and submits it. */
async function addTarget(page, { name, series, rule, years, threshold, wording = '' }) {
  const form = page.locator('[data-own-form]');
  await form.locator('[data-own-field="name"]').fill(name);
  await form.locator('[data-own-field="series"]').selectOption(series);
  await form.locator('[data-own-field="rule"]').selectOption(rule);
  await form.locator('[data-own-field="years"]').fill(years);
  await form.locator('[data-own-field="threshold"]').fill(threshold);
  await form.locator('[data-own-field="wording"]').fill(wording);
  await form.locator('[data-own-add]').click();
}

for (const lang of ['zh', 'en']) {
  appTest(`a target of one's own: added, judged, linked, exported and removed (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    const page = await h.open(`${url}${lang === 'en' ? '#lang=en' : ''}`);
    await page.$eval('details.own-targets', (el) => { el.open = true; });
    const wording = lang === 'zh' ? '“十五五”期间地区生产总值年均增长 6%' : 'GDP grows 6 % a year in 2026–2030';

    await t.test('added from the form: the horizon follows it, its row has the CLI\'s number', async () => {
      await addTarget(page, { name: 'g30', series: 'gdp', rule: 'cagr_ge', years: '2025-2030', threshold: '6', wording });
      const snap = await waitReady(page, { fragment: { 't.g30': 'gdp~cagr_ge~2025-2030~6', horizon: '2030' } });
      const lines = await noticeLines(page);
      assert.ok(lines.some((l) => (lang === 'zh' ? /展望年份已延长至 2030 年/ : /horizon was extended to 2030/).test(l)), lines.join('\n'));
      const row = page.locator('tr[data-own-target="g30"]');
      assert.match(await row.textContent(), new RegExp(lang === 'zh' ? '年均增速 ≥ 6 %/年' : 'yearly growth 2025→2030 ≥ 6 %/yr'));
      assert.match(await row.locator('.target-wording').textContent(), lang === 'zh' ? /十五五/ : /2026–2030/);
      const native = nativeRun(snap.hash);
      assert.equal(await row.getAttribute('data-probability'), native.own.g30.probability);
      assert.equal(await row.getAttribute('data-stderr'), native.own.g30.stderr);
    });

    const link = (await snapshot(page)).hash;

    await t.test('the link in a fresh tab gives the same number', async () => {
      const fresh = await h.open(`${url}${link}`);
      await waitReady(fresh);
      assert.equal(
        await fresh.getAttribute('tr[data-own-target="g30"]', 'data-probability'),
        await page.getAttribute('tr[data-own-target="g30"]', 'data-probability'),
      );
    });

    await t.test('the CSV holds it with its wording, the JSON as the user\'s', async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('.export-bar [data-export="targets-csv"]')]);
      const text = readFileSync(await file.path(), 'utf8');
      const row = text.split('\n').find((line) => line.startsWith('own:g30,'));
      assert.ok(row, `an own:g30 row in:\n${text}`);
      assert.ok(row.includes(wording), 'with the wording typed');
      const json = nativeJson(link);
      const [own] = json.user_targets;
      assert.deepEqual([own.name, own.user, own.series, own.rule, own.years, own.threshold], ['g30', true, 'gdp', 'cagr_ge', [2025, 2030], 6]);
      assert.equal(own.probability.toFixed(4), await page.getAttribute('tr[data-own-target="g30"]', 'data-probability'));
    });

    await t.test('a target the rules cannot take is refused beside the form', async () => {
      const numbers = (await snapshot(page)).numbers;
      await addTarget(page, { name: 'bad', series: 'air', rule: 'held_ge', years: '2040', threshold: '95' });
      const refused = page.locator('[data-own-refused]');
      await refused.waitFor();
      assert.match(await refused.textContent(), lang === 'zh' ? /2021–2035/ : /2021–2035/);
      assert.equal((await snapshot(page)).fragment['t.bad'], undefined);
      assert.deepEqual((await snapshot(page)).numbers, numbers, 'nothing moved');
    });

    await t.test('targets met together: the plan\'s ten, or one\'s own', async () => {
      const all = page.locator('dd[data-together="all"]');
      const planText = await all.textContent();
      await page.click('[data-together-of="own"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-met-count]').length === 2);
      assert.notEqual(await all.textContent(), planText);
      await page.click('[data-together-of="plan"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-met-count]').length === 11);
    });

    await t.test('removed: its row and its key leave', async () => {
      await page.click('[data-own="g30"] button');
      await page.waitForFunction(() => !location.hash.includes('t.g30'));
      await waitReady(page);
      assert.equal(await page.locator('tr[data-own-target]').count(), 0);
    });
  });
}

appTest('a mangled target in a link: one notice, and the rest of the link works', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(`${url}#gdp=6&t.x=gdp~nope~2030~6&t.bad%20name=gdp~level_ge~2030~1`);
  const snap = await waitReady(page);
  assert.equal(snap.sliders.gdp, '6');
  const lines = await noticeLines(page);
  assert.equal(lines.filter((l) => /t\.x=/.test(l)).length, 1, lines.join('\n'));
  assert.equal(lines.filter((l) => /t\.bad name=/.test(l)).length, 1, lines.join('\n'));
  assert.equal(await page.locator('tr[data-own-target]').count(), 0);
});
