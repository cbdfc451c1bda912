// The page of model version 3, in both languages: targets met together (the root's attributes
// and their section) as the native engine computes them; the Wilson interval where ± the
// standard error would claim certainty; the version notice of links made before version 3, which
// still give their scenario's numbers; the GDP rule with the tolerance in force; the held
// targets' distributions, split exactly where the table's probability is; the notes beside
// sliders, assumptions and targets.

import assert from 'node:assert/strict';
import {
  appTest,
  nativeJson,
  nativeRun,
  noticeLines,
  signLink,
  snapshot,
  useBrowser,
  waitReady,
  writtenLink,
} from './helpers.mjs';

const getBrowser = useBrowser();

const LANGS = ['zh', 'en'];
/** The language's part of a link: nothing for Chinese (the default). */
const langSuffix = (lang) => (lang === 'en' ? '&lang=en' : '');
/** What the page is opened with for the default scenario: no scenario, so no notice. */
const plainLink = (lang) => (lang === 'en' ? '#lang=en' : '');

// A scenario in which all ten targets are met together on about a third of the paths: the
// doubling plan pushed (high-tech certain), a faster trend, more green space, faster reform.
const TOGETHER = 'gdp=8&ht_push=60&green=12&cult_drift=0.5';
// A scenario that is not the default one, for the version notices.
const OLD_SCENARIO = 'gdp=7&ht_push=30';

/** A probability as the page writes it in text (src/format.rs): one decimal and " %". */
const percent = (p) => `${(p * 100).toFixed(1)} %`;

/** The 95 % Wilson interval of met / n (src/engine/joint.rs). */
function wilson(met, n) {
  const z = 1.959963984540054;
  const p = met / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [met === 0 ? 0 : Math.max(0, centre - half), met === n ? 1 : Math.min(1, centre + half)];
}

/** "p (95 % interval low–high %)" as the page writes it, in the page's language. */
function intervalText(p, [low, high], lang) {
  const range = `${(low * 100).toFixed(2)}–${(high * 100).toFixed(2)} %`;
  return lang === 'zh' ? `${percent(p)}(95% 区间 ${range})` : `${percent(p)} (95 % interval ${range})`;
}

/** The root's attributes of targets met together, and the section's bars and numbers. */
function readTogether(page) {
  return page.evaluate(() => {
    const app = document.querySelector('main#app');
    const section = document.querySelector('section.together');
    return {
      root: {
        allMet: app.getAttribute('data-all-met'),
        allMetStderr: app.getAttribute('data-all-met-stderr'),
        expectedMet: app.getAttribute('data-expected-met'),
      },
      section: section !== null,
      bars: section
        ? [...section.querySelectorAll('li[data-met-count]')].map((li) => ({
            k: li.getAttribute('data-met-count'),
            share: li.getAttribute('data-share'),
          }))
        : [],
      all: section?.querySelector('dd[data-together="all"]')?.textContent.trim() ?? null,
      expected: section?.querySelector('dd[data-together="expected"]')?.textContent.trim() ?? null,
    };
  });
}

/** Opens the assumptions panel (a <details>) unless it is open (it opens itself when one is set). */
async function openAssumptions(page) {
  const panel = page.locator('details.assumptions');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('details.assumptions').open);
}

/** The text of a target row's probability cell and whether it shows the Wilson interval. */
function probabilityCell(page, id) {
  return page.$eval(`tr[data-target="${id}"]`, (row) => {
    const strong = row.querySelector('td.probability strong');
    return {
      probability: row.getAttribute('data-probability'),
      stderr: row.getAttribute('data-stderr'),
      strong: strong?.textContent.trim() ?? null,
      interval: strong?.getAttribute('data-interval') ?? null,
      cell: row.querySelector('td.probability').textContent.trim(),
    };
  });
}

for (const lang of LANGS) {
  appTest(`targets met together equal the native engine's, at the defaults and with the push (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    for (const [name, fragment] of [['the default scenario', ''], [TOGETHER, TOGETHER]]) {
      await t.test(name, async () => {
        const native = nativeRun(`#${fragment}`);
        const json = nativeJson(`#${fragment}`);
        const link = fragment ? writtenLink(`#${fragment}${langSuffix(lang)}`) : plainLink(lang);
        const page = await h.open(`${url}${link}`);
        const snap = await snapshot(page);
        assert.deepEqual(snap.notices, [], `${link || 'no link'}: no notice`);
        assert.equal(snap.fingerprint, native.fingerprint, 'the same run as the native engine, bit for bit');

        const together = await readTogether(page);
        assert.deepEqual(
          together.root,
          { allMet: native.allMet.probability, allMetStderr: native.allMet.stderr, expectedMet: native.expectedMet.value },
          'data-all-met, data-all-met-stderr and data-expected-met are the CLI\'s all_met and expected_met',
        );
        if (fragment) assert.ok(Number(native.allMet.probability) > 0.1, `all met on some paths: ${native.allMet.probability}`);
        else assert.equal(native.allMet.probability, '0.0000', 'at the defaults no path meets the high-tech target, so none meets all');

        // The bars: 0 … 10 targets met, each the share of paths the native engine counts.
        assert.ok(together.section, 'section.together is shown');
        const { distribution, expected_met: expected, expected_met_stderr: expectedStderr } = json.joint;
        assert.deepEqual(
          together.bars,
          distribution.map((share, k) => ({ k: String(k), share: share.toFixed(4) })),
          'one bar per number of targets met, with its share',
        );
        const sum = together.bars.reduce((s, bar) => s + Number(bar.share), 0);
        assert.ok(Math.abs(sum - 1) < 0.0006, `the shares add up to 1 (${sum})`);
        assert.equal(together.bars[10].share, together.root.allMet, 'the bar of 10 is P(all met)');
        const mean = together.bars.reduce((s, bar) => s + Number(bar.k) * Number(bar.share), 0);
        assert.ok(Math.abs(mean - Number(together.root.expectedMet)) < 0.003, `Σ k·share ${mean} is the expected number met`);

        // The numbers in words: P(all met) ± its error, or its Wilson interval at 0 (or 1).
        const paths = json.paths;
        const count = Math.round(json.joint.all_met * paths);
        const allText =
          count === 0 || count === paths
            ? intervalText(json.joint.all_met, wilson(count, paths), lang)
            : `${percent(json.joint.all_met)} ± ${percent(json.joint.all_met_stderr)}`;
        assert.equal(together.all, allText, 'dd[data-together="all"]');
        assert.equal(together.expected, `${expected.toFixed(2)} ± ${expectedStderr.toFixed(2)}`, 'dd[data-together="expected"]');
      });
    }
  });

  appTest(`where ± 0.0 % would claim certainty, a 95 % Wilson interval is shown (${lang})`, getBrowser, async (h) => {
    const page = await h.open(`${await h.serve('/')}${plainLink(lang)}`);
    const json = nativeJson('#');
    const cells = {};
    for (const { id } of json.targets) cells[id] = await probabilityCell(page, id);

    // At the defaults the high-tech target is met by no path: p̂ = 0, its SE 0.
    const hightech = cells.hightech;
    assert.equal(hightech.interval, 'wilson', 'the high-tech cell shows the Wilson interval');
    assert.deepEqual([hightech.probability, hightech.stderr], ['0.0000', '0.0000'], 'the row still carries p̂ and its SE');
    const target = json.targets.find(({ id }) => id === 'hightech');
    assert.equal(target.met, 0);
    assert.equal(hightech.strong, intervalText(0, target.wilson_95, lang));
    assert.equal(hightech.strong, intervalText(0, wilson(0, json.paths), lang), 'the interval is Wilson\'s');
    assert.doesNotMatch(hightech.cell, /±/, 'no "± 0.0 %"');

    // Every other row: the interval exactly where p̂ is 0 or 1 or its SE rounds to 0.0 %.
    for (const { id, met, probability, stderr, wilson_95: interval } of json.targets) {
      const cell = cells[id];
      assert.equal(cell.probability, probability.toFixed(4), `${id}: data-probability`);
      const certain = met === 0 || met === json.paths || stderr < 0.0005;
      if (certain) {
        assert.equal(cell.interval, 'wilson', `${id}: p̂ ${probability}, SE ${stderr}: the interval`);
        assert.equal(cell.strong, intervalText(probability, interval, lang), `${id}: the interval's text`);
      } else {
        assert.equal(cell.interval, null, `${id}: ± its SE`);
        assert.equal(cell.cell, `${percent(probability)} ± ${percent(stderr)}`, `${id}: the cell`);
      }
    }
    assert.ok(!cells.gdp.interval, 'an uncertain target (gdp) keeps ± its SE');
    // Plain words first: the margin, and the range with 95 % confidence where ± would mislead.
    assert.match(
      await page.locator('table.targets tfoot .interval-note').textContent(),
      lang === 'zh' ? /95% 把握的区间/ : /95 % confidence/,
    );
  });

  appTest(`a link made before version 3 says so and still gives its scenario's numbers (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    const native = nativeRun(`#${OLD_SCENARIO}`);
    const written = writtenLink(`#${OLD_SCENARIO}${langSuffix(lang)}`);
    assert.ok(written.startsWith('#v=3&'), `a written link says its version: ${written}`);
    const reference = await snapshot(await h.open(`${url}${written}`));
    assert.deepEqual(reference.notices, [], 'the written link shows no notice');
    assert.equal(reference.fingerprint, native.fingerprint, 'the written link gives the native engine\'s run');

    const cases = [
      // A hand-written link: a scenario, no `v`.
      ['no v', `#${OLD_SCENARIO}${langSuffix(lang)}`, lang === 'zh' ? /未注明模型版本/ : /does not say its model version/],
      // A link written by version 1: `v=1` and its (valid) checksum.
      ['v=1', signLink(`v=1&${OLD_SCENARIO}${langSuffix(lang)}`), lang === 'zh' ? /旧版模型\(第 1 版\)/ : /made with model version 1/],
      // A link written by version 2.
      ['v=2', signLink(`v=2&${OLD_SCENARIO}${langSuffix(lang)}`), lang === 'zh' ? /旧版模型\(第 2 版\)/ : /made with model version 2/],
    ];
    for (const [name, link, words] of cases) {
      await t.test(`${name}: ${link}`, async () => {
        const page = await h.open(`${url}${link}`);
        const snap = await snapshot(page);
        assert.equal(snap.notices.length, 1, `a notice: ${JSON.stringify(snap.notices)}`);
        assert.equal(snap.notices[0].role, 'alert');
        const lines = await noticeLines(page);
        assert.equal(lines.length, 1, `one problem, the version: ${JSON.stringify(lines)}`);
        assert.match(lines[0], words);
        assert.match(lines[0], lang === 'zh' ? /第 3 版.*数字可能/ : /now version 3.*numbers may differ/, 'the numbers may differ');
        assert.deepEqual(
          { gdp: snap.sliders.gdp, ht_push: snap.sliders.ht_push },
          { gdp: '7', ht_push: '30' },
          'the link\'s scenario is used',
        );
        assert.equal(snap.fingerprint, native.fingerprint, 'the native engine\'s run of the scenario');
        assert.deepEqual(snap.targets, native.targets, 'every target as the native engine computes it');
        assert.deepEqual(snap.numbers, reference.numbers, 'the numbers of the written link');
      });
    }
  });

  appTest(`the GDP rule shows the tolerance in force; 0 judges it strictly and lowers its chance (${lang})`, getBrowser, async (h) => {
    const url = await h.serve('/');
    const page = await h.open(`${url}${plainLink(lang)}`);
    const before = await snapshot(page);
    const rule = () => page.locator('tr[data-target="gdp"] td.rule').textContent();
    const ruleWith = (tolerance, inForce) =>
      lang === 'zh'
        ? new RegExp(`“7\\.5% 左右”:2020→2025 年均增速 ≥ 7\\.5% − ${tolerance}\\(容差,假设\\)= ${inForce}%`)
        : new RegExp(`“about 7\\.5 %”: .*2020→2025 ≥ 7\\.5 − ${tolerance} \\(tolerance, an assumption\\) = ${inForce} %`);
    assert.match(await rule(), ruleWith('0\\.5', '7\\.0'), 'the default tolerance: met from 7.0 %/yr');

    await openAssumptions(page);
    const tolerance = page.locator('input[type="number"][name="gdp_tol"]');
    await tolerance.fill('0');
    await tolerance.press('Enter');
    const strict = await waitReady(page, { fragment: { gdp_tol: '0' }, numbersNot: before.numbers });
    assert.match(await rule(), ruleWith('0\\.0', '7\\.5'), 'no tolerance: met from 7.5 %/yr');

    const native = nativeRun('#gdp_tol=0');
    assert.equal(strict.hash, writtenLink(`#gdp_tol=0${langSuffix(lang)}`), 'the link is written as the CLI writes it');
    assert.ok(
      Number(strict.targets.gdp.probability) < Number(before.targets.gdp.probability),
      `the strict reading is less likely: ${before.targets.gdp.probability} → ${strict.targets.gdp.probability}`,
    );
    assert.deepEqual(strict.targets, native.targets, 'every target as the native engine computes it');
    for (const [id, row] of Object.entries(before.targets)) {
      if (id !== 'gdp') assert.deepEqual(strict.targets[id], row, `${id} does not depend on the GDP target's tolerance`);
    }
  });

  appTest(`a held target's distribution is its worst year, split where the table's probability is (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    // The caption (and the canvas's aria-label) write the two sides; the split is the share of
    // paths meeting the rule, in the table's format. With air_vol=1 the worst year and 2025
    // alone differ widely (in 2025 alone more than three paths in four are at or above 90 %, in
    // their worst year 59.6 %).
    const cases = [
      ['air', ''],
      ['air', 'air_vol=1'],
      ['preschool', ''],
      ['income_sync', ''],
    ];
    for (const [id, fragment] of cases) {
      await t.test(`${id}${fragment ? ` with ${fragment}` : ''}`, async () => {
        const link = fragment ? writtenLink(`#${fragment}${langSuffix(lang)}`) : plainLink(lang);
        const page = await h.open(`${url}${link}`);
        const native = nativeRun(`#${fragment}`);
        const cell = await probabilityCell(page, id);
        assert.equal(cell.probability, native.targets[id].probability, `${id}: the native engine's probability`);

        await page.locator(`button[data-select-target="${id}"]`).click();
        await page.waitForSelector(`canvas[data-chart="histogram"][data-histogram-target="${id}"]`);
        const figure = page.locator('figure.histogram');
        const caption = (await figure.locator('figcaption').textContent()).trim();
        const label = await figure.locator('canvas[data-chart="histogram"]').getAttribute('aria-label');
        assert.equal(caption, label, 'the caption says what the canvas shows');

        const p = Number(cell.probability);
        const [title, met, unmet] = {
          zh: {
            income_sync: [/^收入年均增速落后 GDP 的幅度\(个百分点;负值即快于 GDP\): /, /: 同步 ([\d.]+) %, /, /, 不同步 ([\d.]+) %$/],
            held: [/2021–2025 年中最低的一年: /, /, 达到 ([\d.]+) %$/, /: 未达到 ([\d.]+) %, /],
          },
          en: {
            income_sync: [/^How far income growth lags GDP's, 2020→2025 \(points; below 0: faster\): /, /: in step:\s+([\d.]+) %, /, /, not in step:\s+([\d.]+) %$/],
            held: [/the lowest year of 2021–2025: /, /, reached:\s+([\d.]+) %$/, /: below:\s+([\d.]+) %, /],
          },
        }[lang][id === 'income_sync' ? 'income_sync' : 'held'];
        assert.match(caption, title, `${id}: what the distribution is of`);
        const metText = caption.match(met)?.[1];
        const unmetText = caption.match(unmet)?.[1];
        assert.ok(metText && unmetText, `${id}: both sides are written out: ${caption}`);
        assert.equal(`${metText} %`, percent(p), `${id}: the share meeting the rule is the table's ${cell.probability}`);
        assert.ok(cell.strong.startsWith(`${metText} %`), `${id}: and what the table's cell says (${cell.strong})`);
        assert.equal(`${unmetText} %`, percent(1 - p), `${id}: the other side is the rest`);
      });
    }
  });

  appTest(`notes: the expected growth under the trend, an inert ICOR, bases worked back from targets (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    const page = await h.open(`${url}${plainLink(lang)}`);
    const worked = () => page.$$eval('tr[data-target] span.worked-back', (els) => els.map((el) => el.closest('tr').dataset.target));
    const note = () => page.locator('p.slider-note[data-note="gdp"]').textContent();
    await openAssumptions(page);

    await t.test('at the defaults', async () => {
      // 7.5 − 10 % × 4 × (1 − 0.5 rebound) = 7.3 %/yr (no extra investment).
      assert.match(await note(), lang === 'zh' ? /预期增速约 7\.3 %\/年/ : /expected growth is about 7\.3 %\/yr/);
      assert.equal(await page.locator('p.inert[data-inert="icor"]').count(), 1, 'ICOR acts only through investment, which is 0');
      assert.deepEqual(await worked(), ['preschool', 'green_ratio', 'green_cover', 'culture_star', 'culture_trip']);
    });

    await t.test('with investment, a harder world and a base of its own', async () => {
      // 7.5 − 20 % × 6 × (1 − 0.5) + 100 × 50 / (7 × 600) = 8.09 → 8.1 %/yr.
      const other = await h.open(`${url}${writtenLink(`#inv=50&shock_p=20&shock_s=6&gr0=19${langSuffix(lang)}`)}`);
      assert.match(
        await other.locator('p.slider-note[data-note="gdp"]').textContent(),
        lang === 'zh' ? /预期增速约 8\.1 %\/年/ : /expected growth is about 8\.1 %\/yr/,
      );
      await openAssumptions(other);
      assert.equal(await other.locator('p.inert[data-inert="icor"]').count(), 0, 'with investment ICOR matters');
      const rows = await other.$$eval('tr[data-target] span.worked-back', (els) => els.map((el) => el.closest('tr').dataset.target));
      assert.deepEqual(rows, ['preschool', 'green_cover', 'culture_star', 'culture_trip'], 'a base set by hand is no longer worked back');
    });
  });
}
