// Observed years, as a person enters them: the panel, what the page says of them, the points on
// the charts, refusals beside the fields, the link in a fresh tab, the CLI, the compare that says
// what they changed, and clearing them.

import assert from 'node:assert/strict';
import {
  appTest, useBrowser, waitReady, waitCompared, snapshot, nativeRun, nativeJson, noticeLines,
} from './helpers.mjs';

const getBrowser = useBrowser();

/** Opens the observed panel. */
async function openObserved(page) {
  await page.$eval('details.observed', (el) => { el.open = true; });
}

/** Types `value` into the field of `series` in `year` and leaves it (a change event). */
async function observe(page, series, year, value) {
  const field = page.locator(`#observed-${series}-${year}`);
  await field.fill(value);
  await field.press('Enter');
  await field.blur();
}

for (const lang of ['zh', 'en']) {
  appTest(`observed years typed in condition every path, and the link, a fresh tab and the CLI agree (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    const page = await h.open(`${url}${lang === 'en' ? '#lang=en' : ''}`);
    await waitReady(page);
    const before = await snapshot(page);
    await openObserved(page);

    await t.test('three years of GDP go into the link and move the GDP target', async () => {
      await observe(page, 'gdp', 2021, '8.0');
      await waitReady(page, { fragment: { 'o.gdp.2021': '8' } });
      await observe(page, 'gdp', 2022, '4.7');
      await waitReady(page, { fragment: { 'o.gdp.2022': '4.7' } });
      await observe(page, 'gdp', 2023, '6');
      const after = await waitReady(page, { fragment: { 'o.gdp.2023': '6' } });
      assert.notEqual(after.targets.gdp.probability, before.targets.gdp.probability, 'the GDP target moved');
      // Each row says how many of its years are observed: GDP 3 of 5; "in step" needs income too.
      assert.equal(await page.getAttribute('tr[data-target="gdp"] [data-years-observed]', 'data-years-observed'), '3');
      assert.equal(await page.locator('tr[data-target="income_sync"] [data-years-observed]').count(), 0);
      assert.match(
        await page.textContent('tr[data-target="gdp"] .years-observed'),
        lang === 'zh' ? /5 年中 3 年已有实际值/ : /3 of 5 years observed/,
      );
      assert.match(
        await page.textContent('[data-outlook]'),
        lang === 'zh' ? /^以 2021–2023 年的实际值为准:/ : /^Given 2021–2023 as observed: /,
      );
      // The GDP chart says which years are entered, and draws them (its description is its name).
      const canvas = page.locator('canvas[data-chart="gdp"]');
      assert.equal(await canvas.getAttribute('data-observed'), '2021-2023');
      assert.match(await canvas.getAttribute('aria-label'), lang === 'zh' ? /2021–2023 年为已填实际值/ : /2021–2023 as observed/);
      assert.equal(await page.locator('canvas[data-chart="income"]').getAttribute('data-observed'), null);
    });

    await t.test('a value outside the series range is refused beside its field, with the range', async () => {
      const numbers = (await snapshot(page)).numbers;
      await observe(page, 'air', 2021, '130');
      const refused = page.locator('[data-refused="o.air.2021"]');
      await refused.waitFor();
      assert.match(await refused.textContent(), lang === 'zh' ? /“130”超出可能范围 0\.1 到 99\.9 %/ : /“130”: outside the possible range 0\.1 to 99\.9 %/);
      assert.equal(await page.inputValue('#observed-air-2021'), '', 'the field goes back to what is in force');
      assert.equal(await page.getAttribute('#observed-air-2021', 'aria-invalid'), 'true');
      const now = await snapshot(page);
      assert.equal(now.fragment['o.air.2021'], undefined, 'not in the link');
      assert.deepEqual(now.numbers, numbers, 'and nothing moved');
    });

    await t.test('a gap is named, and the years after it are not used', async () => {
      const numbers = (await snapshot(page)).numbers;
      await observe(page, 'air', 2022, '95');
      await waitReady(page, { fragment: { 'o.air.2022': '95' } });
      const unused = page.locator('[data-observed-unused]');
      await unused.waitFor();
      assert.match(
        await unused.textContent(),
        lang === 'zh' ? /缺少 2021 年的实际值,2021 年及以后的实际值未使用/ : /2021 is missing, so its values from 2021 on are not used/,
      );
      assert.ok(await page.locator('.observed-year.unused[data-observed="air.2022"]').count(), 'the unused field is marked');
      assert.deepEqual((await snapshot(page)).numbers, numbers, 'an unused year moves nothing');
    });

    const link = (await snapshot(page)).hash;

    await t.test('the link reopened in a fresh tab gives the same numbers, and the CLI too', async () => {
      const numbers = (await snapshot(page)).numbers;
      const fresh = await h.open(`${url}${link}`);
      const again = await waitReady(fresh);
      assert.deepEqual(again.numbers, numbers);
      // Its only notice is the gap it holds.
      assert.deepEqual(await noticeLines(fresh), [
        lang === 'zh'
          ? '空气质量优良天数比例:缺少 2021 年的实际值,2021 年及以后的实际值未使用'
          : 'Good-air-quality days: 2021 is missing, so its values from 2021 on are not used',
      ]);
      const native = nativeRun(link);
      for (const [id, row] of Object.entries(native.targets)) {
        assert.equal(again.targets[id].probability, row.probability, `${id}: the CLI's probability`);
      }
      assert.equal(again.fingerprint?.slice(0, 16), native.fingerprint.slice(0, 16));
      const json = nativeJson(link);
      assert.equal(json.observed_through, 2023);
      assert.deepEqual(
        json.observed.map((o) => [o.series, o.year, o.value, o.used]),
        [['gdp', 2021, 8, true], ['gdp', 2022, 4.7, true], ['gdp', 2023, 6, true], ['air', 2022, 95, false]],
      );
    });

    await t.test('compare: A is the scenario as seen from 2020, B given the observed years', async () => {
      await page.locator('button.compare-observed').click();
      const rows = await waitCompared(page, { compare: 'pinned' });
      const gdp = rows.find((row) => row.target === 'gdp');
      const fromScratch = nativeRun('#');
      assert.equal(gdp.probabilityA, fromScratch.targets.gdp.probability, 'A is the plan seen from 2020');
      assert.equal(gdp.probabilityB, gdp.probability);
      const fragment = (await snapshot(page)).fragment;
      assert.equal(fragment.a, 'custom');
      assert.equal(fragment['a.o.gdp.2021'], undefined, 'A has no observations');
      assert.equal(fragment['o.gdp.2021'], '8', 'B keeps them');
      await page.locator('button.unpin').click();
    });

    await t.test('one click clears every observation and gives the numbers from 2020 back', async () => {
      await page.locator('button.clear-observed').click();
      const cleared = await waitReady(page, { numbers: before.numbers });
      assert.equal(Object.keys(cleared.fragment).filter((key) => key.startsWith('o.')).length, 0);
      assert.equal(await page.locator('[data-years-observed]').count(), 0);
    });
  });
}

appTest('a mangled observation in a link: one notice each, and a ready page', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(`${url}#o.gdp.2021=abc&o.gpd.2021=5&o.air.2030=95&o.hightech.2021=210.5`);
  await waitReady(page);
  const lines = await noticeLines(page);
  const expected = [
    /o\.gdp\.2021=“abc”:不是数字,未使用/,
    /无法识别的实际值 “o\.gpd\.2021”/,
    /o\.hightech\.2021=“210\.5”:应为整数,未使用/,
    /空气质量优良天数比例:2025 年以后的实际值超出展望年份,未使用/,
  ];
  for (const pattern of expected) {
    assert.equal(lines.filter((line) => pattern.test(line)).length, 1, `${pattern} once in:\n${lines.join('\n')}`);
  }
  assert.equal((await snapshot(page)).targets.gdp.probability, nativeRun('#').targets.gdp.probability, 'nothing used');
});
