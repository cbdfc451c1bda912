// Decisions in the page: the tornado equals the CLI's, bar by bar, and a bar's "try" becomes B
// against the current scenario as A with that very Δ; goal-seek and each lever alone equal the
// CLI's and "apply" reaches the level; the outlook names what the table marks likely and at risk
// and the lever that matters most, in both languages, on screen and in print; a scenario
// changed mid-analysis leaves the page ready with the latest scenario.

import assert from 'node:assert/strict';
import {
  appTest,
  nativeRun,
  pressOnSlider,
  readRows,
  runNative,
  useBrowser,
  waitCompared,
  waitReady,
} from './helpers.mjs';

const getBrowser = useBrowser();
// A guard against a hang, not a measure of speed: the full tornado is some forty runs, and a
// loaded machine may take minutes over what a quiet one does in under one.
const ANALYSIS_TIMEOUT_MS = 150_000;
const four = (x) => x.toFixed(4);

/** The CLI's JSON for `args`. */
const cliJson = (...args) => JSON.parse(runNative([...args, '--json']).stdout);

/** The tornado's rows on the page: { param: {down, up} } with value, delta and stderr strings. */
function tornadoRows(page) {
  return page.$$eval('tr[data-bar]', (rows) => rows.map((row) => ({
    param: row.dataset.bar,
    down: row.dataset.downDelta === undefined ? null
      : { value: row.dataset.downValue, delta: row.dataset.downDelta, stderr: row.dataset.downStderr },
    up: row.dataset.upDelta === undefined ? null
      : { value: row.dataset.upValue, delta: row.dataset.upDelta, stderr: row.dataset.upStderr },
  })));
}

appTest('the tornado equals the CLI’s, and a bar’s “try” is B against the current scenario as A', getBrowser, async (h) => {
  const url = await h.serve();
  // 2,000 paths: the equality with the CLI holds at any number of paths, and the forty-odd runs
  // of the full analysis take a fifth of the time they take at the default 10,000.
  const link = nativeRun('#v=3&ht_push=30&paths=2000').link;
  const page = await h.open(url + link);
  // The levers' bars come by themselves after the full run; the full analysis on request.
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: ANALYSIS_TIMEOUT_MS });
  await page.click('[data-run-tornado]');
  await page.waitForSelector('[data-analysis-kind="all"]', { timeout: ANALYSIS_TIMEOUT_MS });
  for (const measure of ['gdp', 'hightech', 'expected']) {
    await page.selectOption('[data-tornado-measure]', measure);
    const cli = cliJson('--tornado', measure, link);
    const moving = cli.bars.filter((bar) => [bar.down, bar.up].some((side) => side && side.delta !== 0));
    const shown = await tornadoRows(page);
    assert.deepEqual(shown.map((row) => row.param), moving.map((bar) => bar.param), `${measure}: the bars, largest first`);
    for (const [row, bar] of shown.map((row, i) => [row, moving[i]])) {
      for (const side of ['down', 'up']) {
        if (!bar[side]) {
          assert.equal(row[side], null, `${measure} ${bar.param} ${side}: at its limit`);
          continue;
        }
        assert.equal(row[side].delta, four(bar[side].delta), `${measure} ${bar.param} ${side}: Δ`);
        assert.equal(row[side].stderr, four(bar[side].stderr), `${measure} ${bar.param} ${side}: its error`);
        assert.equal(Number(row[side].value), bar[side].value);
      }
    }
    const still = cli.bars.length - moving.length;
    if (still > 0) {
      assert.equal(await page.getAttribute('[data-tornado-still]', 'data-tornado-still'), String(still));
      // Folded into one line, the names one click away.
      const folded = page.locator('[data-tornado-still] details');
      assert.equal(await folded.evaluate((el) => el.open), false, 'folded');
      assert.match(await folded.locator('summary').textContent(), new RegExp(`${still}`));
      assert.equal(await folded.locator('p').isVisible(), false, 'the names hidden until asked for');
    }
  }

  // "Try" on GDP growth one step up: B = 8.5 against A = the scenario before, with the bar's Δ.
  await page.selectOption('[data-tornado-measure]', 'gdp');
  const [bar] = await tornadoRows(page);
  assert.equal(bar.param, 'gdp');
  await page.click(`tr[data-bar="gdp"] td.up button`);
  const rows = await waitCompared(page, { compare: 'pinned', sliders: { gdp: '8.5' } });
  const gdp = rows.find((row) => row.target === 'gdp');
  assert.equal(gdp.delta, bar.up.delta, 'the row’s paired Δ is the bar’s');
  assert.equal(gdp.deltaStderr, bar.up.stderr);
  assert.match(decodeURIComponent(new URL(page.url()).hash), /gdp=8\.5.*a=custom.*a\.ht_push=30/);
});

appTest('goal-seek and each lever alone equal the CLI’s, and “apply” reaches the level', getBrowser, async (h) => {
  const url = await h.serve();
  const link = nativeRun('#v=3').link;
  const page = await h.open(url + link);
  await page.selectOption('[data-seek-measure]', 'gdp');
  await page.fill('[data-seek-level]', '80');
  await page.press('[data-seek-level]', 'Tab');
  await page.selectOption('[data-seek-lever-choice]', 'gdp');
  await page.click('[data-run-seek]');
  await page.waitForSelector('[data-seek-kind="seek"]', { timeout: ANALYSIS_TIMEOUT_MS });
  const cli = cliJson('--goal-seek', 'gdp', '0.8', 'gdp', link);
  assert.equal(cli.outcome, 'found');
  assert.equal(await page.getAttribute('[data-seek-outcome]', 'data-seek-outcome'), 'found');
  assert.equal(Number(await page.getAttribute('[data-seek-outcome]', 'data-seek-value')), cli.value);
  assert.match(await page.textContent('.seek-result'), new RegExp(`${(cli.reached * 100).toFixed(1)} %`));

  // Each lever alone: the same outcome and value as the CLI's goal-seek of that lever.
  await page.click('[data-run-cheapest]');
  await page.waitForSelector('[data-seek-kind="cheapest"]', { timeout: ANALYSIS_TIMEOUT_MS });
  const lines = await page.$$eval('[data-seek-lever]', (els) => els.map((el) => ({
    lever: el.dataset.seekLever, outcome: el.dataset.seekOutcome, value: el.dataset.seekValue,
  })));
  assert.equal(lines.length, 9, 'every lever');
  for (const line of lines) {
    const alone = cliJson('--goal-seek', 'gdp', '0.8', line.lever, link);
    assert.equal(line.outcome, alone.outcome, line.lever);
    if (alone.outcome === 'found') assert.equal(Number(line.value), alone.value, line.lever);
  }

  // Apply GDP growth's answer: the page shows it reached, the scenario before pinned as A.
  await page.click('[data-seek-apply="gdp"]');
  const rows = await waitCompared(page, { compare: 'pinned', sliders: { gdp: String(cli.value) } });
  const gdp = rows.find((row) => row.target === 'gdp');
  assert.ok(Number(gdp.probability) >= 0.8, `P(gdp) ${gdp.probability} at ${cli.value}`);

  // A level out of range is refused with the range named, and the last good one kept.
  await page.fill('[data-seek-level]', '180');
  await page.press('[data-seek-level]', 'Tab');
  assert.match(await page.textContent('.goal-seek [role="alert"]'), /0 到 100/);
});

appTest('a goal-seek level keeps its unit: a count for the expected number met, a chance for a target', getBrowser, async (h) => {
  const url = await h.serve();
  const link = nativeRun('#v=3&paths=2000').link;
  const page = await h.open(url + link);
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: ANALYSIS_TIMEOUT_MS });
  // The count's own default, not 80 "targets".
  await page.selectOption('[data-seek-measure]', 'expected');
  assert.equal(await page.inputValue('[data-seek-level]'), '6');
  assert.match(await page.textContent('.goal-seek .analysis-note'), /≥ 6\.00 项/);
  await page.fill('[data-seek-level]', '7');
  await page.press('[data-seek-level]', 'Tab');
  await page.selectOption('[data-seek-lever-choice]', 'ht_push');
  await page.click('[data-run-seek]');
  await page.waitForSelector('[data-seek-kind="seek"]', { timeout: ANALYSIS_TIMEOUT_MS });
  const cli = cliJson('--goal-seek', 'expected', '7', 'ht_push', link);
  assert.equal(await page.getAttribute('[data-seek-outcome]', 'data-seek-outcome'), cli.outcome);
  if (cli.outcome === 'found') {
    assert.equal(Number(await page.getAttribute('[data-seek-outcome]', 'data-seek-value')), cli.value);
  }
  // Back to a chance: the chance's own level, not 7 %; and back to the count: still 7.
  await page.selectOption('[data-seek-measure]', 'gdp');
  assert.equal(await page.inputValue('[data-seek-level]'), '80');
  assert.match(await page.textContent('.goal-seek .analysis-note'), /≥ 80\.0 %/);
  await page.selectOption('[data-seek-measure]', 'expected');
  assert.equal(await page.inputValue('[data-seek-level]'), '7');
  // A count beyond the number of targets is refused with the range.
  await page.fill('[data-seek-level]', '80');
  await page.press('[data-seek-level]', 'Tab');
  assert.match(await page.textContent('.goal-seek [role="alert"]'), /0 到 10/);
});

/** The outlook's first two sentences: the likely targets, then those at risk. */
async function outlookParts(page, lang) {
  const text = await page.textContent('[data-outlook]');
  const [likely, rest] = text.split(lang === 'zh' ? '。' : '. ');
  return { text, likely, risk: rest.split(lang === 'zh' ? ';' : '; ')[0] };
}

for (const lang of ['zh', 'en']) {
  appTest(`the outlook names what the table marks likely and at risk, and the key lever (${lang})`, getBrowser, async (h) => {
    const url = await h.serve();
    const link = nativeRun(`#v=3&ht_push=40&gdp=5${lang === 'en' ? '&lang=en' : ''}`).link;
    const page = await h.open(url + link);
    await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: ANALYSIS_TIMEOUT_MS });
    const bands = await page.$$eval('table.targets tr[data-target]', (rows) => rows.map((row) => ({
      name: row.closest('table') && row.dataset.target,
      band: [...row.querySelector('td.band').classList].find((c) => c.startsWith('band-')).slice(5),
    })));
    const labels = await page.$$eval('ul.strip li[data-strip-target]', (chips) =>
      // The outlook names targets in words: the chip's full name, in its title.
      Object.fromEntries(chips.map((chip) => [chip.dataset.stripTarget, chip.getAttribute('title')])));
    const { text, likely, risk } = await outlookParts(page, lang);
    for (const { name, band } of bands) {
      assert.equal(likely.includes(labels[name]), band === 'likely', `${name} (${band}) in “${likely}”`);
      assert.equal(risk.includes(labels[name]), band === 'unlikely', `${name} (${band}) in “${risk}”`);
    }
    // The key lever: the lever whose bar moves the expected number met most (the CLI's tornado).
    const cli = cliJson('--tornado', 'expected', link);
    const key = cli.bars.find((bar) => bar.lever);
    const label = await page.$eval(`input[type="range"][name="${key.param}"]`, (input) =>
      input.closest('.slider').querySelector('label')?.textContent ?? '');
    assert.ok(label && text.includes(`“${label.trim()}”`), `the key lever ${key.param} (“${label}”) in “${text}”`);
    // The printed sheet says the same.
    assert.equal(await page.textContent('[data-print-outlook]'), text);
  });
}

appTest('a scenario changed mid-analysis leaves the page ready with the latest scenario', getBrowser, async (h) => {
  const url = await h.serve();
  const page = await h.open(url + nativeRun('#v=3').link);
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: ANALYSIS_TIMEOUT_MS });
  await page.click('[data-run-tornado]');
  await page.waitForSelector('[data-analysis-progress]');
  await pressOnSlider(page, 'gdp', 'ArrowLeft', 5);
  const snap = await waitReady(page, { sliders: { gdp: '7' } });
  const latest = nativeRun('#v=3&gdp=7');
  assert.equal(await page.getAttribute('[data-fingerprint]', 'data-fingerprint'), latest.fingerprint);
  // The old analysis is gone; the new scenario's own levers' bars come, and nothing is stuck.
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: ANALYSIS_TIMEOUT_MS });
  assert.equal(await page.$('[data-analysis-progress]'), null, 'no progress bar left behind');
  const rows = await readRows(page);
  assert.equal(rows.find((row) => row.target === 'gdp').probability, latest.targets.gdp.probability);
  assert.ok(snap);
});
