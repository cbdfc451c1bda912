// Nothing leaves the page: a whole session (load, runs, the levers' analysis, a comparison,
// downloads, the embed dialog, the printed sheet) requests nothing outside the site's origin,
// and the page's Content-Security-Policy (a meta tag, .ci/csp.mjs) forbids it and is never
// violated.

import assert from 'node:assert/strict';
import { appTest, pageLog, snapshot, useBrowser } from './helpers.mjs';

const getBrowser = useBrowser();

/**
 * Waits until the full run of a page whose fragment has `key=value` is shown, reading the page
 * with `page.evaluate` only (the policy forbids the string evaluation of waitForFunction).
 */
async function shown(page, key, value) {
  for (let i = 0; i < 600; i += 1) {
    const snap = await snapshot(page);
    if (snap.state === 'ready' && snap.precision === 'full' && (key === null || snap.fragment[key] === value)) return snap;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the page never showed ${key}=${value}`);
}

appTest('a whole session requests nothing outside the site, under a policy that forbids it', getBrowser, async (h) => {
  const url = await h.serve('/');
  const origin = new URL(url).origin;
  const page = await h.open(url, {
    enforceCsp: true,
    waitForReady: false,
    beforeLoad: (p) =>
      p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      }),
  });
  await shown(page, null);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(policy, 'the page carries its policy');
  for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "form-action 'none'"]) {
    assert.ok(policy.includes(directive), `the policy says ${directive}: ${policy}`);
  }
  assert.ok(!/\bhttps?:|\*/.test(policy), `no other origin is allowed anywhere: ${policy}`);

  // Runs, the levers' analysis that follows, a comparison.
  const slider = page.locator('input[type="range"][name="gdp"]');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await shown(page, 'gdp', '7.4');
  await page.waitForSelector('[data-analysis-kind="levers"]', { timeout: 60_000 });
  await page.locator('button[data-pin]').click();
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await shown(page, 'gdp', '7.3');
  // Downloads, the embed dialog with its live preview, the printed sheet.
  for (const selector of ['[data-export="targets-csv"]', '[data-export="series-csv"]']) {
    await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  }
  await page.click('[data-export="embed"]');
  const preview = page.locator('[data-embed-preview]');
  await preview.waitFor();
  const src = await preview.getAttribute('src');
  await page.locator(`iframe[src="${src}"]`).waitFor();
  let frame;
  for (let i = 0; i < 200 && !frame; i += 1) {
    frame = page.frames().find((f) => f.url() === src);
    if (!frame) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(frame, 'the preview is loaded');
  await frame.locator('#app[data-state="ready"]').waitFor();
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  const requests = pageLog(page).requests;
  assert.ok(requests.length >= 6, `the session's requests were recorded (${requests.length})`);
  const elsewhere = requests.filter((request) => {
    const { protocol, origin: from } = new URL(request);
    return !(from === origin || protocol === 'blob:' || protocol === 'data:');
  });
  assert.deepEqual(elsewhere, [], 'every request stays on the site');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing broke the policy');
  assert.deepEqual(pageLog(page).consoleErrors, []);
});
