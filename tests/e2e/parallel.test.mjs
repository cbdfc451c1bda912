// Runs split over several workers: the same numbers, bit for bit, as one worker.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, appTest, nativeDefault, useBrowser, snapshot } from './helpers.mjs';

const getBrowser = useBrowser();

// The native engine's fingerprint of GOLDEN_SCENARIO (tests/common/mod.rs), e.g. 0x9856_3600_….
const COMMON = readFileSync(join(REPO_ROOT, 'tests/common/mod.rs'), 'utf8');
const GOLDEN_SCENARIO = COMMON.match(/GOLDEN_SCENARIO: &str =\s*"(#[^"]+)"/)[1];
const GOLDEN_FINGERPRINT = COMMON.match(/GOLDEN_FINGERPRINT: u64 = 0x([0-9a-f_]+);/)[1].replaceAll('_', '');

// The native engine's fingerprint of the default scenario.
const DEFAULT_FINGERPRINT = nativeDefault().fingerprint;

// Enough paths for the pool to split the run (SPLIT_MIN_PATHS is 5,000), over 15 years.
const BIG_RUN = '#paths=20000&horizon=2035&vol=2.5&shock_p=20&inv=40';

appTest('one worker and two, three or four give the same run, bit for bit', getBrowser, async (h) => {
  const url = await h.serve('/');
  const runs = [];
  for (const workers of [1, 2, 3, 4]) {
    const page = await h.open(`${url}?workers=${workers}${BIG_RUN}`);
    const snap = await snapshot(page);
    assert.equal(snap.workers, workers, `the run was split over ${workers} worker(s)`);
    assert.match(snap.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(Object.keys(snap.targets).length, 10);
    runs.push({ workers, fingerprint: snap.fingerprint, numbers: snap.numbers });
    await page.close();
  }
  for (const run of runs.slice(1)) {
    assert.equal(run.fingerprint, runs[0].fingerprint, `${run.workers} workers`);
    assert.deepEqual(run.numbers, runs[0].numbers, `${run.workers} workers`);
  }
});

appTest('by default full runs use every core (up to four); small runs stay on one worker', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(url);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const snap = await snapshot(page);
  assert.equal(snap.workers, Math.max(1, Math.min(cores, 4)));

  const small = await h.open(`${url}${GOLDEN_SCENARIO}`);
  const golden = await snapshot(small);
  assert.equal(golden.workers, 1, '2,000 paths are not worth splitting');
  assert.equal(golden.fingerprint, GOLDEN_FINGERPRINT, 'the native engine, bit for bit');
});

appTest('a worker count that makes no sense falls back to one that does', getBrowser, async (h) => {
  const url = await h.serve('/');
  const zero = await snapshot(await h.open(`${url}?workers=0`));
  assert.equal(zero.workers, 1, 'at least one worker');
  const junk = await h.open(`${url}?workers=lots`);
  const cores = await junk.evaluate(() => navigator.hardwareConcurrency);
  assert.equal((await snapshot(junk)).workers, Math.max(1, Math.min(cores, 4)), 'the default');
  assert.equal((await snapshot(junk)).fingerprint, zero.fingerprint, 'the same numbers either way');
});

appTest('if the workers cannot start, the page computes the same numbers itself', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(url, {
    // The workers' module cannot be fetched (a proxy that blocks .wasm for workers, a broken copy).
    beforeLoad: (p) => p.route('**/worker_bg.wasm', (route) => route.abort()),
    serviceWorkers: 'block',
  });
  const snap = await snapshot(page);
  assert.equal(snap.workers, 0, 'computed on the page\'s thread');
  assert.equal(snap.fingerprint, DEFAULT_FINGERPRINT, 'the native engine, bit for bit');
  assert.equal(snap.precision, 'full');
});

appTest('if a worker loads but never answers, the watchdog has the page compute the numbers', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(url, {
    // A worker that says it has loaded, then swallows every run (its module never starts).
    beforeLoad: (p) => p.route('**/worker.js', (route) => route.fulfill({
      contentType: 'application/javascript',
      // `{ bytes: [0] }` is the protocol's `Loaded` (src/protocol.rs: the first variant).
      body: 'self.wasm_bindgen = () => new Promise(() => {}); self.onmessage = () => {}; self.postMessage({ bytes: new Uint8Array([0]) });',
    })),
    serviceWorkers: 'block',
  });
  // The default run's allowance is 5.5 s (5 s plus 0.01 ms per path and year); snapshot waits
  // for the ready page, which only the fallback can bring.
  const snap = await snapshot(page);
  assert.equal(snap.workers, 0, 'computed on the page\'s thread after the watchdog gave up');
  assert.equal(snap.fingerprint, DEFAULT_FINGERPRINT, 'the native engine, bit for bit');
  assert.equal(snap.precision, 'full');
});
