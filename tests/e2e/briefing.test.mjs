// Into the briefing: downloads (CSV that spreadsheets open and that holds the numbers on screen
// and the CLI's, PNG at twice the canvas, SVG with its title, axes and caption), the copied link,
// embedded pieces that fill a 320 × 240 iframe, an embed on another origin's page talking to
// its host (result, size, set; malformed messages change nothing), the embed dialog, and the
// printed briefing on exactly one A4 page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appTest,
  nativeRun,
  readRows,
  REPO_ROOT,
  runNative,
  signLink,
  useBrowser,
  waitCompared,
  waitChartDrawn,
} from './helpers.mjs';
import { serve } from './serve.mjs';

const getBrowser = useBrowser();

const BOM = '\ufeff';
// B: growth slowed to 6 %; A: the plan's scenario, pinned.
const COMPARED = signLink('v=3&gdp=6&a=plan');

/** A CSV's rows (quotes, doubled quotes, CRLF), as spreadsheet programs read them. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows;
}

/** The table of a downloaded CSV: its `#` rows, header and body. */
function csvTable(text) {
  assert.ok(text.startsWith(BOM), 'the CSV starts with a byte-order mark');
  const rows = parseCsv(text.slice(1));
  const meta = rows.filter((row) => row[0].startsWith('#'));
  const rest = rows.filter((row) => !row[0].startsWith('#'));
  return { meta: Object.fromEntries(meta.map(([k, v]) => [k.slice(2), v])), header: rest[0], body: rest.slice(1) };
}

/** Clicks `selector` and resolves to the download it starts: { name, bytes }. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

appTest('downloads hold the numbers on screen and the CLI’s, and say what and which scenario', getBrowser, async (h) => {
  const url = await h.serve();
  const page = await h.open(url + COMPARED);
  const rows = await waitCompared(page, { compare: 'pinned' });
  const fingerprint = await page.getAttribute('[data-fingerprint]', 'data-fingerprint');

  // Targets: A, B and Δ, the numbers on screen, and exactly the CLI's file below the `#` rows.
  const targets = await download(page, '.export-bar [data-export="targets-csv"]');
  assert.equal(targets.name, `taijiang-targets-2025-${fingerprint.slice(0, 6)}.csv`);
  const table = csvTable(targets.bytes.toString('utf8'));
  assert.match(table.meta.link, /^http:\/\/127\.0\.0\.1:\d+\/#v=3&gdp=6&a=plan&ck=[0-9a-f]{6}$/);
  assert.equal(table.meta.fingerprint, fingerprint);
  assert.match(table.meta.exported, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(table.header.slice(5), [
    'probability', 'stderr', 'wilson95_low', 'wilson95_high',
    'probability_a', 'probability_b', 'delta', 'delta_stderr', 'change',
  ]);
  const screen = Object.fromEntries(rows.map((row) => [row.target, row]));
  const fromFile = table.body.filter((row) => screen[row[0]]);
  assert.equal(fromFile.length, 10, 'a row per target');
  for (const row of fromFile) {
    const shown = screen[row[0]];
    const four = (i) => Number(row[i]).toFixed(4);
    assert.equal(four(5), shown.probability, `${row[0]}: probability`);
    assert.equal(four(6), shown.stderr, `${row[0]}: stderr`);
    assert.equal(four(9), shown.probabilityA, `${row[0]}: A`);
    assert.equal(four(11), Number(shown.delta).toFixed(4), `${row[0]}: Δ`);
    assert.equal(four(12), shown.deltaStderr, `${row[0]}: Δ's standard error`);
    assert.equal(row[13], shown.change, `${row[0]}: change`);
  }
  const cli = csvTable(runNative(['--csv', 'targets', COMPARED]).stdout);
  assert.deepEqual(table.header, cli.header);
  assert.deepEqual(table.body, cli.body, 'the page’s targets CSV is the CLI’s, number for number');

  // Every series and year, exactly the CLI's numbers.
  const series = await download(page, '.export-bar [data-export="series-csv"]');
  assert.equal(series.name, `taijiang-series-2025-${fingerprint.slice(0, 6)}.csv`);
  const byYear = csvTable(series.bytes.toString('utf8'));
  assert.deepEqual(byYear.header, ['series', 'name', 'unit', 'year', 'mean', 'p5', 'p25', 'p50', 'p75', 'p95']);
  const ids = new Set(byYear.body.map((row) => row[0]));
  assert.equal(ids.size, 10, 'every series');
  for (const id of ids) {
    assert.deepEqual(byYear.body.filter((row) => row[0] === id).map((row) => row[3]),
      ['2020', '2021', '2022', '2023', '2024', '2025'], `${id}: every year`);
  }
  const cliSeries = csvTable(runNative(['--csv', 'series', '#v=3&gdp=6']).stdout);
  assert.deepEqual(byYear.body, cliSeries.body, 'the page’s series CSV is the CLI’s, number for number');

  // A chart as PNG at twice its canvas's CSS size (the caption adds below), and as SVG.
  await waitChartDrawn(page, 'gdp');
  const canvas = page.locator('canvas[data-chart="gdp"]');
  const box = await canvas.evaluate((c) => c.getBoundingClientRect().toJSON());
  const png = await download(page, 'figure[data-series="gdp"] [data-export="png"]');
  assert.equal(png.name, `taijiang-gdp-2025-${fingerprint.slice(0, 6)}.png`);
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.equal(width, 2 * Math.round(box.width), `PNG width ${width} for a canvas ${box.width} CSS pixels wide`);
  assert.ok(height > 2 * Math.round(box.height), `PNG height ${height}: the chart at twice ${box.height}, and the caption`);

  const svg = await download(page, 'figure[data-series="gdp"] [data-export="svg"]');
  assert.equal(svg.name, `taijiang-gdp-2025-${fingerprint.slice(0, 6)}.svg`);
  const texts = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('text')].map((t) => t.textContent.trim());
  }, svg.bytes.toString('utf8'));
  assert.ok(texts, 'the SVG parses');
  assert.ok(texts.includes('地区生产总值(亿元,2020 年不变价)'), 'the chart’s title');
  for (const year of ['2015', '2020', '2025']) assert.ok(texts.includes(year), `the x axis’s ${year}`);
  assert.ok(texts.some((t) => /^\d{3}$/.test(t)), 'the y axis’s values');
  assert.ok(texts.some((t) => t.includes('GDP 趋势增速 6.0 %/年')), 'the scenario in the caption');
  assert.ok(texts.some((t) => t.includes('模型第 3 版')), 'the model version in the caption');

  // Copy link: the whole address of the scenario, with a visible confirmation.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.click('.export-bar [data-export="copy-link"]');
  await page.waitForSelector('.copy-status[data-copied="yes"]');
  assert.match(await page.textContent('.copy-status'), /链接已复制/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).hash, new URL(page.url()).hash, 'the copied link is the page’s');
});

/** The iframe-filling checks of one embedded piece at the page's viewport. */
function embedProblems() {
  const root = document.documentElement;
  const out = [];
  if (root.scrollHeight > root.clientHeight) out.push(`scrolls down: ${root.scrollHeight} > ${root.clientHeight}`);
  if (root.scrollWidth > root.clientWidth) out.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const table = document.querySelector('table.compact-targets');
  if (table && table.scrollWidth > table.clientWidth + 1) out.push(`the table overflows: ${table.scrollWidth} > ${table.clientWidth}`);
  if (table) {
    const rows = table.querySelectorAll('tbody tr');
    const last = rows[rows.length - 1]?.getBoundingClientRect();
    const shown = document.querySelector('.embed-body').getBoundingClientRect();
    if (rows.length !== 10) out.push(`${rows.length} rows`);
    if (!last || last.bottom > shown.bottom + 0.5) out.push(`the last row is cut off (${last?.bottom} > ${shown.bottom})`);
  }
  const canvas = document.querySelector('canvas');
  if (canvas) {
    const box = canvas.getBoundingClientRect();
    if (box.width < innerWidth - 16 || box.height < innerHeight * 0.5) out.push(`the chart is ${box.width} × ${box.height}`);
    if (box.bottom > innerHeight) out.push('the chart is cut off');
    // The downloads stay clear of the chart's title (drawn in the canvas's top 30 pixels).
    const tools = document.querySelector('.chart-exports')?.getBoundingClientRect();
    if (!tools || tools.bottom > box.top + 2) out.push(`the downloads overlap the chart (${tools?.bottom} > ${box.top})`);
  }
  const open = document.querySelector('a.embed-open');
  if (!open || open.getBoundingClientRect().right > innerWidth) out.push('no visible “open in the full simulator” link');
  if (!document.querySelector('.embed-provenance')?.textContent) out.push('no provenance note');
  // Nothing cut: a verdict, a number or the source line whose text is wider than its box.
  // (The scenario line above may end in "…": its title holds it whole.)
  for (const el of document.querySelectorAll('.compact-targets td, .compact-targets th, .embed-provenance')) {
    if (el.scrollWidth > el.clientWidth + 1) out.push(`cut: “${el.textContent.trim()}” (${el.scrollWidth} > ${el.clientWidth})`);
  }
  // One rule for a chance: never "± 0.0 %", which claims a certainty the run does not have.
  if (/±\s*0\.0\s*%/.test(document.body.innerText)) out.push('“± 0.0 %” shown');
  if (document.querySelector('input[type="range"]')) out.push('sliders in an embed');
  return out;
}

appTest('each embedded piece fills a 320 × 240 iframe without scrollbars and opens the full simulator', getBrowser, async (h) => {
  const url = await h.serve('/briefing/sim/');
  for (const [piece, lang] of [['targets', 'zh'], ['targets', 'en'], ['compare', 'zh'], ['compare', 'en'], ['histogram', 'zh'], ['gdp', 'en'], ['air', 'zh']]) {
    const link = signLink(`v=3&gdp=6&a=plan&target=air${lang === 'en' ? '&lang=en' : ''}&embed=${piece}`);
    const page = await h.open(url + link, { viewport: { width: 320, height: 240 }, waitForReady: false });
    await page.waitForSelector(`#app.embed[data-embed="${piece}"][data-state="ready"][data-precision="full"]`);
    // The comparison comes with the baseline's run, after the ready render.
    if (piece === 'compare') await page.waitForSelector('table.compact-targets tr[data-delta]');
    // Charts draw in an effect after the ready render: wait for the canvas's backing store.
    if (!['targets', 'compare'].includes(piece)) {
      await page.waitForFunction(() => (document.querySelector('canvas')?.width ?? 0) > 200);
    }
    assert.deepEqual(await page.evaluate(embedProblems), [], `embed=${piece} (${lang})`);
    const open = new URL(await page.getAttribute('a.embed-open', 'href'));
    assert.equal(open.pathname, '/briefing/sim/');
    assert.ok(!open.hash.includes('embed'), 'the full simulator, not the piece');
    assert.match(open.hash, /gdp=6&a=plan&target=air/);
    // The provenance note is there in words (the footer shows its start; the title holds it all).
    assert.match(await page.getAttribute('.embed-provenance', 'title'), lang === 'en' ? /Five-Year Plan/ : /规划/);
    assert.equal(await page.getAttribute('a.embed-open', 'target'), '_blank');
  }
  // The same checks at a bigger size, and an unknown piece falls back to the full page, named.
  const big = await h.open(url + signLink('v=3&embed=targets'), { viewport: { width: 900, height: 600 } });
  assert.deepEqual(await big.evaluate(embedProblems), []);
  const unknown = await h.open(url + signLink('v=3&embed=%3Cscript%3E'));
  assert.equal(await unknown.getAttribute('#app', 'data-embed'), null);
  assert.match(await unknown.textContent('[data-notice]'), /embed/);
});

appTest('an embed on another origin’s page tells it the results and its height, and follows its links', getBrowser, async (h) => {
  const simulator = await h.serve('/sim/');
  const host = await serve(join(REPO_ROOT, 'examples', 'briefing'), '/');
  try {
    assert.notEqual(new URL(host.url).origin, new URL(simulator).origin);
    const page = await h.open(`${host.url}?sim=${encodeURIComponent(simulator)}`, { waitForReady: false });
    const results = (check) =>
      page.waitForFunction(check, null, { timeout: 30_000, polling: 100 }).then(() =>
        page.evaluate(() => window.received.filter((m) => m.type === 'taijiang-sim:result' && m.precision === 'full')));

    // The plan's scenario, as the CLI computes it.
    let full = await results(() => window.received.some((m) => m.type === 'taijiang-sim:result' && m.precision === 'full'));
    const plan = nativeRun('#v=3');
    const first = full[0];
    assert.equal(first.version, 1);
    assert.equal(first.model, 3);
    assert.equal(first.fingerprint, plan.fingerprint);
    assert.equal(Object.keys(first.targets).length, 10);
    for (const [id, target] of Object.entries(plan.targets)) {
      assert.equal(first.targets[id].p.toFixed(4), target.probability, `${id}: p`);
      assert.equal(first.targets[id].stderr.toFixed(4), target.stderr, `${id}: stderr`);
      assert.ok(first.targets[id].met_rule.length > 0);
    }
    const sizes = await page.evaluate(() => window.received.filter((m) => m.type === 'taijiang-sim:size'));
    assert.ok(sizes.length > 0 && sizes.every((m) => Number.isInteger(m.height) && m.height > 0), 'size messages');
    await page.waitForFunction(() => document.getElementById('quote').textContent.includes('%'));

    // The host walks its readers to "growth slows to 6 %": the numbers the CLI gives for it.
    const slow = nativeRun('#v=3&gdp=6');
    await page.click('button[data-link="#gdp=6"]');
    full = await results(() => window.received.some((m) => m.type === 'taijiang-sim:result' && m.precision === 'full' && m.scenario.values.gdp === 6));
    const set = full.find((m) => m.scenario.values.gdp === 6);
    assert.equal(set.fingerprint, slow.fingerprint);
    assert.equal(set.targets.gdp.p.toFixed(4), slow.targets.gdp.probability);
    const frame = page.frames().find((f) => f.url().startsWith(simulator));
    assert.equal(await frame.getAttribute('#app', 'data-embed'), 'targets', 'the piece stays');
    assert.equal(await frame.$$eval('[data-notice]', (n) => n.length), 0, 'a host’s link gives no notice');

    // Malformed and foreign messages change nothing: the next result is the next valid link's.
    const before = await page.evaluate(() => window.received.length);
    await page.evaluate(() => {
      const sim = document.getElementById('simulator').contentWindow;
      for (const message of [
        'hello', 42, null, { type: 'taijiang-sim:set' }, { type: 'taijiang-sim:set', link: 5 },
        { type: 'taijiang-sim:set', link: 'x'.repeat(20000) }, { type: 'taijiang-sim:launch' },
        { type: 'other:set', link: '#gdp=3' }, { link: '#gdp=3' },
      ]) sim.postMessage(message, '*');
      sim.postMessage({ type: 'taijiang-sim:set', link: '#gdp=5' }, '*');
    });
    await results(() => window.received.some((m) => m.type === 'taijiang-sim:result' && m.scenario.values.gdp === 5 && m.precision === 'full'));
    const after = await page.evaluate((n) => window.received.slice(n).filter((m) => m.type === 'taijiang-sim:result'), before);
    assert.deepEqual([...new Set(after.map((m) => m.scenario.values.gdp))], [5], 'only the valid link ran');
    assert.deepEqual(await frame.evaluate(() => document.querySelector('#app').getAttribute('data-state')), 'ready');
  } finally {
    await host.close();
  }
});

appTest('the embed dialog gives an iframe snippet of the current scenario, with a live preview', getBrowser, async (h) => {
  const url = await h.serve();
  const page = await h.open(url + signLink('v=3&gdp=6&lang=en'));
  await page.click('.export-bar [data-export="embed"]');
  await page.selectOption('[data-embed-piece]', 'gdp');
  await page.fill('[data-embed-height]', '100');
  await page.press('[data-embed-height]', 'Tab');
  const snippet = await page.inputValue('[data-embed-snippet]');
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(src, /#v=3&gdp=6&lang=en&embed=gdp&ck=[0-9a-f]{6}$/);
  assert.match(snippet, /height="240"/, 'below 240 pixels, the smallest size a piece is made for');
  assert.equal(await page.getAttribute('[data-embed-preview]', 'src'), src);
  const preview = page.frames().find((f) => f.url() === src);
  await preview.waitForSelector('#app.embed[data-embed="gdp"][data-state="ready"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.embed-dialog', { state: 'detached' });
});

appTest('printing gives exactly one A4 page: the briefing, without the controls', getBrowser, async (h) => {
  const url = await h.serve();
  for (const lang of ['zh', 'en']) {
    const page = await h.open(url + signLink(`v=3&gdp=6&a=plan${lang === 'en' ? '&lang=en' : ''}`));
    await waitCompared(page, { compare: 'pinned' });
    await page.emulateMedia({ media: 'print' });
    // The sheet draws its charts and QR code when printing starts (or when the page is idle).
    await page.waitForFunction(() => document.querySelectorAll('[data-print-sheet] .print-chart svg').length === 2);
    const seen = await page.evaluate(() => {
      const visible = (el) => el && el.getClientRects().length > 0;
      const sheet = document.querySelector('[data-print-sheet]');
      return {
        sheet: visible(sheet),
        controls: visible(document.querySelector('#controls')),
        rows: sheet.querySelectorAll('table.compact-targets tbody tr').length,
        charts: sheet.querySelectorAll('.print-chart svg').length,
        qr: visible(sheet.querySelector('.print-qr svg')),
        link: sheet.querySelector('.print-link').textContent,
        values: sheet.querySelectorAll('table.print-values tbody tr').length,
      };
    });
    assert.equal(seen.sheet, true, `${lang}: the sheet prints`);
    assert.equal(seen.controls, false, `${lang}: the controls do not`);
    assert.equal(seen.rows, 10, `${lang}: the targets table`);
    assert.equal(seen.charts, 2, `${lang}: two charts`);
    assert.equal(seen.qr, true, `${lang}: the QR code`);
    assert.match(seen.link, /#v=3&gdp=6&a=plan/);
    assert.ok(seen.values >= 10, `${lang}: the scenario's values`);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    assert.equal(pages.length, 1, `${lang}: one page`);
    const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
    assert.ok(box && Math.abs(Number(box[1]) - 595.3) < 1.5 && Math.abs(Number(box[2]) - 841.9) < 1.5, `${lang}: A4, ${box?.slice(1)}`);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('[data-print-sheet]'), false, `${lang}: the sheet is hidden on screen`);
  }
});
