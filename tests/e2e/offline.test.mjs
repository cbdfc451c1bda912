// Offline use: after one visit the app loads and runs with the network off, from a subfolder;
// a new build replaces the kept one whole on the next visit, and the page says so once.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, appTest, nativeDefault, snapshot, useBrowser, waitReady } from './helpers.mjs';
import { serve } from './serve.mjs';

const getBrowser = useBrowser();
const { fingerprint: NATIVE_FINGERPRINT } = nativeDefault();

/** Waits until the page is controlled by its service worker (the build is kept). */
async function kept(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 200 && !navigator.serviceWorker.controller; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'a service worker controls the page');
}

appTest('offline: after one visit the page loads and runs with the network off, from a subfolder', getBrowser, async (h) => {
  const url = await h.serve('/usb-stick/demo/');
  const page = await h.open(url);
  await kept(page);
  assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), 'manifest.webmanifest');

  await page.context().setOffline(true);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  const snap = await waitReady(page);
  assert.equal(snap.fingerprint, NATIVE_FINGERPRINT, 'exactly the native numbers, offline');
  assert.ok(Number(snap.workers) >= 1, `the engine workers loaded offline (data-workers=${snap.workers})`);
  // A new scenario runs too, and a link with a query (another address of the same page).
  const slider = page.locator('input[type="range"][name="gdp"]');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await waitReady(page, { fragment: { gdp: '7.4' } });
  await page.goto(`${url}?workers=1#gdp=6`);
  const other = await waitReady(page, { fragment: { gdp: '6' } });
  assert.equal(other.workers, 1);
  assert.deepEqual(failed, [], 'nothing was missing offline');
  assert.equal(await page.locator('[data-updated]').count(), 0, 'no update to speak of');
});

appTest('offline: a new build replaces the kept one whole on the next visit, said once', getBrowser, async (h) => {
  // A copy of the site that can be rebuilt under the browser's feet.
  const dir = mkdtempSync(join(tmpdir(), 'taijiang-offline-'));
  try {
    cpSync(DIST_DIR, dir, { recursive: true });
    const site = await serve(dir, '/');
    h.sites.push(site);
    const page = await h.open(site.url);
    await kept(page);
    assert.equal(await page.getAttribute('html', 'data-build'), null);

    // "The next build": a changed page and a new service worker version, as post-build writes.
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<html lang="zh-CN">', '<html lang="zh-CN" data-build="next">'));
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));

    // The next visit: the kept build opens, fetches the new one whole, and hands over to it.
    await page.goto(site.url);
    await page.waitForSelector('html[data-build="next"]', { timeout: 30_000 });
    const after = await waitReady(page);
    assert.equal(after.fingerprint, NATIVE_FINGERPRINT);
    const note = page.locator('[data-updated]');
    assert.equal(await note.count(), 1, 'the page says it was updated');
    assert.match(await note.textContent(), /已更新到新版本/);
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `one build kept, not two: ${caches.join(', ')}`);
    assert.match(caches[0], /-next$/);

    // Once: the next load is quiet.
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('[data-updated]').count(), 0);
    assert.equal((await snapshot(page)).fingerprint, NATIVE_FINGERPRINT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
