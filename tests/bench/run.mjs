// The benchmark: the engine natively, in WebAssembly and as plain JavaScript; the app's latency
// from a slider to redrawn charts; the transfer size; the time to the first chart. Prints a
// markdown report and writes it to tests/bench/last-report.md.
//
//   node tests/bench/run.mjs            from the repo root, after `bash .ci/bench` has built
//   node tests/bench/run.mjs --quick    a smoke test of the harness: few repeats, no verdicts
//
// Needs dist/ (the app), dist-bench/ (tests/bench/index.html built by Trunk) and
// target/release/taijiang-sim; it builds nothing. Exit status: 0 if every section ran and the
// JavaScript reference agrees with the engine (budgets met or not: the report says which),
// 1 if a section failed or the reference disagrees, 2 if something it needs is missing.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(BENCH_DIR, '..', '..');
// Overridable (paths relative to the repo root, or absolute), e.g. to bench another build.
const DIST = resolve(REPO_ROOT, process.env.DIST_DIR || 'dist');
const DIST_BENCH = resolve(REPO_ROOT, process.env.DIST_BENCH_DIR || 'dist-bench');
const NATIVE = resolve(REPO_ROOT, process.env.NATIVE_BIN || 'target/release/taijiang-sim');
const REPORT = join(BENCH_DIR, 'last-report.md');
const REFERENCE_SOURCE = readFileSync(join(BENCH_DIR, 'reference.js'), 'utf8');

const QUICK = process.argv.includes('--quick');

// ---------------------------------------------------------------------------------------------
// What is measured

const HORIZON_YEAR = 2035; // the longest run: 15 years
const SEED = 2021; // the app's default seed
const WARMUP = 3;
// Repeats per size, run in blocks of `block` per implementation, the three implementations
// taking turns block by block (see benchEngine).
const SIZES = QUICK
  ? [
      { paths: 1_000, repeats: 4, block: 2 },
      { paths: 10_000, repeats: 4, block: 2 },
      { paths: 100_000, repeats: 2, block: 1 },
    ]
  : [
      { paths: 1_000, repeats: 30, block: 5 },
      { paths: 10_000, repeats: 30, block: 5 },
      { paths: 100_000, repeats: 10, block: 2 },
    ];
const KEY_MOVES = QUICK ? 10 : 120; // even: the slider ends where it started
const DRAG_STEPS = QUICK ? 30 : 120;
const FRESH_LOADS = QUICK ? 3 : 10;
const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 30_000;

// The JavaScript reference must give the engine's P(target) of every target for the default
// scenario, and P(all met) where the binary prints it, within this many standard errors of the
// difference. It uses other random numbers, so only statistical agreement is expected: the
// difference of the two estimates has a standard error of √(SE_engine² + SE_js²) (≈ 0.005·√2 at
// 10,000 paths and p ≈ ½), to which half a unit of the binary's fourth decimal is added (a
// probability of 0 on both sides has no standard error at all). The engine's numbers are read
// from the native binary on each run (tests/common/default-scenario.tsv has them for the
// current engine), so the check follows any change of the engine's streams.
// tests/e2e/reference.test.mjs checks more scenarios the same way, without a browser.
const AGREEMENT_SES = 4;
const PRINT_ROUNDING = 0.5e-4;
// The default scenario, asked for explicitly: the link the binary echoes names only what
// differs from the defaults.
const AGREEMENT_RUN = { paths: 10_000, seed: 2021, horizon: 2025 };
// The model version reference.js implements: the link to the binary names it, and a binary that
// computes another version is reported as such rather than as a disagreement.
const REFERENCE_MODEL_VERSION = 3;
// The plan's targets, in the engine's order (src/plan.rs, TargetId::ALL); `taijiang-sim` prints
// a line for each, and the reference's referenceRun(…).targets has each.
const TARGET_IDS = [
  'gdp',
  'income',
  'income_sync',
  'hightech',
  'air',
  'green_ratio',
  'green_cover',
  'preschool',
  'culture_star',
  'culture_trip',
];

const ENGINE_BUDGETS = { 10_000: 16, 100_000: 150 }; // ms, wasm, per run
const WASM_OVER_NATIVE_MAX = 1.5;
// Section 2 runs at the default horizon and at the furthest.
const APP_HORIZONS = [2025, 2035];
const JS_OVER_WASM_MIN = 3;
const INPUT_TO_DRAW_P95_MAX = 50; // ms
const SETTLED_TO_FULL_P95_MAX = 100; // ms
const TRANSFER_MAX_KB = 400;
const FIRST_DRAW_P95_MAX = 1500; // ms

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

/** Quantile q of the samples, "type 7" (linear interpolation), as the engine computes them. */
function quantile(samples, q) {
  const sorted = Float64Array.from(samples).sort();
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

function stats(samples) {
  if (samples.length === 0) return { n: 0, median: NaN, p95: NaN, max: NaN };
  return { n: samples.length, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples) };
}

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : '–');
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n) => n.toLocaleString('en-US');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const budgets = [];

/**
 * Records a budget and returns its verdict. kind 'max': value ≤ limit; 'min': value ≥ limit.
 * `show` formats a value of this budget (ms, ×, KB).
 */
function budget(name, judgedOn, value, limit, kind, show) {
  let verdict;
  if (QUICK) verdict = 'not judged (--quick)';
  else if (!Number.isFinite(value)) verdict = '**no data**';
  else {
    const met = kind === 'max' ? value <= limit : value >= limit;
    const gap = Math.abs(value - limit);
    const pct = ((100 * gap) / limit).toFixed(0);
    verdict = met
      ? `met, ${show(gap)} (${pct} %) to spare`
      : `**missed** by ${show(gap)} (${pct} %)`;
  }
  budgets.push([name, judgedOn, show(value), `${kind === 'max' ? '≤' : '≥'} ${show(limit)}`, verdict]);
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Collects what goes wrong in a page, to put in error messages. */
function watch(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err?.message || err}`));
  page.on('console', (msg) => {
    const where = msg.location()?.url || '';
    // Chromium asks for /favicon.ico by itself: browser chrome, not the page.
    if (msg.type() === 'error' && !where.endsWith('/favicon.ico')) problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  return problems;
}

/** page.waitForFunction that fails with `what` and the page's problems instead of a bare timeout. */
async function waitInPage(page, problems, what, fn, arg) {
  try {
    await page.waitForFunction(fn, arg, { timeout: TIMEOUT_MS, polling: 'raf' });
  } catch (err) {
    if (err?.name !== 'TimeoutError') throw err;
    throw new Error([`${what}: not within ${TIMEOUT_MS / 1000} s at ${page.url()}`, ...problems].join('\n  '));
  }
}

/** True when the app shows, fully computed, a scenario whose `key` is `want` (runs in the page). */
function showsScenario({ key, want, precision }) {
  const app = document.querySelector('main#app');
  if (!app || app.dataset.state !== 'ready') return false;
  if (precision !== 'any' && app.dataset.precision !== precision) return false;
  if (want === null) return true;
  // A slider's value (a link leaves out what equals the default), else the link's (the seed).
  const slider = document.querySelector(`input[type="range"][name="${key}"]`);
  const value = slider ? slider.value : new URLSearchParams(location.hash.slice(1)).get(key);
  return value !== null && Math.abs(Number(value) - want) < 1e-9;
}

/** The app's performance measures so far, as [startTime, duration] pairs (runs in the page). */
function readMeasures() {
  const entries = (name) => performance.getEntriesByName(name, 'measure').map((e) => [e.startTime, e.duration]);
  return {
    inputToDraw: entries('input-to-draw'),
    settledToFull: entries('settled-to-full'),
    inputs: performance.getEntriesByName('slider-input', 'mark').length,
  };
}

/**
 * The first measure from each event: a measure starts at its event's mark, and one event may be
 * followed by several redraws (a preview, then the full run); the user waited for the first.
 */
function firstPerEvent(pairs) {
  const first = new Map();
  for (const [start, duration] of pairs) {
    const seen = first.get(start);
    if (seen === undefined || duration < seen) first.set(start, duration);
  }
  return [...first.values()];
}

// ---------------------------------------------------------------------------------------------
// 1. The engine: native, wasm and the JavaScript reference

const run = promisify(execFile);

/**
 * What the native binary prints for the default scenario at AGREEMENT_RUN's paths, seed and
 * horizon: the link (its model version, then only what differs from the defaults), then per
 * target `KEY<tab>probability=P<tab>stderr=SE`, and `all_met` in the same form if it prints it.
 * What it says on standard error (a notice that the link has no checksum) is not read.
 */
async function engineDefault() {
  const { paths, seed, horizon } = AGREEMENT_RUN;
  const link = `#v=${REFERENCE_MODEL_VERSION}&paths=${paths}&seed=${seed}&horizon=${horizon}`;
  const { stdout } = await run(NATIVE, [link], { cwd: REPO_ROOT, timeout: 60_000 });
  const echo = new URLSearchParams(stdout.trim().split('\n')[0].replace(/^#/, ''));
  const targets = {};
  for (const [, key, probability, stderr] of stdout.matchAll(/^(\w+)\tprobability=([\d.]+)\tstderr=([\d.]+)$/gm)) {
    targets[key] = { probability: Number(probability), stderr: Number(stderr) };
  }
  // A value the link echoes must be the one asked for (one it leaves out is the default).
  const contradicted = Object.entries(AGREEMENT_RUN).some(([key, value]) => echo.has(key) && Number(echo.get(key)) !== value);
  if (!targets.gdp || !targets.income || contradicted) {
    throw new Error(`${relative(REPO_ROOT, NATIVE)} '${link}' printed an unexpected run: ${JSON.stringify(stdout)}`);
  }
  if (echo.get('v') !== String(REFERENCE_MODEL_VERSION)) {
    throw new Error(
      `${relative(REPO_ROOT, NATIVE)} computes model version ${echo.get('v')}, tests/bench/reference.js version ` +
        `${REFERENCE_MODEL_VERSION}: rebuild the binary, or port the model to the reference`,
    );
  }
  return { paths, seed, horizon, link, targets };
}

/** The link the native binary writes for `fragment` (with its model version and checksum). */
async function signedLink(fragment) {
  const { stdout } = await run(NATIVE, [fragment], { cwd: REPO_ROOT, timeout: 60_000 });
  const link = stdout.trim().split('\n')[0];
  if (!link.startsWith('#v=')) throw new Error(`${relative(REPO_ROOT, NATIVE)} '${fragment}' printed no link: ${stdout}`);
  return link;
}

/** `repeats` timed runs of the native binary, after WARMUP untimed ones in the same process. */
async function nativeTimes(paths, repeats, flag = '--bench') {
  const args = [flag, String(paths), String(HORIZON_YEAR), String(WARMUP + repeats)];
  const { stdout } = await run(NATIVE, args, { cwd: REPO_ROOT, timeout: 300_000 });
  const line = stdout.trim().split('\n').pop();
  let out;
  try {
    out = JSON.parse(line);
  } catch {
    throw new Error(`${relative(REPO_ROOT, NATIVE)} ${args.join(' ')} printed no JSON line: ${JSON.stringify(stdout)}`);
  }
  if (out.paths !== paths || out.horizon !== HORIZON_YEAR || out.ms?.length !== WARMUP + repeats) {
    throw new Error(`${relative(REPO_ROOT, NATIVE)} ${args.join(' ')} printed an unexpected line: ${line}`);
  }
  return out.ms.slice(WARMUP);
}

function wasmTimes(page, paths, repeats, exported = 'bench_engine') {
  return page.evaluate(
    ([p, h, r, f]) => Array.from(window.wasmBindings[f](p, h, r)),
    [paths, HORIZON_YEAR, repeats, exported],
  );
}

/** Times the JavaScript reference in the page, with the same clock as the wasm bench. */
function jsTimes(page, paths, repeats) {
  return page.evaluate(
    ([p, h, r, seed]) => {
      const out = [];
      for (let i = 0; i < r; i += 1) {
        const start = performance.now();
        globalThis.referenceRun(p, h, seed);
        out.push(performance.now() - start);
      }
      return out;
    },
    [paths, HORIZON_YEAR, repeats, SEED],
  );
}

function checkTimes(kind, paths, want, got) {
  if (!Array.isArray(got) || got.length !== want || !got.every((x) => Number.isFinite(x) && x >= 0)) {
    throw new Error(`${kind} at ${paths} paths: expected ${want} durations, got ${JSON.stringify(got)}`);
  }
  return got;
}

async function benchEngine(browser, report) {
  const site = await serve(DIST_BENCH, '/');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = watch(page);
    // Trunk may dispatch its event before we could listen from here: listen from the start.
    await page.addInitScript(() =>
      window.addEventListener('TrunkApplicationStarted', () => {
        window.__trunkStarted = true;
      }),
    );
    await page.goto(site.url);
    await waitInPage(
      page,
      problems,
      'the bench page (dist-bench/) did not start with window.wasmBindings.bench_engine',
      () => window.__trunkStarted === true && typeof window.wasmBindings?.bench_engine === 'function',
    );
    await page.addScriptTag({ content: REFERENCE_SOURCE });

    // Does the reference compute the same model? (Also its first, JIT-warming run.)
    const engine = await engineDefault();
    const check = await page.evaluate(
      ([p, h, seed]) => globalThis.referenceRun(p, h, seed),
      [engine.paths, engine.horizon, engine.seed],
    );
    // A target missing on either side is a disagreement (an old binary, or a reference that
    // does not compute it), reported as such rather than skipped. P(all met) is compared when
    // the binary prints it.
    const joint = engine.targets.all_met ? [['all_met', check.all_met]] : [];
    const agreement = [...TARGET_IDS.map((key) => [key, check.targets?.[key]]), ...joint].map(([key, js]) => {
      const native = engine.targets[key];
      if (!js || !native) return { key, js, engine: native, se: NaN, ses: NaN, ok: false };
      const se = Math.hypot(native.stderr, js.stderr);
      const difference = Math.abs(js.probability - native.probability);
      const ses = se > 0 ? difference / se : NaN;
      return { key, js, engine: native, se, ses, ok: difference <= AGREEMENT_SES * se + PRINT_ROUNDING };
    });

    const rows = [];
    for (const { paths, repeats, block } of SIZES) {
      process.stderr.write(`engine: ${int(paths)} paths …\n`);
      const samples = { native: [], wasm: [], js: [], floor: [], floorWasm: [] };
      const runners = {
        native: (k) => nativeTimes(paths, k),
        wasm: (k) => wasmTimes(page, paths, k),
        js: (k) => jsTimes(page, paths, k),
        floor: (k) => nativeTimes(paths, k, '--bench-floor'),
        floorWasm: (k) => wasmTimes(page, paths, k, 'bench_floor'),
      };
      // Warm-up (JIT tiers, allocator, caches). The native binary warms up in each process.
      checkTimes('wasm', paths, WARMUP, await runners.wasm(WARMUP));
      checkTimes('js', paths, WARMUP, await runners.js(WARMUP));
      checkTimes('floorWasm', paths, WARMUP, await runners.floorWasm(WARMUP));
      // Blocks taking turns, in a rotating order, so that machine noise (the other core's load,
      // frequency changes) falls on all three alike rather than on whichever ran last.
      const kinds = Object.keys(runners);
      for (let b = 0, done = 0; done < repeats; b += 1) {
        const k = Math.min(block, repeats - done);
        for (let j = 0; j < kinds.length; j += 1) {
          const kind = kinds[(b + j) % kinds.length];
          samples[kind].push(...checkTimes(kind, paths, k, await runners[kind](k)));
        }
        done += k;
      }
      const s = Object.fromEntries(kinds.map((kind) => [kind, stats(samples[kind])]));
      rows.push({ paths, repeats, ...s });
    }

    report.push('## 1. Engine: one full run (all series), horizon 2035 (15 years)', '');
    report.push(
      table(
        ['paths', 'repeats', 'native median / p95', 'wasm median / p95', 'JS median / p95', 'wasm / native', 'JS / wasm'],
        rows.map((r) => [
          int(r.paths),
          String(r.repeats),
          `${ms(r.native.median)} / ${ms(r.native.p95)}`,
          `${ms(r.wasm.median)} / ${ms(r.wasm.p95)}`,
          `${ms(r.js.median)} / ${ms(r.js.p95)}`,
          times(r.wasm.median / r.native.median),
          times(r.js.median / r.wasm.median),
        ]),
      ),
      '',
      `- Each size: ${WARMUP} untimed warm-up runs, then the repeats in blocks taking turns ` +
        'native → wasm → JS (the order rotating by block). Ratios are of medians.',
      '- native: `target/release/taijiang-sim --bench` (its own clock; each process also runs ' +
        `${WARMUP} untimed warm-ups). wasm: \`bench_engine\` in dist-bench/, timed inside wasm with ` +
        '`performance.now()`. JS: `tests/bench/reference.js` in the same page, same clock.',
      '- **The wasm and JS runs are on the page\'s main thread.** In the app the same engine code ' +
        'runs in a Web Worker; the time per run is the same, but there it does not block the page.',
      '- The JS reference sorts a copy of each year\'s values for the percentiles (what a web ' +
        'developer would write); the engine selects. Most of its time is that sort, so JS / wasm ' +
        'compares the algorithm as well as the language.',
      '- `performance.now()` in a page that is not cross-origin isolated has a 0.1 ms resolution.',
      '',
      'The floor, in the same run: GDP and income alone (`src/bench/floor.rs`: flat arrays, one ' +
        'loop per year, the engine\'s own streams and percentiles; the same numbers as the engine\'s ' +
        'for those two series, bit for bit, `tests/bench_floor.rs`), natively (`taijiang-sim ' +
        '--bench-floor`) and in wasm (`bench_floor`). Per series, the engine (10 series) against ' +
        'the floor (2): the engine\'s median ÷ 10 over the floor\'s ÷ 2.',
      '',
      table(
        ['paths', 'floor native median / p95', 'floor wasm median / p95', 'engine per series, native', 'floor per series, native', 'engine ÷ floor per series (native / wasm)'],
        rows.map((r) => [
          int(r.paths),
          `${ms(r.floor.median)} / ${ms(r.floor.p95)}`,
          `${ms(r.floorWasm.median)} / ${ms(r.floorWasm.p95)}`,
          ms(r.native.median / 10),
          ms(r.floor.median / 2),
          `${times(r.native.median / 10 / (r.floor.median / 2))} / ${times(r.wasm.median / 10 / (r.floorWasm.median / 2))}`,
        ]),
      ),
      '',
      `Reference agreement, default scenario (${int(engine.paths)} paths, horizon ${engine.horizon}, ` +
        `seed ${engine.seed}): P(target) from the JS reference vs the native engine (\`taijiang-sim ` +
        `'${engine.link}'\`), tolerance ${AGREEMENT_SES} standard errors of the difference, √(SE_engine² + SE_js²), ` +
        'plus 0.00005 for the engine\'s rounding to 4 decimals:',
      '',
      table(
        ['target', 'JS ± SE', 'engine ± SE', 'SE of difference', 'difference in SEs', 'agrees'],
        agreement.map((a) => [
          a.key,
          a.js ? `${a.js.probability.toFixed(4)} ± ${a.js.stderr.toFixed(4)}` : 'missing',
          a.engine ? `${a.engine.probability.toFixed(4)} ± ${a.engine.stderr.toFixed(4)}` : 'missing',
          Number.isFinite(a.se) ? a.se.toFixed(4) : '–',
          Number.isFinite(a.ses) ? a.ses.toFixed(2) : '–',
          a.ok ? 'yes' : '**NO**',
        ]),
      ),
      '',
      `- ${agreement.filter((a) => a.ok).length} of ${agreement.length} rows agree. The reference draws ` +
        'its own random numbers (xoshiro128**, polar-method normals, its own Poisson sampler), so ' +
        `only statistical agreement is expected: at 4 SEs a correct reference fails one of the ${agreement.length} ` +
        `with a chance of about ${(agreement.length * 0.0063).toFixed(2)} %. \`all_met\` is P(all ten met), where the binary prints it.`,
      '',
    );

    for (const r of rows) {
      if (ENGINE_BUDGETS[r.paths] !== undefined) {
        budget(`engine, wasm, ${int(r.paths)} paths`, 'median', r.wasm.median, ENGINE_BUDGETS[r.paths], 'max', ms);
      }
    }
    for (const r of rows) {
      budget(`wasm / native, ${int(r.paths)} paths`, 'medians', r.wasm.median / r.native.median, WASM_OVER_NATIVE_MAX, 'max', times);
    }
    for (const r of rows) {
      budget(`JS / wasm, ${int(r.paths)} paths`, 'medians', r.js.median / r.wasm.median, JS_OVER_WASM_MIN, 'min', times);
    }
    if (problems.length) report.push('Bench page problems:', '', ...problems.map((p) => `- ${p}`), '');
    return agreement.every((a) => a.ok);
  } finally {
    await context.close();
    await site.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The app: slider to redrawn charts

async function benchApp(browser, report) {
  report.push('## 2. The app: slider to redrawn charts', '');
  for (const horizon of APP_HORIZONS) await benchAppAt(browser, report, horizon);
}

/** Section 2 at one horizon: the default scenario, but for the horizon year (in the link). */
async function benchAppAt(browser, report, horizon) {
  const site = await serve(DIST, '/');
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(horizon === 2025 ? site.url : `${site.url}${await signedLink(`#horizon=${horizon}`)}`);
    const settled = (want, precision = 'full') =>
      waitInPage(page, problems, `the app showing gdp=${want} (${precision})`, showsScenario, { key: 'gdp', want, precision });
    await settled(null);

    // Keyboard: each press is an input and a change event; wait for the full run of the new
    // value before the next press, so that every press gets its own measures.
    const slider = page.locator('input[type="range"][name="gdp"]');
    const start = Number(await slider.inputValue());
    const step = Number((await slider.getAttribute('step')) || 1);
    await page.evaluate(() => {
      performance.clearMeasures();
      performance.clearMarks('slider-input');
    });
    await slider.focus();
    process.stderr.write(`app, horizon ${horizon}: ${KEY_MOVES} key presses …\n`);
    for (let i = 0; i < KEY_MOVES; i += 1) {
      const left = i % 2 === 0;
      await page.keyboard.press(left ? 'ArrowLeft' : 'ArrowRight');
      await settled(left ? start - step : start);
    }
    const keys = await page.evaluate(readMeasures);

    // Mouse drag: 1 px moves with no waits but Playwright's own, like a hand on the thumb. The
    // app drops results that are stale on arrival, so there are fewer measures than inputs.
    process.stderr.write(`app, horizon ${horizon}: a drag of ${DRAG_STEPS} 1-px moves …\n`);
    await page.evaluate(() => {
      performance.clearMeasures();
      performance.clearMarks('slider-input');
    });
    const box = await slider.boundingBox();
    // The value is in the middle of its range here (7.5 on 0 … 15), and so is the thumb.
    const x0 = Math.round(box.x + box.width / 2);
    const y = box.y + box.height / 2;
    const amplitude = Math.max(5, Math.min(60, Math.floor(box.width / 2) - 12));
    await page.mouse.move(x0, y);
    await page.mouse.down();
    let dx = 0;
    for (let i = 0, dir = -1; i < DRAG_STEPS; i += 1) {
      if (Math.abs(dx + dir) > amplitude) dir = -dir;
      dx += dir;
      await page.mouse.move(x0 + dx, y);
    }
    // End the drag away from where it started, so that the release changes the value and the
    // browser fires the change event that asks for the full run.
    for (let i = 0; i < 8; i += 1) {
      dx += dx >= 0 ? 1 : -1;
      await page.mouse.move(x0 + dx, y);
    }
    // Still holding: wait until the last position's scenario is drawn (a preview) to read its
    // measure too; after the release, until its full run is drawn.
    const held = Number(await slider.inputValue());
    await settled(held, 'any');
    const drag = await page.evaluate(readMeasures);
    await page.evaluate(() => performance.clearMeasures());
    await page.mouse.up();
    await settled(held);
    const release = await page.evaluate(readMeasures);

    const keyInput = stats(firstPerEvent(keys.inputToDraw));
    const keyFull = stats(firstPerEvent(keys.settledToFull));
    const dragInput = stats(firstPerEvent(drag.inputToDraw));
    const releaseFull = stats(firstPerEvent(release.settledToFull));
    const rows = [
      ['key press: input → first redraw (`input-to-draw`)', keyInput, `${KEY_MOVES} presses`, keys.inputToDraw],
      ['key press: change → full run drawn (`settled-to-full`)', keyFull, `${KEY_MOVES} presses`, keys.settledToFull],
      ['drag: input → first redraw (`input-to-draw`)', dragInput, `${drag.inputs} input events`, drag.inputToDraw],
      ['drag release → full run drawn (`settled-to-full`)', releaseFull, '1 release', release.settledToFull],
    ];
    report.push(`### Horizon ${horizon}`, '');
    report.push(
      table(
        ['measure', 'n', 'median', 'p95', 'max', 'from'],
        rows.map(([name, s, from, raw]) => [
          name,
          String(s.n),
          ms(s.median),
          ms(s.p95),
          ms(s.max),
          `${from}, ${raw.length} measure${raw.length === 1 ? '' : 's'}`,
        ]),
      ),
      '',
      '- n counts events: of the measures that start at the same event (a preview, then the full ' +
        'run), only the first counts, the redraw the user waited for.',
      `- ${relative(REPO_ROOT, DIST)}/ served at / on localhost, viewport ${VIEWPORT.width}×${VIEWPORT.height}, default scenario ` +
        `(10,000 paths, horizon ${horizon}). The app's own performance measures, taken after the charts are drawn.`,
      `- Keyboard: ${KEY_MOVES} presses on the gdp slider, ArrowLeft and ArrowRight in turn, each waited ` +
        'for until the full run of its value is shown.',
      `- Drag: the thumb held and moved 1 px at a time, ${DRAG_STEPS} moves back and forth over ±${amplitude} px, ` +
        'then released.',
      '',
    );
    budget(`key press: input → first redraw, ${horizon}`, 'p95', keyInput.p95, INPUT_TO_DRAW_P95_MAX, 'max', ms);
    budget(`drag: input → first redraw, ${horizon}`, 'p95', dragInput.p95, INPUT_TO_DRAW_P95_MAX, 'max', ms);
    budget(`key press: change → full 10k charts, ${horizon}`, 'p95', keyFull.p95, SETTLED_TO_FULL_P95_MAX, 'max', ms);
    budget(`drag release → full 10k charts, ${horizon}`, 'p95', releaseFull.p95, SETTLED_TO_FULL_P95_MAX, 'max', ms);
    if (problems.length) report.push('App page problems:', '', ...problems.map((p) => `- ${p}`), '');
  } finally {
    await context.close();
    await site.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Transfer size

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

function transferSize(report) {
  const files = filesUnder(DIST)
    .map((path) => {
      const bytes = readFileSync(path);
      return { name: relative(DIST, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const rawTotal = files.reduce((sum, f) => sum + f.raw, 0);
  report.push(`## 3. Transfer size of ${relative(REPO_ROOT, DIST)}/`, '');
  report.push(
    table(
      ['file', 'size', 'gzip -9'],
      [...files.map((f) => [`\`${f.name}\``, kb(f.raw), kb(f.gzip)]), ['**total**', kb(rawTotal), `**${kb(total)}**`]],
    ),
    '',
    '- Each file compressed alone with zlib level 9; 1 KB = 1024 bytes.',
    '',
  );
  budget('transfer size, gzip', 'total', total / 1024, TRANSFER_MAX_KB, 'max', (x) => `${x.toFixed(1)} KB`);
}

// ---------------------------------------------------------------------------------------------
// 4. First chart

async function firstDraw(browser, report) {
  const site = await serve(DIST, '/');
  const samples = [];
  const firstRuns = [];
  const secondRuns = [];
  try {
    process.stderr.write(`first chart: ${FRESH_LOADS} fresh loads …\n`);
    for (let i = 0; i < FRESH_LOADS; i += 1) {
      // A new context each time: no cache, no storage, nothing compiled kept from before.
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const problems = watch(page);
        await page.goto(site.url);
        const mark = () => performance.getEntriesByName('first-draw', 'mark').length > 0;
        await waitInPage(page, problems, 'the performance mark "first-draw"', mark);
        samples.push(await page.evaluate(() => performance.getEntriesByName('first-draw', 'mark')[0].startTime));
        // The first full run's own time, and the second's (a key press right away): what a
        // fresh worker costs before V8 has optimised the engine.
        await waitInPage(page, problems, 'the first full run', showsScenario, { key: 'gdp', want: null, precision: 'full' });
        const before = (await page.evaluate(readRun)).fingerprint;
        firstRuns.push((await page.evaluate(readRun)).engineMs);
        await page.locator('input[type="range"][name="gdp"]').focus();
        await page.keyboard.press('ArrowLeft');
        await waitInPage(page, problems, 'the run after one key press', (old) => {
          const info = document.querySelector('[data-fingerprint]');
          return document.querySelector('main#app')?.dataset.precision === 'full' && info && info.dataset.fingerprint !== old;
        }, before);
        secondRuns.push((await page.evaluate(readRun)).engineMs);
      } finally {
        await context.close();
      }
    }
  } finally {
    await site.close();
  }
  const s = stats(samples);
  report.push('## 4. First chart on localhost', '');
  report.push(
    table(['loads', 'median', 'p95', 'max', 'all'], [[String(s.n), ms(s.median), ms(s.p95), ms(s.max), samples.map((x) => x.toFixed(0)).join(', ')]]),
    '',
    '- The `first-draw` mark\'s startTime (ms since navigation start), each load in a fresh browser ' +
      'context; dist/ served from 127.0.0.1 without caching, so no network time to speak of.',
    '',
    table(
      ['run of a fresh page', 'median', 'p95', 'all'],
      [
        ['the first full run (`data-engine-ms`)', firstRuns],
        ['the run after a key press right after it', secondRuns],
      ].map(([name, xs]) => {
        const t = stats(xs);
        return [name, ms(t.median), ms(t.p95), xs.map((x) => x.toFixed(0)).join(', ')];
      }),
    ),
    '',
    '- Fresh workers run wasm from V8\'s baseline compile until the engine is optimised; the workers ' +
      'warm up in small runs until the first request (src/worker.rs).',
    '',
  );
  budget('first chart', 'p95', s.p95, FIRST_DRAW_P95_MAX, 'max', ms);
}

// ---------------------------------------------------------------------------------------------
// 5. Split runs: one worker against several, in the app

const SPLIT_SIZES = QUICK
  ? [
      { paths: 1_000, repeats: 2 },
      { paths: 10_000, repeats: 2 },
      { paths: 100_000, repeats: 1 },
    ]
  : [
      { paths: 1_000, repeats: 20 },
      { paths: 10_000, repeats: 20 },
      { paths: 100_000, repeats: 6 },
    ];

/** The run on screen: its engine time (request out → merged summary), fingerprint and workers. */
function readRun() {
  const info = document.querySelector('[data-fingerprint]');
  return {
    engineMs: Number(info?.getAttribute('data-engine-ms')),
    fingerprint: info?.getAttribute('data-fingerprint'),
    workers: Number(info?.getAttribute('data-workers')),
  };
}

async function splitRuns(browser, report) {
  const site = await serve(DIST, '/');
  const context = await browser.newContext({ viewport: VIEWPORT });
  const cores = cpus().length;
  const counts = [...new Set([1, 2, Math.min(cores, 4)])];
  const rows = [];
  let identical = true;
  // Every run whose fingerprint differs from the one-worker run's: the link to reproduce it.
  const differing = [];
  try {
    for (const { paths, repeats } of SPLIT_SIZES) {
      process.stderr.write(`split runs: ${int(paths)} paths on ${counts.join(', ')} workers …\n`);
      const fragment = (seed) => `#paths=${paths}&horizon=${HORIZON_YEAR}&seed=${seed}`;
      // One page at a time: a page left idle starts its levers' analysis after 600 ms, which
      // would run on the same cores as the other page's run.
      const pages = [];
      for (const workers of counts) {
        const page = await context.newPage();
        const problems = watch(page);
        await page.goto(`${site.url}?workers=${workers}${fragment(1)}`);
        await waitInPage(page, problems, `${workers} workers ready`, showsScenario, { key: 'seed', want: 1, precision: 'full' });
        const entry = { workers, page, problems, ms: [], fingerprints: [] };
        pages.push(entry);
        for (let i = 0; i < WARMUP + repeats; i += 1) {
          const seed = 100 + i;
          await entry.page.evaluate((hash) => { location.hash = hash; }, fragment(seed));
          await waitInPage(entry.page, entry.problems, `seed ${seed} on ${entry.workers} workers`, showsScenario, {
            key: 'seed',
            want: seed,
            precision: 'full',
          });
          const shown = await entry.page.evaluate(readRun);
          if (shown.workers !== entry.workers) throw new Error(`asked for ${entry.workers} workers, the run used ${shown.workers}`);
          entry.fingerprints.push(shown.fingerprint);
          if (i >= WARMUP) entry.ms.push(shown.engineMs);
        }
        await page.close();
      }
      const one = stats(pages[0].ms);
      for (const entry of pages) {
        const same = entry.fingerprints.every((f, i) => f === pages[0].fingerprints[i]);
        entry.fingerprints.forEach((f, i) => {
          if (f !== pages[0].fingerprints[i]) {
            differing.push(`?workers=${entry.workers}${fragment(100 + i)}: ${f}, on 1 worker ${pages[0].fingerprints[i]}`);
          }
        });
        identical &&= same;
        const s = stats(entry.ms);
        rows.push([
          int(paths),
          String(entry.workers),
          String(s.n),
          ms(s.median),
          ms(s.p95),
          times(one.median / s.median),
          same ? 'yes' : '**no**',
        ]);
      }
    }
  } finally {
    await context.close();
    await site.close();
  }
  report.push('## 5. Split runs: one worker against several', '');
  report.push(
    table(['paths', 'workers', 'runs', 'median', 'p95', 'speed-up (medians)', 'same bits as 1 worker'], rows),
    '',
    `- The app at \`?workers=N#paths=P&horizon=${HORIZON_YEAR}&seed=S\`: \`?workers=N\` splits every run N ways. ` +
      'Each run is a new seed set through the fragment; the time is the app\'s own `data-engine-ms`, from the ' +
      'request leaving the page to the merged summary (the yearly exchange between workers included).',
    `- The counts take turns run by run; ${WARMUP} warm-up runs each are not counted. ` +
      '"Same bits" compares the summary fingerprints of every run, seed by seed.',
    `- This machine has ${cores} logical CPUs; the page's own thread shares them.`,
    '',
  );
  if (!identical) throw new Error(`a split run differs from the one-worker run:\n${differing.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// 6. Decisions: the full tornado, a goal-seek and every lever alone, as the page runs them on its
// analysis workers (its own `data-analysis-ms`: from the click to the last result).

const DECISION_REPEATS = QUICK ? 2 : 10;
const TORNADO_MAX_MS = 1000;
const GOAL_SEEK_MAX_MS = 1000;

async function decisions(browser, report) {
  const site = await serve(DIST, '/');
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems = watch(page);
  const times = { levers: [], tornado: [], seek: [], cheapest: [] };
  try {
    await page.goto(`${site.url}#seed=1`);
    await waitInPage(page, problems, 'ready', showsScenario, { key: 'seed', want: 1, precision: 'full' });
    for (let i = 0; i < WARMUP + DECISION_REPEATS; i += 1) {
      const seed = 500 + i;
      process.stderr.write(`decisions: seed ${seed}\n`);
      await page.evaluate((hash) => { location.hash = hash; }, `#seed=${seed}`);
      await waitInPage(page, problems, `seed ${seed}`, showsScenario, { key: 'seed', want: seed, precision: 'full' });
      const levers = await page.waitForSelector('[data-analysis-kind="levers"][data-analysis-ms]', { timeout: TIMEOUT_MS });
      const leversMs = Number(await levers.getAttribute('data-analysis-ms'));
      await page.click('[data-run-tornado]');
      const all = await page.waitForSelector('[data-analysis-kind="all"][data-analysis-ms]', { timeout: TIMEOUT_MS });
      const tornadoMs = Number(await all.getAttribute('data-analysis-ms'));
      await page.click('[data-run-seek]');
      const seek = await page.waitForSelector('[data-seek-kind="seek"][data-analysis-ms]', { timeout: TIMEOUT_MS });
      const seekMs = Number(await seek.getAttribute('data-analysis-ms'));
      await page.click('[data-run-cheapest]');
      const cheapest = await page.waitForSelector('[data-seek-kind="cheapest"][data-analysis-ms]', { timeout: TIMEOUT_MS });
      const cheapestMs = Number(await cheapest.getAttribute('data-analysis-ms'));
      if (i >= WARMUP) {
        times.levers.push(leversMs);
        times.tornado.push(tornadoMs);
        times.seek.push(seekMs);
        times.cheapest.push(cheapestMs);
      }
    }
  } finally {
    await context.close();
    await site.close();
  }
  const runs = {
    levers: 'the levers alone, both directions (18 runs; after every full run, for the outlook)',
    tornado: 'the full tornado: every lever and assumption, both directions (about 70 runs)',
    seek: 'goal-seek: P(gdp) ≥ 80 % with the GDP trend (bisection, about 8 runs)',
    cheapest: 'every lever alone for P(gdp) ≥ 80 % (9 searches side by side)',
  };
  const rows = Object.entries(runs).map(([key, what]) => {
    const s = stats(times[key]);
    return [what, String(s.n), ms(s.median), ms(s.p95)];
  });
  report.push('## 6. Decisions: sensitivity and goal-seek (10,000 paths, to 2025)', '');
  report.push(
    table(['analysis', 'runs of it', 'median', 'p95'], rows),
    '',
    '- The app at the default scenario with a new seed each time (`#seed=S`); the time is the page\'s own ' +
      '`data-analysis-ms`, from the request to the last result, on the analysis workers (one per core, up ' +
      `to four; this machine has ${cpus().length} logical CPUs). ${WARMUP} warm-up rounds are not counted.`,
    '',
  );
  budget('full tornado, 10k paths', 'p95', stats(times.tornado).p95, TORNADO_MAX_MS, 'max', ms);
  budget('goal-seek, 10k paths', 'p95', stats(times.seek).p95, GOAL_SEEK_MAX_MS, 'max', ms);
}

// ---------------------------------------------------------------------------------------------
// Main

// ---------------------------------------------------------------------------------------------
// 7. A long session: memory before and after many slider changes

const LONG_SESSION_MOVES = 1_000;

/** The page's JS heap after a full collection, and the wasm memories of the page and workers. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const pageWasm = await page.evaluate(() => window.__pageWasm?.memory?.buffer.byteLength ?? NaN);
  const workers = await Promise.all(
    page.workers().map((worker) => worker.evaluate(() => self.__engineWasm?.memory?.buffer.byteLength ?? NaN).catch(() => NaN)),
  );
  return { heap, pageWasm, workers: workers.filter(Number.isFinite) };
}

async function longSession(browser, report) {
  const site = await serve(DIST, '/');
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.addInitScript(() =>
      window.addEventListener('TrunkApplicationStarted', (event) => {
        window.__pageWasm = event.detail?.wasm;
      }),
    );
    await page.goto(site.url);
    await waitInPage(page, problems, 'the app ready', showsScenario, { key: 'gdp', want: null, precision: 'full' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const slider = page.locator('input[type="range"][name="gdp"]');
    const start = Number(await slider.inputValue());
    const step = Number((await slider.getAttribute('step')) || 1);
    await slider.focus();
    // Warm-up: the first few runs allocate what every later run reuses.
    const press = async (i) => {
      const left = i % 2 === 0;
      await page.keyboard.press(left ? 'ArrowLeft' : 'ArrowRight');
      await waitInPage(page, problems, `move ${i}`, showsScenario, { key: 'gdp', want: left ? start - step : start, precision: 'full' });
    };
    for (let i = 0; i < 20; i += 1) await press(i);
    const before = await memory(page, cdp);
    process.stderr.write(`long session: ${LONG_SESSION_MOVES} slider changes …\n`);
    const started = Date.now();
    for (let i = 0; i < LONG_SESSION_MOVES; i += 1) await press(i);
    const minutes = (Date.now() - started) / 60_000;
    const after = await memory(page, cdp);
    const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1_048_576).toFixed(1)} MB` : 'not read');
    const workers = (m) => (m.workers.length ? m.workers.map(mb).join(', ') : 'not read');
    report.push('## 7. A long session: memory before and after 1,000 slider changes', '');
    report.push(
      table(
        ['', 'JS heap (after a collection)', "page's wasm memory", "workers' wasm memories"],
        [
          ['after 20 changes', mb(before.heap), mb(before.pageWasm), workers(before)],
          [`after ${int(LONG_SESSION_MOVES + 20)} changes`, mb(after.heap), mb(after.pageWasm), workers(after)],
        ],
      ),
      '',
      `- ${int(LONG_SESSION_MOVES)} key presses on the gdp slider (ArrowLeft, ArrowRight in turn), each waited for ` +
        `until its full run is shown, in ${minutes.toFixed(1)} minutes; the default scenario (10,000 paths, 2025), ` +
        'the levers\' analysis never starting (no rest of 600 ms). The JS heap is read with the Chrome DevTools ' +
        'protocol after a forced collection; a wasm memory only grows, so its size is the most the module ever held.',
      '',
    );
    if (problems.length) report.push('Long session problems:', '', ...problems.map((p) => `- ${p}`), '');
  } finally {
    await context.close();
    await site.close();
  }
}

function missingPrerequisites() {
  const needs = [
    [join(DIST, 'index.html'), 'the app (trunk build --release)'],
    [join(DIST_BENCH, 'index.html'), 'the bench page (trunk build --release tests/bench/index.html --dist dist-bench)'],
    [NATIVE, 'the native binary (cargo build --release)'],
  ];
  return needs.filter(([path]) => !existsSync(path)).map(([path, what]) => `${relative(REPO_ROOT, path)}: ${what}`);
}

async function main() {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(['Not built yet (`bash .ci/bench` builds everything, then runs this):', ...missing.map((m) => `  - ${m}`)].join('\n'));
    process.exit(2);
  }

  const browser = await launchBrowser();
  const sections = [];
  let failed = false;
  let agrees = true;
  try {
    const steps = [
      ['1. Engine', (r) => benchEngine(browser, r).then((ok) => (agrees = ok))],
      ['2. The app', (r) => benchApp(browser, r)],
      ['3. Transfer size', (r) => transferSize(r)],
      ['4. First chart', (r) => firstDraw(browser, r)],
      ['5. Split runs', (r) => splitRuns(browser, r)],
      ['6. Decisions', (r) => decisions(browser, r)],
      ['7. Long sessions', (r) => longSession(browser, r)],
    ];
    // `--only=6` runs one section (the others are left out of the report).
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
    if (only) steps.splice(0, steps.length, ...steps.filter(([name]) => name.startsWith(`${only}.`)));
    // A section that fails is reported as such; the others still run.
    for (const [name, step] of steps) {
      const out = [];
      try {
        await step(out);
      } catch (err) {
        failed = true;
        out.push(`## ${name}: FAILED`, '', '```', String(err?.stack || err), '```', '');
      }
      sections.push(...out);
    }

    const cpu = cpus();
    const missed = budgets.filter((b) => b[4].includes('missed')).length;
    const head = [
      `# Benchmark report${QUICK ? ' (--quick: a smoke test, budgets not judged)' : ''}`,
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical CPUs, ` +
        `${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}`,
      `- Chromium ${browser.version()} (headless), Node ${process.version}`,
      `- Budgets: ${QUICK ? 'not judged' : `${budgets.length - missed} of ${budgets.length} met`}` +
        `${failed ? '; **some sections failed**' : ''}${agrees ? '' : '; **the JS reference disagrees with the engine**'}`,
      '',
    ];
    const tail = ['## Budgets', '', table(['budget', 'judged on', 'value', 'limit', 'verdict'], budgets), ''];
    const text = [...head, ...sections, ...tail].join('\n');
    writeFileSync(REPORT, text);
    console.log(text);
    process.stderr.write(`written to ${relative(process.cwd(), REPORT)}\n`);
  } finally {
    await browser.close();
  }
  process.exit(failed || !agrees ? 1 : 0);
}

await main();
