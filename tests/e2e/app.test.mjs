// End-to-end tests of the built site (DIST_DIR, default dist/) in headless Chromium.
// Run from the repo root after building the site:   node --test tests/e2e/
// See README.md beside this file.

import assert from 'node:assert/strict';
import {
  CHART_KEYS,
  SLIDER_KEYS,
  TARGET_KEYS,
  appTest,
  assertChartDrawn,
  useBrowser,
  pageLog,
  pressOnSlider,
  readNumbers,
  readTargets,
  sliderAccessibleName,
  snapshot,
  waitChartDrawn,
  waitReady,
  withParams,
} from './helpers.mjs';

const getBrowser = useBrowser();

/** Sets the scenario by typing a new fragment into an open tab (a history entry, like a user). */
async function setHash(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

appTest('loads at the root, becomes ready, draws both charts, shows both targets', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  const page = await h.open(url);

  await t.test('both target rows: probability in [0, 1], standard error in [0, 0.5]', async () => {
    const targets = await readTargets(page);
    for (const key of TARGET_KEYS) {
      const { probability, stderr } = targets[key];
      assert.ok(probability >= 0 && probability <= 1, `${key} probability ${probability} outside [0, 1]`);
      assert.ok(stderr >= 0 && stderr <= 0.5, `${key} stderr ${stderr} outside [0, 0.5]`);
    }
  });

  await t.test('both charts are drawn, at least at CSS resolution', async () => {
    for (const key of CHART_KEYS) {
      const stats = await assertChartDrawn(page, key);
      assert.ok(stats.width >= stats.cssWidth - 1, `chart "${key}" backing width ${stats.width} < CSS width ${stats.cssWidth}`);
      assert.ok(stats.height >= stats.cssHeight - 1, `chart "${key}" backing height ${stats.height} < CSS height ${stats.cssHeight}`);
    }
  });

  await t.test('every slider exists and has an accessible name', async () => {
    for (const key of SLIDER_KEYS) {
      assert.equal(await page.locator(`input[type="range"][name="${key}"]`).count(), 1, `slider "${key}" missing or duplicated`);
      const name = await sliderAccessibleName(page, key);
      assert.notEqual(name.trim(), '', `slider "${key}" has no accessible name (add a <label for> or aria-label)`);
    }
  });

  await t.test('a clean link shows no notice', async () => {
    const { notices } = await snapshot(page);
    assert.deepEqual(notices, [], 'a notice is shown for the default scenario');
  });

  await t.test('no console errors and no uncaught exceptions', async () => {
    const log = pageLog(page);
    assert.deepEqual(log.pageErrors, [], 'uncaught exceptions in the page');
    assert.deepEqual(log.consoleErrors, [], 'console errors in the page');
  });
});

appTest('keyboard: ArrowLeft ×10 on gdp lowers the gdp probability and rewrites the fragment in place', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  const before = await snapshot(page);
  const { gdp: { probability: p0 } } = await readTargets(page);
  assert.equal(before.sliders.gdp, '7.5', 'default gdp slider value');

  await pressOnSlider(page, 'gdp', 'ArrowLeft', 10);
  const after = await waitReady(page, { fragment: { gdp: '6.5' }, sliders: { gdp: '6.5' }, numbersNot: before.numbers });

  const { gdp: { probability: p1 } } = await readTargets(page);
  assert.ok(p1 < p0, `gdp probability did not fall: ${p0} → ${p1}`);
  assert.ok(
    after.historyLength <= before.historyLength + 1,
    `history grew from ${before.historyLength} to ${after.historyLength}: slider moves must use replaceState`,
  );
});

appTest('a link reproduces the numbers exactly in a new browser context', getBrowser, async (h) => {
  const url = await h.serve('/');
  const first = await h.open(url);
  const start = await snapshot(first);

  await pressOnSlider(first, 'gdp', 'ArrowLeft', 5); // 7.5 → 7
  await pressOnSlider(first, 'inv', 'ArrowRight', 3); // 0 → 15
  const moved = await waitReady(first, {
    fragment: { gdp: '7', inv: '15' },
    sliders: { gdp: '7', inv: '15' },
    numbersNot: start.numbers,
  });

  const second = await h.open(moved.href);
  const reopened = await snapshot(second);
  assert.deepEqual(reopened.numbers, moved.numbers, 'the link gave different numbers');
  assert.equal(reopened.sliders.gdp, '7');
  assert.equal(reopened.sliders.inv, '15');
});

appTest('a fragment changed in an open tab is followed, and so are Back and Forward', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(url);
  const initial = await snapshot(page);
  const p0 = (await readTargets(page)).gdp.probability;

  // Typing a new scenario into the address bar of the open tab.
  await setHash(page, withParams(initial.hash, { gdp: 6 }));
  const six = await waitReady(page, { sliders: { gdp: '6' }, numbersNot: initial.numbers });
  const p6 = (await readTargets(page)).gdp.probability;
  assert.ok(p6 < p0, `gdp probability did not fall with gdp=6: ${p0} → ${p6}`);

  // Another scenario as a new history entry, then Back to gdp=6 …
  await page.goto(url + withParams(six.hash, { gdp: 9 }));
  const nine = await waitReady(page, { sliders: { gdp: '9' }, numbersNot: six.numbers });
  assert.ok((await readTargets(page)).gdp.probability > p6, 'gdp probability did not rise with gdp=9');

  await page.goBack();
  const back = await waitReady(page, { sliders: { gdp: '6' }, numbersNot: nine.numbers });
  assert.deepEqual(back.numbers, six.numbers, 'Back to gdp=6 did not bring its numbers back');

  // … and Back once more to the scenario the page was opened with.
  await page.goBack();
  const first = await waitReady(page, { sliders: { gdp: '7.5' }, numbersNot: six.numbers });
  assert.deepEqual(first.numbers, initial.numbers, 'Back to the first scenario did not bring its numbers back');

  await page.goForward();
  const forward = await waitReady(page, { sliders: { gdp: '6' }, numbersNot: initial.numbers });
  assert.deepEqual(forward.numbers, six.numbers, 'Forward to gdp=6 did not bring its numbers back');
});

appTest('a bad link names the bad keys, falls back to defaults and still computes', getBrowser, async (h) => {
  const url = await h.serve('/');
  const defaults = await readNumbers(await h.open(url));

  const page = await h.open(`${url}#gdp=abc&bogus=1`);
  const snap = await snapshot(page);
  assert.ok(snap.notices.length >= 1, 'no visible [data-notice] for a bad link');
  for (const notice of snap.notices) assert.equal(notice.role, 'alert', `notice without role="alert": ${notice.text}`);
  const text = snap.notices.map((n) => n.text).join('\n');
  assert.match(text, /gdp/, 'the notice does not name "gdp"');
  assert.match(text, /bogus/, 'the notice does not name "bogus"');
  assert.equal(snap.sliders.gdp, '7.5', 'the gdp slider is not at its default');
  assert.deepEqual(snap.numbers, defaults, 'the numbers differ from the default scenario');
});

appTest('works from a subfolder (/briefing/sim/) with the same numbers as at the root', getBrowser, async (h) => {
  const rootNumbers = await readNumbers(await h.open(await h.serve('/')));

  const url = await h.serve('/briefing/sim/');
  const page = await h.open(url);
  for (const key of CHART_KEYS) await assertChartDrawn(page, key);
  assert.deepEqual(await readNumbers(page), rootNumbers, 'the numbers differ from the root deployment');

  const outside = pageLog(page).requests.filter((r) => r.startsWith('http') && !r.startsWith(url));
  assert.deepEqual(outside, [], 'requests left the subfolder (absolute asset paths?)');
  assert.deepEqual(pageLog(page).failedRequests, [], 'failed requests');
});

appTest('high-DPI: canvases are backed at 2× and follow a viewport resize', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'), { deviceScaleFactor: 2, viewport: { width: 1440, height: 900 } });

  const wide = {};
  for (const key of CHART_KEYS) {
    wide[key] = await assertChartDrawn(page, key, { dpr: 2 });
    assert.equal(wide[key].dpr, 2, 'devicePixelRatio');
  }

  await page.setViewportSize({ width: 400, height: 900 });
  for (const key of CHART_KEYS) {
    // A new CSS width, a backing store that matches it at 2×, and the chart drawn again.
    const resized = await waitChartDrawn(page, key, { cssWidthNot: wide[key].cssWidth, dpr: 2 });
    assert.ok(resized.width < wide[key].width, `chart "${key}" did not shrink: ${wide[key].width} → ${resized.width}`);
  }
  await waitReady(page);
});

appTest('printing draws every chart, also those never scrolled to', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  const blank = () =>
    page.$eval('canvas[data-chart="culture_trip"]', (canvas) => canvas.width === 0 || canvas.width === 300);
  assert.ok(await blank(), 'a chart far below the fold waits until it is seen');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.ok(!(await blank()), 'the print handler drew it');
  const stats = await page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-chart="culture_trip"]');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) inked += 1;
    return inked / (data.length / 4);
  });
  assert.ok(stats > 0.01, `the printed chart has ink (${(stats * 100).toFixed(1)} % of pixels)`);
});

appTest('opened straight from a folder, the page says how to serve it instead of staying blank', getBrowser, async (h) => {
  const { DIST_DIR } = await import('./helpers.mjs');
  const fromFolder = await h.open(`file://${DIST_DIR}/index.html`, { waitForReady: false });
  const message = fromFolder.locator('#opened-from-a-folder');
  await message.waitFor({ state: 'visible' });
  const text = await message.textContent();
  assert.match(text, /python3 -m http\.server 8080/);
  assert.match(text, /file:\/\//);
  // Served as it should be, the message stays hidden and the app runs.
  const served = await h.open(await h.serve('/'));
  assert.equal(await served.locator('#opened-from-a-folder').isVisible(), false);
});
