// Failures injected into real engine workers: workers that cannot be started, a request a
// worker cannot read, a result the page cannot read, a missing port between two workers, a
// message that cannot be posted, a worker that stops answering, one that hangs on an analysis
// order, one that never loads. Each time the page recovers by itself, shows exactly the native
// engine's numbers and finishes its analysis.
// The faults are made in the page, around the browser's own `Worker` (a subclass installed
// before the app loads), so that the app runs unchanged.

import assert from 'node:assert/strict';
import { appTest, nativeDefault, pageLog, snapshot, useBrowser, waitReady } from './helpers.mjs';

const getBrowser = useBrowser();
const { fingerprint: NATIVE_FINGERPRINT } = nativeDefault();

/** Runs in the page before the app: wraps `Worker` so that `fault` happens to the engine pool. */
function installFaults(fault) {
  const Real = window.Worker;
  const workers = [];
  window.__fault = { fault, done: false };
  window.Worker = class extends Real {
    constructor(url, options) {
      if (fault === 'cannot-start') {
        window.__fault.done = true;
        throw new DOMException('injected failure', 'SecurityError');
      }
      super(url, options);
      this.index = workers.length;
      this.received = 0;
      workers.push(this);
    }

    postMessage(message, transfer) {
      const state = window.__fault;
      // The page's one pool: two workers (`?workers=2`), for runs and analyses alike.
      const engine = this.index < 2;
      if (engine && message && message.port && state.fault === 'no-port') return undefined;
      if (engine && !state.done && message && message.bytes && !message.port) {
        if (state.fault === 'unreadable-request' && this.index === 0) {
          state.done = true;
          message = { bytes: new Uint8Array([0xff, 0xff, 0xff, 0xff]) };
        } else if (state.fault === 'post-fails' && this.index === 1) {
          state.done = true;
          throw new DOMException('injected failure', 'DataCloneError');
        }
      }
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
    }

    set onmessage(handler) {
      super.onmessage = (event) => {
        const state = window.__fault;
        this.received += 1;
        const engine = this.index < 2;
        if (engine && this.index === 0 && state.fault === 'unreadable-result' && !state.done && this.received > 1) {
          state.done = true;
          handler(new MessageEvent('message', { data: { bytes: new Uint8Array([9, 9, 9]) } }));
          return;
        }
        // After saying it has loaded, worker 1 is never heard from again.
        if (engine && this.index === 1 && state.fault === 'silent' && this.received > 1) return;
        // Worker 1 never loads (its first message, "loaded", and all after it are lost).
        if (engine && this.index === 1 && state.fault === 'never-loads') return;
        // Worker 1 takes analysis orders and never answers them (postcard: variant 3 is
        // `FromWorker::Analysed`).
        const bytes = event.data && event.data.bytes;
        if (engine && this.index === 1 && state.fault === 'hangs-on-analysis' && bytes && bytes[0] === 3) {
          state.done = true;
          return;
        }
        handler(event);
      };
    }

    get onmessage() {
      return super.onmessage;
    }
  };
}

async function openWithFault(h, fault) {
  const url = await h.serve('/');
  return h.open(`${url}?workers=2`, {
    beforeLoad: (page) => page.addInitScript(installFaults, fault),
    waitForReady: false,
  });
}

for (const [fault, what, workers] of [
  ['unreadable-request', 'a worker that cannot read its request says so; the run is done again in one part', '1'],
  ['unreadable-result', 'a result the page cannot read makes the run go again in one part', '1'],
  ['no-port', 'workers without a port between them refuse the split run; it is done in one part', '1'],
  ['post-fails', 'a request that cannot be posted sends the run to the page’s thread', '0'],
  ['cannot-start', 'workers that cannot be started: every run on the page’s thread', '0'],
]) {
  appTest(`faults: ${what}`, getBrowser, async (h) => {
    const page = await openWithFault(h, fault);
    const snap = await waitReady(page);
    assert.equal(await page.evaluate(() => window.__fault.done || window.__fault.fault === 'no-port'), true, 'the fault happened');
    assert.equal(snap.fingerprint, NATIVE_FINGERPRINT, 'exactly the native numbers');
    assert.equal(await page.getAttribute('p.run-info', 'data-workers'), workers);
    assert.deepEqual(pageLog(page).pageErrors, []);
    // The page goes on: the next run arrives too.
    const slider = page.locator('input[type="range"][name="gdp"]');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    const next = await waitReady(page, { fragment: { gdp: '7.4' } });
    assert.notEqual(next.fingerprint, NATIVE_FINGERPRINT);
  });
}

appTest('faults: a worker that stops answering hands the run to the page’s thread', getBrowser, async (h) => {
  const page = await openWithFault(h, 'silent');
  // The pool's allowance (5 s and a little per path-year) passes, then the page runs it.
  const snap = await waitReady(page);
  assert.equal(snap.fingerprint, NATIVE_FINGERPRINT, 'exactly the native numbers');
  assert.equal(await page.getAttribute('p.run-info', 'data-workers'), '0');
  const state = await snapshot(page);
  assert.equal(state.state, 'ready');
});

for (const [fault, what] of [
  ['hangs-on-analysis', 'a worker that takes an analysis order and never answers: the analysis ends on the page’s thread'],
  ['never-loads', 'a worker that never loads: the run and the analysis end on the page’s thread'],
]) {
  appTest(`faults: ${what}`, getBrowser, async (h) => {
    const page = await openWithFault(h, fault);
    const snap = await waitReady(page);
    assert.equal(snap.fingerprint, NATIVE_FINGERPRINT, 'exactly the native numbers');
    // The levers' analysis follows the full run; past the allowance of the order in flight (or
    // the load limit) the page's thread takes what is left, and the analysis reaches its end.
    await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: 120_000 });
    const outlook = await page.textContent('[data-outlook]');
    assert.match(outlook, /影响最大的调控因素/, 'the outlook names the lever that matters most');
    if (fault === 'hangs-on-analysis') {
      assert.equal(await page.evaluate(() => window.__fault.done), true, 'the fault happened');
    }
    assert.deepEqual(pageLog(page).pageErrors, []);
  });
}
