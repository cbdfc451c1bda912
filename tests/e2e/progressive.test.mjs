// Progressive runs in the worker, and the page's numbers against the native engine's.

import assert from 'node:assert/strict';
import { appTest, nativeDefault, useBrowser, snapshot, waitReady, writtenLink } from './helpers.mjs';

const getBrowser = useBrowser();

// The native engine's numbers for the default scenario: the browser's workers must give them to
// the last digit.
const { targets: NATIVE_DEFAULT, fingerprint: NATIVE_FINGERPRINT } = nativeDefault();

appTest('the page shows exactly the numbers of the native engine', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'));
  const snap = await snapshot(page);
  assert.equal(Object.keys(NATIVE_DEFAULT).length, 10, 'every target of indicators.md');
  assert.deepEqual(snap.targets, NATIVE_DEFAULT);
  assert.equal(snap.fingerprint, NATIVE_FINGERPRINT, 'every number of the summary, bit for bit');
  assert.equal(snap.precision, 'full');
});

appTest('dragging shows previews, releasing shows the full run of the same scenario', getBrowser, async (h) => {
  // Previews are sized by the machine's measured pace, and a machine fast enough shows 10,000
  // paths in full on every move: 100,000 paths are too many for that anywhere.
  const url = await h.serve('/');
  const page = await h.open(`${url}${writtenLink('#paths=100000')}`);
  const slider = page.locator('input[type="range"][name="gdp"]');
  const box = await slider.boundingBox();
  // The thumb of 7.5 on 0 … 15 sits in the middle.
  const y = box.y + box.height / 2;
  let x = box.x + box.width / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const seen = new Set();
  for (let step = 0; step < 25; step += 1) {
    x -= 4;
    await page.mouse.move(x, y);
    const { state, precision } = await snapshot(page);
    if (state === 'ready') seen.add(precision);
  }
  // Still holding the thumb: the latest scenario gets a preview, not the full run.
  const held = await waitReady(page, { precision: 'preview' });
  assert.equal(held.precision, 'preview');
  assert.ok(seen.has('preview'), `previews were drawn while dragging (saw ${[...seen].join(', ') || 'nothing ready'})`);
  const caption = () => page.locator('table.targets caption').textContent();
  const shown = Number((await caption()).match(/([\d,]+) ?(?:条|simulated paths)/)?.[1].replaceAll(',', ''));
  assert.ok(shown >= 500 && shown < 100_000 && shown % 500 === 0, `the table says it shows a preview of ${shown} paths`);

  await page.mouse.up();
  const released = await waitReady(page, { precision: 'full' });
  assert.ok(Number(released.fragment.gdp) < 7.5, `the fragment follows the drag (gdp=${released.fragment.gdp})`);
  assert.match(await caption(), /\b100,000\b/, 'the table says it shows the full 100,000-path run');

  const fresh = await h.open(page.url());
  assert.deepEqual((await snapshot(fresh)).numbers, released.numbers, 'the full run is what the link reproduces');
});
