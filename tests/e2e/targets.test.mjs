// Every target of the plan on the page, in both languages, with its provenance, the plan's own
// sentence, its distribution, and the assumptions panel.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, appTest, useBrowser, snapshot, waitReady, withParams, writtenLink } from './helpers.mjs';

const getBrowser = useBrowser();

const TARGET_IDS = [
  'gdp', 'income', 'income_sync', 'hightech', 'air',
  'green_ratio', 'green_cover', 'preschool', 'culture_star', 'culture_trip',
];

appTest('the list of targets is the one of indicators.md', getBrowser, async () => {
  // The project's copy (docs/plan/); where the shared original is beside the clone, the copy
  // must be it. The copy is always there, so this test never passes on nothing.
  const copy = join(REPO_ROOT, 'docs', 'plan', 'indicators.md');
  assert.ok(existsSync(copy), `${copy} is missing`);
  const text = readFileSync(copy, 'utf8');
  const original = join(REPO_ROOT, '..', 'shared', 'plan', 'indicators.md');
  if (existsSync(original)) assert.equal(text, readFileSync(original, 'utf8'), 'docs/plan/indicators.md is the shared one');
  const targetsSection = text.slice(text.indexOf('## Targets'), text.indexOf('Qualitative'));
  const ids = [...targetsSection.matchAll(/^\| ([a-z_]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
  assert.deepEqual(ids, TARGET_IDS);
});

/** The target ids of the table's rows, sorted (the table groups them by chapter). */
async function rowIds(page) {
  const ids = await page.$$eval('[data-target]', (rows) => rows.map((row) => row.getAttribute('data-target')));
  return ids.sort();
}

const SORTED_IDS = [...TARGET_IDS].sort();

appTest('every target is a row in Chinese and in English, with a plan badge', getBrowser, async (h) => {
  const url = await h.serve('/');
  const zh = await h.open(url);
  assert.deepEqual(await rowIds(zh), SORTED_IDS);
  const chapters = await zh.$$eval('tbody[data-chapter]', (groups) =>
    groups.map((g) => [g.dataset.chapter, [...g.querySelectorAll('[data-target]')].map((r) => r.dataset.target)]),
  );
  assert.deepEqual(chapters, [
    ['Goals', ['gdp', 'income', 'income_sync', 'hightech', 'air', 'preschool']],
    ['CityLivingRoom', ['green_ratio', 'green_cover']],
    ['Culture', ['culture_star', 'culture_trip']],
  ]);
  assert.equal(await zh.getAttribute('html', 'lang'), 'zh-CN');
  // Each badge cites the plan as an official would: the chapter and section its sentence is in.
  const sections = { Goals: ['第一章第五节', 'chapter 1, section 5'], CityLivingRoom: ['第五章第四节', 'chapter 5, section 4'], Culture: ['第七章第一节', 'chapter 7, section 1'] };
  const sectionOf = (id) => sections[chapters.find(([, ids]) => ids.includes(id))[0]];
  for (const id of TARGET_IDS) {
    const badge = zh.locator(`[data-target="${id}"] [data-provenance="plan"]`);
    const tip = await badge.getAttribute('data-tip');
    assert.ok(tip.startsWith(`规划原文,${sectionOf(id)[0]}`), `${id}: the badge names the plan's chapter and section: ${tip}`);
  }

  const en = await h.open(`${url}#lang=en`);
  assert.deepEqual(await rowIds(en), SORTED_IDS);
  assert.equal(await en.getAttribute('html', 'lang'), 'en');
  assert.match(await en.locator('table.targets caption').textContent(), /Chance of meeting/);
  assert.match(await en.locator('[data-target="hightech"]').textContent(), /exceed 400/);
  // In English each row leads with English: its first text has no Chinese; the plan's own
  // Chinese sentence is one click away.
  const firstTexts = await en.$$eval('tr[data-target] th', (cells) => cells.map((cell) => cell.innerText.trim().split('\n')[0]));
  assert.equal(firstTexts.length, TARGET_IDS.length);
  for (const text of firstTexts) assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `English first: ${text}`);
  await en.locator('[data-show-sentence="hightech"]').click();
  assert.match(await en.locator('[data-sentence-panel], .sentence-panel').first().textContent(), /高新技术企业/);
  for (const id of TARGET_IDS) {
    const tip = await en.locator(`[data-target="${id}"] [data-provenance="plan"]`).getAttribute('data-tip');
    assert.equal(tip, `the plan's text, ${sectionOf(id)[1]}`, `${id}: the badge in English`);
  }

  // The toggle switches the language of an open page and puts it into the link.
  await zh.getByRole('button', { name: 'English' }).click();
  await zh.waitForFunction(() => document.documentElement.lang === 'en' && location.hash.includes('lang=en'));
  assert.deepEqual(await rowIds(zh), SORTED_IDS);
});

appTest('every slider and number carries its provenance on hover and focus', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  const sliders = await page.$$eval('.slider', (els) =>
    els.map((el) => ({ key: el.dataset.param, tip: el.querySelector('[data-provenance]')?.getAttribute('data-tip') })),
  );
  assert.ok(sliders.length >= 10, `${sliders.length} sliders`);
  for (const { key, tip } of sliders) assert.ok(tip && tip.length > 4, `slider ${key} has a provenance tip`);
  // Focus shows the explanation (CSS ::after on :focus reads data-tip).
  const badge = page.locator('.slider[data-param="vol"] [data-provenance]');
  await badge.focus();
  const shown = await badge.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(shown, /假设/);
});

appTest('the plan text of a target opens beside the table', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  await page.locator('[data-show-sentence="hightech"]').click();
  const panel = page.locator('[data-sentence="hightech"]');
  await panel.waitFor();
  const text = await panel.textContent();
  assert.match(text, /高新技术企业总量突破 400 家/);
  // Cited as an official would: chapter and section, not a line of a file.
  assert.match(text, /第一章第五节/);
  assert.doesNotMatch(text, /行\b|line \d/);
  // It takes focus, and Esc closes it.
  assert.equal(await panel.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.locator('[data-show-sentence="hightech"]').click();
  await panel.waitFor();
  await panel.getByRole('button').click();
  await panel.waitFor({ state: 'detached' });
});

appTest('choosing a target draws the distribution its rule judges', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  assert.equal(await page.getAttribute('canvas[data-chart="histogram"]', 'data-histogram-target'), 'gdp');
  const gdp = await page.getAttribute('canvas[data-chart="histogram"]', 'aria-label');
  assert.match(gdp, /2025 年分布: 未达到 [\d.]+ %, 达到 [\d.]+ %$/, `GDP: its 2025 level, the shares on each side: ${gdp}`);
  // A held target (every year of 2021–2025): its worst year.
  await page.locator('[data-select-target="air"]').click();
  await page.waitForSelector('canvas[data-histogram-target="air"]');
  const label = await page.getAttribute('canvas[data-chart="histogram"]', 'aria-label');
  assert.match(label, /2021–2025 年中最低的一年: 未达到 [\d.]+ %, 达到 [\d.]+ %$/, `air: its worst year, the shares on each side: ${label}`);
  assert.equal(await page.getAttribute('button[data-select-target="air"]', 'aria-pressed'), 'true');
});

appTest('an assumption typed in goes into the link, moves its target, and resets', getBrowser, async (h) => {
  const url = await h.serve('/');
  // With the doubling plan pushed, the high-tech target is within reach (at the defaults no path
  // meets it, and more lapses could not lower its chance): a written link, so no notice.
  const start = writtenLink('#ht_push=40');
  const page = await h.open(`${url}${start}`);
  const before = await snapshot(page);
  await page.locator('details.assumptions > summary').click();
  const lapse = page.locator('input[type="number"][name="lapse"]');
  await lapse.fill('20');
  await lapse.press('Enter');
  await lapse.blur();
  assert.deepEqual(before.notices, [], 'a written link shows no notice');
  assert.ok(Number(before.targets.hightech.probability) > 0.5, `high-tech likely with the push: ${before.targets.hightech.probability}`);
  const changed = await waitReady(page, { fragment: { lapse: '20' } });
  assert.ok(
    Number(changed.targets.hightech.probability) < Number(before.targets.hightech.probability),
    'more lapses, fewer high-tech enterprises',
  );
  assert.deepEqual(changed.targets.gdp, before.targets.gdp, 'other targets keep their numbers');

  // An absurd value, then an empty field: refused beside the field, which names the range, and
  // the value in force stays (in the field and in the link).
  const refused = page.locator('[data-refused="lapse"]');
  for (const [typed, what] of [['999', /999 超出范围/], ['', /输入为空/]]) {
    await lapse.fill(typed);
    await lapse.press('Enter');
    await lapse.blur();
    await refused.waitFor();
    const message = await refused.textContent();
    assert.match(message, what);
    assert.match(message, /请输入 0 到 50 %\/年 之间的数/, `the range is named: ${message}`);
    assert.match(message, /仍使用 20/, `and the value kept: ${message}`);
    assert.equal(await lapse.inputValue(), '20');
    assert.equal(await lapse.getAttribute('aria-invalid'), 'true');
    assert.equal(await lapse.getAttribute('aria-describedby'), await refused.getAttribute('id'));
    assert.equal((await snapshot(page)).fragment.lapse, '20');
  }
  // ICOR below its floor of 2 (it would drive GDP to the growth floor): refused too.
  const icor = page.locator('input[type="number"][name="icor"]');
  await icor.fill('0.5');
  await icor.press('Enter');
  await icor.blur();
  await page.locator('[data-refused="icor"]').waitFor();
  assert.match(await page.locator('[data-refused="icor"]').textContent(), /0\.5 超出范围:请输入 2 到 20 之间的数;仍使用 7/);
  assert.equal(await icor.inputValue(), '7');

  await page.locator('.assumption[data-param="lapse"] button').click();
  // Back at its default, the key leaves the link (a link holds only what differs).
  // (Waiting for the numbers themselves: a fragment key that must be absent cannot be waited for.)
  const reset = await waitReady(page, { numbers: before.numbers });
  assert.equal(reset.fragment.lapse, undefined, 'lapse left the link');
  assert.deepEqual(reset.numbers, before.numbers, 'reset gives the default numbers back');
  assert.equal(reset.hash, start, 'and the link it was opened with');
});

appTest('a longer horizon extends the charts but not the 2025 verdicts', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(url);
  const before = await snapshot(page);
  const long = await h.open(`${url}${withParams('', { horizon: '2035' })}`);
  const after = await snapshot(long);
  assert.deepEqual(after.numbers, before.numbers, 'targets are judged in 2025 whatever the horizon');
  const caption = await long.locator('figure[data-series="gdp_pc"] figcaption').textContent();
  assert.match(caption, /2035 年中位数/, `GDP per capita in the horizon year: ${caption}`);
});
