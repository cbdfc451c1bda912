// Shared helpers of the end-to-end tests: where the built site is, launching Chromium, a per-test
// harness that serves the site and opens pages, and readers/waiters for the app's DOM contract:
//
//   <main id="app" data-state="running|ready" data-precision="preview|full">
//   <input type="range" name="KEY">                       one per slider, with an accessible name
//   [data-target="gdp"|"income"][data-probability][data-stderr]   4 decimals each
//   <canvas data-chart="gdp"|"income">                    drawn at devicePixelRatio
//   [data-notice][role="alert"]                           names bad keys of the URL fragment
//   [data-fingerprint="16 hex digits"][data-workers="N"]  every number of the run on screen, and
//                                                         the workers it was split over
//   URL fragment  key=value&key=value…                   updated with history.replaceState
//   <main id="app" data-compare="plan|pinned">            what each row is compared with
//   <tr data-target data-probability-a data-probability-b data-delta data-delta-stderr
//       data-change="up|down|noise|none">                B against its baseline, 4 decimals
//   <main id="app" data-all-met data-all-met-stderr data-expected-met>   targets met together

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(E2E_DIR, '..', '..');
export const DIST_DIR = resolve(REPO_ROOT, process.env.DIST_DIR || 'dist');
export const ARTIFACTS_DIR = join(E2E_DIR, 'artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** How long the app may take to become ready after a load or a change. */
export const READY_TIMEOUT_MS = 30_000;
/** A whole test, several loads included. */
export const TEST_TIMEOUT_MS = 180_000;

export const SLIDER_KEYS = ['gdp', 'inv', 'inc', 'vol', 'shock_p', 'shock_s', 'rd', 'ht_push', 'green', 'horizon', 'paths'];
export const TARGET_KEYS = ['gdp', 'income'];
export const CHART_KEYS = ['gdp', 'income'];
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium phones home, and this machine's closed network refuses it.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// What the native engine computed (tests/common/default-scenario.tsv, asserted natively by
// tests/engine.rs): the page must show the same, to the last bit.

/**
 * The default scenario's numbers: { targets: { id: { probability, stderr } }, fingerprint }, as
 * the page writes them (4 decimals; the fingerprint in 16 hex digits).
 */
export function nativeDefault() {
  const rows = readFileSync(join(REPO_ROOT, 'tests/common/default-scenario.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
  const targets = Object.fromEntries(
    rows.filter(([key]) => key !== 'fingerprint').map(([key, probability, stderr]) => [key, { probability, stderr }]),
  );
  const fingerprint = rows.find(([key]) => key === 'fingerprint')[1];
  return { targets, fingerprint };
}

// ---------------------------------------------------------------------------------------------
// The native CLI (`taijiang-sim '#…'`): what the page must show for any scenario, and the
// canonical (written) form of a link.

/** The newest modification time (ms) under `dir`. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The native binary: NATIVE_BIN if set (relative to the repo root, or absolute), else the newer
 * of target/release/taijiang-sim and target/debug/taijiang-sim. Fails (never skips), saying how
 * to build it, if there is none; `stale` notes a binary older than src/.
 */
export function nativeBinary() {
  const build = 'Build it with `cargo build --release --bin taijiang-sim` (or `cargo build --bin taijiang-sim`; `cargo test` builds the debug one too).';
  if (process.env.NATIVE_BIN) {
    const path = resolve(REPO_ROOT, process.env.NATIVE_BIN);
    if (!existsSync(path)) assert.fail(`NATIVE_BIN=${process.env.NATIVE_BIN}: no such file. ${build}`);
    return { path, stale: '' };
  }
  const builds = ['release', 'debug']
    .map((profile) => join(REPO_ROOT, 'target', profile, 'taijiang-sim'))
    .filter((path) => existsSync(path))
    .map((path) => ({ path, built: statSync(path).mtimeMs }));
  if (builds.length === 0) {
    assert.fail(`No native binary at target/release/taijiang-sim or target/debug/taijiang-sim. ${build}`);
  }
  const { path, built } = builds.reduce((best, next) => (next.built > best.built ? next : best));
  const sources = Math.max(newestUnder(join(REPO_ROOT, 'src')), statSync(join(REPO_ROOT, 'Cargo.toml')).mtimeMs);
  const stale = built < sources ? ` (${relative(REPO_ROOT, path)} is older than src/: rebuild it if this fails)` : '';
  return { path, stale };
}

/** Runs the native CLI with `args`; resolves to { stdout, stderr }, failing with its output. */
export function runNative(args) {
  const { path, stale } = nativeBinary();
  const run = spawnSync(path, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0) {
    assert.fail(
      `${relative(REPO_ROOT, path)} ${args.map((a) => `'${a}'`).join(' ')} failed${stale}: ` +
        `${run.error?.message || `exit ${run.status}`}\n${run.stderr}`,
    );
  }
  return { stdout: run.stdout, stderr: run.stderr };
}

/**
 * The native engine's run of `link` (`taijiang-sim '#…'`), as the page writes its numbers:
 * { link (the canonical link it echoes first), fingerprint, targets: { id: { probability,
 * stderr } }, own: { name: { probability, stderr } } (targets of one's own), allMet: { probability, stderr }, expectedMet: { value, stderr }, said (its
 * standard error: what it made of the link) }, every number as printed (4 decimals).
 */
export function nativeRun(link) {
  const { stdout, stderr } = runNative([link]);
  const lines = stdout.split('\n');
  const out = { link: lines[0], fingerprint: null, targets: {}, own: {}, allMet: null, expectedMet: null, said: stderr };
  for (const line of lines.slice(1)) {
    const [key, ...fields] = line.split('\t');
    if (!key) continue;
    if (key.startsWith('own:')) {
      out.own[key.slice(4)] = Object.fromEntries(fields.map((f) => f.split('=')));
      continue;
    }
    if (key === 'fingerprint') {
      out.fingerprint = fields[0];
      continue;
    }
    const values = Object.fromEntries(fields.map((f) => f.split('=')));
    if (key === 'all_met') out.allMet = values;
    else if (key === 'expected_met') out.expectedMet = values;
    else if ('probability' in values) out.targets[key] = values;
  }
  assert.match(out.link, /^#v=\d+(&.*)?&ck=[0-9a-f]{6}$/, `the CLI echoes the link first:\n${stdout}`);
  assert.equal(Object.keys(out.targets).length, 10, `the CLI prints every target:\n${stdout}`);
  return out;
}

/** The native engine's whole summary of `link` (`taijiang-sim --json '#…'`), parsed. */
export function nativeJson(link) {
  return JSON.parse(runNative(['--json', link]).stdout);
}

/**
 * The written form of a hand-written fragment (`#gdp=7` → `#v=3&gdp=7&ck=…`), as the CLI prints
 * it. (The CLI leaves out A's keys, `a=` and `a.…`; `signLink` writes those.)
 */
export function writtenLink(fragment) {
  return nativeRun(fragment).link;
}

/**
 * `body` (`v=…&key=value…`, no `#`, no `ck`) with its checksum appended, as a link is written:
 * the 24 low bits of the 32-bit FNV-1a hash of the decoded pairs joined by `&` and `=`, in 6 hex
 * digits (src/link.rs). Lets a test write links the CLI does not: A's keys, an older version.
 */
export function signLink(body) {
  let hash = 0x811c9dc5;
  const eat = (text) => {
    for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  linkPairs(body).forEach(([key, value], i) => {
    if (i > 0) eat('&');
    eat(`${key}=${value}`);
  });
  return `#${body}&ck=${(hash & 0xffffff).toString(16).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Setup

/** Fails (never skips) when the site has not been built. */
export function assertDistBuilt() {
  const index = join(DIST_DIR, 'index.html');
  if (!existsSync(index)) {
    assert.fail(
      `No built site: ${index} does not exist.\n` +
        'Build it first (e.g. `trunk build --release` at the repo root), ' +
        'or point DIST_DIR at a built site (a path relative to the repo root, or absolute).',
    );
  }
}

/** Launches Debian's Chromium through playwright-core (a fresh temporary profile each time). */
export async function launchBrowser() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(
      `playwright-core is not installed (${err.message}).\nRun \`npm ci --prefix tests/e2e\` first.`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Launches one browser for the calling test file (before its tests, closed after them) and
 * returns a getter for it, to pass to `appTest`.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

// ---------------------------------------------------------------------------------------------
// Per-test harness

const pageLogs = new WeakMap();

/** What went wrong in a page so far: console errors, uncaught exceptions, failed requests. */
export function pageLog(page) {
  return pageLogs.get(page);
}

function isFaviconNoise(msg) {
  // Chromium fetches /favicon.ico by itself (at the origin's root, whatever the subfolder);
  // a 404 there is browser chrome, not the app.
  try {
    return new URL(msg.location().url).pathname.endsWith('/favicon.ico');
  } catch {
    return false;
  }
}

/**
 * Serves the built site and opens pages for one test; closes everything when the test ends and,
 * if the test failed, saves a screenshot of each page it opened to tests/e2e/artifacts/.
 */
export class Harness {
  constructor(browser, testName) {
    this.browser = browser;
    this.testName = testName;
    this.sites = [];
    this.contexts = [];
    this.pages = [];
  }

  /** Serves DIST_DIR under `prefix`; resolves to the site's URL (ending with the prefix). */
  async serve(prefix = '/') {
    const site = await serve(DIST_DIR, prefix);
    this.sites.push(site);
    return site.url;
  }

  /**
   * Opens `url` in a NEW browser context (nothing shared with other pages) and waits until the
   * app is ready. Options: deviceScaleFactor, viewport, waitForReady (default true), and
   * beforeLoad, an async function given the page before it navigates (to route requests), and
   * serviceWorkers ('allow' or 'block': a test that routes the site's own files blocks the
   * service worker, whose requests routes do not see), and enforceCsp (default false). The page's Content-Security-Policy forbids evaluating strings,
   * which Playwright's waitForFunction does in the page: other tests bypass the policy, and
   * origin.test.mjs enforces it, reading the page only in ways the policy allows.
   */
  async open(
    url,
    { deviceScaleFactor = 1, viewport = DEFAULT_VIEWPORT, waitForReady = true, beforeLoad, enforceCsp = false, serviceWorkers = 'allow' } = {},
  ) {
    const context = await this.browser.newContext({ deviceScaleFactor, viewport, bypassCSP: !enforceCsp, serviceWorkers });
    this.contexts.push(context);
    const page = await context.newPage();
    this.pages.push(page);

    const log = { consoleErrors: [], pageErrors: [], failedRequests: [], requests: [] };
    pageLogs.set(page, log);
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !isFaviconNoise(msg)) {
        log.consoleErrors.push(`${msg.text()} (${msg.location().url || 'no location'})`);
      }
    });
    page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
    page.on('request', (req) => log.requests.push(req.url()));
    page.on('requestfailed', (req) => log.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
    page.on('response', (res) => {
      if (res.status() >= 400) log.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
    });

    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    if (waitForReady) await waitReady(page);
    return page;
  }

  async saveArtifacts() {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const stem = this.testName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
    await Promise.all(
      this.pages.map((page, i) =>
        page.screenshot({ path: join(ARTIFACTS_DIR, `${stem}-${i + 1}.png`), fullPage: true }).catch(() => {}),
      ),
    );
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
    await Promise.all(this.sites.map((s) => s.close()));
  }
}

/**
 * Declares a test that gets a fresh Harness: `appTest(name, async (h, t) => { … })`.
 * `getBrowser` returns the browser launched by the test file's `before` hook.
 */
export function appTest(name, getBrowser, fn) {
  test(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assertDistBuilt();
    const browser = getBrowser();
    assert.ok(browser, 'the browser was not launched (see the before hook error)');
    const harness = new Harness(browser, name);
    try {
      await fn(harness, t);
    } catch (err) {
      await harness.saveArtifacts();
      throw err;
    } finally {
      await harness.close();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the page. `probe` and `unmet` run inside the page, so they must stay self-contained
// (no references to anything outside their own bodies).

/** Everything the tests look at, read in one go. */
function probe() {
  const root = document.querySelector('main#app');
  const fragment = {};
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      fragment[decodeURIComponent(key)] = decodeURIComponent(value);
    } catch {
      fragment[key] = value;
    }
  }
  const targets = {};
  for (const el of document.querySelectorAll('[data-target]')) {
    targets[el.dataset.target] ??= {
      probability: el.getAttribute('data-probability'),
      stderr: el.getAttribute('data-stderr'),
    };
  }
  const numbers = [...document.querySelectorAll('[data-probability], [data-stderr]')].map((el) =>
    [el.getAttribute('data-target'), el.getAttribute('data-probability'), el.getAttribute('data-stderr')].join('|'),
  );
  const sliders = {};
  for (const el of document.querySelectorAll('input[type="range"][name]')) sliders[el.name] = el.value;
  const notices = [...document.querySelectorAll('[data-notice]')]
    .filter((el) => el.getClientRects().length > 0 && el.textContent.trim() !== '')
    .map((el) => ({ role: el.getAttribute('role'), text: el.textContent.trim() }));
  const runInfo = document.querySelector('[data-fingerprint]');
  return {
    state: root ? root.getAttribute('data-state') : null,
    precision: root ? root.getAttribute('data-precision') : null,
    fingerprint: runInfo ? runInfo.getAttribute('data-fingerprint') : null,
    workers: runInfo ? Number(runInfo.getAttribute('data-workers')) : null,
    href: location.href,
    hash: location.hash,
    fragment,
    targets,
    numbers,
    sliders,
    notices,
    historyLength: history.length,
  };
}

/**
 * The conditions of `expect` that the snapshot does not meet (empty: all met). Always required:
 * data-state="ready" and both target rows carrying a probability and a standard error.
 * expect: { fragment: {key: value}, sliders: {key: value}, numbers: [...], numbersNot: [...],
 *           precision: 'full' (default) | 'preview' | 'any' }
 */
function unmet(snap, expect) {
  const out = [];
  if (snap.state !== 'ready') out.push(`data-state is ${JSON.stringify(snap.state)}, not "ready"`);
  // A preview is ready too; unless a test asks for it, wait for the full run.
  const precision = expect.precision ?? 'full';
  if (precision !== 'any' && snap.precision !== precision) {
    out.push(`data-precision is ${JSON.stringify(snap.precision)}, not ${JSON.stringify(precision)}`);
  }
  for (const key of ['gdp', 'income']) {
    const row = snap.targets[key];
    if (!row || !row.probability || !row.stderr) out.push(`target row "${key}" has no probability/stderr yet`);
  }
  for (const [key, value] of Object.entries(expect.fragment || {})) {
    if (snap.fragment[key] !== value) out.push(`fragment ${key}=${snap.fragment[key]}, want ${value}`);
  }
  for (const [key, value] of Object.entries(expect.sliders || {})) {
    if (snap.sliders[key] !== value) out.push(`slider ${key}=${snap.sliders[key]}, want ${value}`);
  }
  if (expect.numbers && JSON.stringify(snap.numbers) !== JSON.stringify(expect.numbers)) {
    out.push(`numbers ${JSON.stringify(snap.numbers)}, want ${JSON.stringify(expect.numbers)}`);
  }
  if (expect.numbersNot && JSON.stringify(snap.numbers) === JSON.stringify(expect.numbersNot)) {
    out.push(`numbers still ${JSON.stringify(snap.numbers)}`);
  }
  return out;
}

/** A snapshot of the page (see `probe`). */
export function snapshot(page) {
  return page.evaluate(probe);
}

/**
 * Waits until the app is ready and, optionally, shows what `expect` describes (see `unmet`).
 * After an action, pass something that the action must change (fragment, slider, numbersNot),
 * so that a "ready" left over from before the action does not count.
 */
export async function waitReady(page, expect = {}, timeout = READY_TIMEOUT_MS) {
  const check = `(${unmet})((${probe})(), ${JSON.stringify(expect)}).length === 0`;
  try {
    await page.waitForFunction(check, null, { timeout, polling: 'raf' });
  } catch (err) {
    if (err?.name !== 'TimeoutError') throw err;
    let reasons;
    try {
      reasons = unmet(await snapshot(page), expect);
    } catch (e) {
      reasons = [`page could not be read: ${e.message}`];
    }
    const log = pageLog(page) || {};
    assert.fail(
      [
        `App not ready within ${timeout / 1000} s at ${page.url()}`,
        ...reasons.map((r) => `  - ${r}`),
        ...(log.pageErrors || []).map((e) => `  page error: ${e}`),
        ...(log.consoleErrors || []).map((e) => `  console error: ${e}`),
        ...(log.failedRequests || []).map((e) => `  failed request: ${e}`),
      ].join('\n'),
    );
  }
  return snapshot(page);
}

/** The two target rows as numbers: { gdp: { probability, stderr }, income: {…} }. */
export async function readTargets(page) {
  const { targets } = await snapshot(page);
  const out = {};
  for (const key of TARGET_KEYS) {
    const row = targets[key];
    assert.ok(row, `no element with data-target="${key}"`);
    for (const attr of ['probability', 'stderr']) {
      assert.match(String(row[attr]), /^\d\.\d{4}$/, `data-${attr} of target "${key}" is not 4 decimals`);
    }
    out[key] = { probability: Number(row.probability), stderr: Number(row.stderr) };
  }
  return out;
}

/** The lines of the visible notice (`[data-notice] li`), in order: one per problem. */
export function noticeLines(page) {
  return page.$$eval('[data-notice] li', (items) =>
    items.filter((li) => li.getClientRects().length > 0).map((li) => li.textContent.trim()),
  );
}

/** Every data-probability and data-stderr on the page, in document order, as text. */
export async function readNumbers(page) {
  return (await snapshot(page)).numbers;
}

// ---------------------------------------------------------------------------------------------
// The comparison of the scenario on screen (B) with its baseline (the pinned A, or the plan's own
// scenario with the same paths and seed). The baseline runs after B, so its columns come a little
// after data-state="ready".

/** Every target row's data-* as written, and its change in words (in the page; self-contained). */
function rowsProbe() {
  const attributes = {
    probability: 'data-probability',
    stderr: 'data-stderr',
    probabilityA: 'data-probability-a',
    probabilityB: 'data-probability-b',
    delta: 'data-delta',
    deltaStderr: 'data-delta-stderr',
    change: 'data-change',
  };
  return [...document.querySelectorAll('tr[data-target]')].map((row) => {
    const out = { target: row.getAttribute('data-target') };
    for (const [name, attribute] of Object.entries(attributes)) out[name] = row.getAttribute(attribute);
    // The words, without the mark beside them (aria-hidden: ▲ ▼ ≈ =).
    const words = row.querySelector('td.change .change-words')?.cloneNode(true);
    for (const mark of words ? words.querySelectorAll('[aria-hidden="true"]') : []) mark.remove();
    out.words = words ? words.textContent.trim() : null;
    return out;
  });
}

/**
 * What keeps the rows from being a finished comparison (empty: nothing): the app ready with the
 * full run, `data-compare` as wanted (if given), and every row carrying A, B, Δ, its standard
 * error and the change, with B equal to the probability on screen.
 */
function comparedProblems(rows, app, compare) {
  const out = [];
  if (app.state !== 'ready' || app.precision !== 'full') out.push(`app is ${app.state}/${app.precision}`);
  if (compare && app.compare !== compare) out.push(`data-compare is ${JSON.stringify(app.compare)}, not "${compare}"`);
  if (rows.length === 0) out.push('no tr[data-target]');
  for (const row of rows) {
    const missing = ['probabilityA', 'probabilityB', 'delta', 'deltaStderr', 'change'].filter((k) => row[k] === null);
    if (missing.length) out.push(`row ${row.target} lacks ${missing.join(', ')}`);
    else if (row.probabilityB !== row.probability) {
      out.push(`row ${row.target}: data-probability-b ${row.probabilityB} ≠ data-probability ${row.probability}`);
    }
  }
  return out;
}

function appAttributes() {
  const app = document.querySelector('main#app');
  return {
    state: app && app.getAttribute('data-state'),
    precision: app && app.getAttribute('data-precision'),
    compare: app && app.getAttribute('data-compare'),
  };
}

/** Every target row (see rowsProbe), in table order. */
export function readRows(page) {
  return page.evaluate(rowsProbe);
}

/**
 * Waits until the app is ready (`waitReady`, given the rest of `expect`) and every row compares B
 * with its baseline (see comparedProblems; `expect.compare`: "plan" or "pinned"); resolves to
 * the rows.
 */
export async function waitCompared(page, expect = {}, timeout = READY_TIMEOUT_MS) {
  const { compare, ...ready } = expect;
  await waitReady(page, ready, timeout);
  const check = `(${comparedProblems})((${rowsProbe})(), (${appAttributes})(), ${JSON.stringify(compare ?? null)}).length === 0`;
  try {
    await page.waitForFunction(check, null, { timeout, polling: 'raf' });
  } catch (err) {
    if (err?.name !== 'TimeoutError') throw err;
    const problems = comparedProblems(await readRows(page), await page.evaluate(appAttributes), compare);
    assert.fail(`No comparison within ${timeout / 1000} s at ${page.url()}:\n  - ${problems.join('\n  - ')}`);
  }
  return readRows(page);
}

/** The decoded key/value pairs of a link's fragment, in order (`+` is a space, as the app reads it). */
export function linkPairs(hash) {
  return [...new URLSearchParams(hash.replace(/^#/, ''))];
}

/** The accessible name of the slider named `key` (as Playwright's aria snapshot computes it). */
export async function sliderAccessibleName(page, key) {
  const aria = await page.locator(`input[type="range"][name="${key}"]`).ariaSnapshot();
  // e.g.  - slider "Trend GDP growth": "7.5"   (no quoted name when there is none)
  const match = /^- slider "((?:[^"\\]|\\.)*)"/.exec(aria.trim());
  return match ? match[1] : '';
}

/** Size and pixel statistics of `<canvas data-chart="key">` (runs in the page; self-contained). */
function chartStats(key) {
  const canvas = document.querySelector(`canvas[data-chart="${key}"]`);
  if (!canvas) return null;
  const style = getComputedStyle(canvas);
  // The CSS content box, the area the backing store should cover at devicePixelRatio.
  const cssWidth = canvas.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const cssHeight = canvas.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const base = { width: canvas.width, height: canvas.height, cssWidth, cssHeight, dpr: devicePixelRatio };
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ...base, error: 'getContext("2d") returned null' };
  if (!canvas.width || !canvas.height) return { ...base, painted: 0, total: 0, colours: 0 };
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i];
    const g = data[i + 1];
    const b = data[i + 2];
    const a = data[i + 3];
    if (a === 0 || (r === 255 && g === 255 && b === 255)) continue; // transparent or white
    painted += 1;
    if (colours.size < 4096) colours.add(((r << 24) | (g << 16) | (b << 8) | a) >>> 0);
  }
  return { ...base, painted, total: canvas.width * canvas.height, colours: colours.size };
}

/**
 * What is wrong with a chart (empty: nothing). Drawn means > 1 % of its pixels are neither white
 * nor transparent, in at least 3 distinct colours. opts.dpr: the backing store must be dpr × the
 * CSS size (± 2 px); opts.cssWidthNot: the CSS width must differ from this one.
 */
function chartProblems(stats, key, opts) {
  if (!stats) return [`no <canvas data-chart="${key}">`];
  if (stats.error) return [stats.error];
  const out = [];
  if (!stats.total) out.push('the canvas has no pixels');
  else if (stats.painted / stats.total <= 0.01) out.push('blank: at most 1 % of its pixels are painted');
  else if (stats.colours < 3) out.push(`only ${stats.colours} distinct colour(s)`);
  if (opts.cssWidthNot !== undefined && stats.cssWidth === opts.cssWidthNot) {
    out.push(`CSS width still ${stats.cssWidth}`);
  }
  if (opts.dpr !== undefined) {
    if (Math.abs(stats.width - opts.dpr * stats.cssWidth) > 2) {
      out.push(`backing width ${stats.width} is not ${opts.dpr} × CSS width ${stats.cssWidth}`);
    }
    if (Math.abs(stats.height - opts.dpr * stats.cssHeight) > 2) {
      out.push(`backing height ${stats.height} is not ${opts.dpr} × CSS height ${stats.cssHeight}`);
    }
  }
  return out;
}

/** Size and pixel statistics of `<canvas data-chart="key">`, or null if there is none. */
export function canvasStats(page, key) {
  return page.evaluate(chartStats, key);
}

/**
 * Waits until chart `key` is drawn and meets `opts` (see chartProblems; e.g. after a resize),
 * then asserts it, with the details if it is not; returns its stats. Scrolls the chart into view
 * first, as a person would: the page draws charts when they are on screen.
 */
export async function waitChartDrawn(page, key, opts = {}, timeout = 10_000) {
  await page.locator(`canvas[data-chart="${key}"]`).scrollIntoViewIfNeeded();
  const check = `(${chartProblems})((${chartStats})(${JSON.stringify(key)}), ${JSON.stringify(key)}, ${JSON.stringify(opts)}).length === 0`;
  await page.waitForFunction(check, null, { timeout, polling: 100 }).catch((err) => {
    if (err?.name !== 'TimeoutError') throw err;
  });
  const stats = await canvasStats(page, key);
  const problems = chartProblems(stats, key, opts);
  assert.deepEqual(problems, [], `chart "${key}" ${JSON.stringify(stats)}: ${problems.join('; ')}`);
  return stats;
}

/** Asserts that chart `key` is drawn, allowing the moment a scroll into view takes to draw it. */
export function assertChartDrawn(page, key, opts = {}) {
  return waitChartDrawn(page, key, opts, 5_000);
}

// ---------------------------------------------------------------------------------------------
// Scenarios and actions

/** `hash` (with or without '#') with `changes` applied, keys in their original order. */
export function withParams(hash, changes) {
  const pairs = hash
    .replace(/^#/, '')
    .split('&')
    .filter(Boolean)
    .map((part) => part.split('='));
  for (const [key, value] of Object.entries(changes)) {
    const pair = pairs.find(([k]) => k === key);
    if (pair) pair[1] = String(value);
    else pairs.push([key, String(value)]);
  }
  return `#${pairs.map((p) => p.join('=')).join('&')}`;
}

/** Focuses the slider `key` and presses `keyName` `times` times. */
export async function pressOnSlider(page, key, keyName, times) {
  await page.locator(`input[type="range"][name="${key}"]`).focus();
  for (let i = 0; i < times; i += 1) await page.keyboard.press(keyName);
}
