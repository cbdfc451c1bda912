// Mangled links through the real page: each one gives the ready page, a bounded list of
// notices, finite numbers and no console error (src/link.rs reads them; the state keeps what it
// can use). The corpus is made here, deterministically, from kinds of damage people and mail
// programs do to links.

import assert from 'node:assert/strict';
import { SLIDER_KEYS, appTest, noticeLines, pageLog, snapshot, useBrowser, waitReady, writtenLink } from './helpers.mjs';

const getBrowser = useBrowser();

/** At most this many notice lines (src/link.rs MAX_ISSUES: 11 issues and "n more"). */
const MAX_NOTICE_LINES = 12;

const BAD_VALUES = [
  'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e308', '99999999999999999999', '-5', '-100000',
  '', ' ', 'abc', '%', '%E4%B8', '%ZZ', '%00', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  '0x10', '1,5', '１２', '7.5.5', 'true', '[]', '{}', '7%20', '+7', '.5', '5.', '1e-400',
];
const KEYS = ['gdp', 'inv', 'paths', 'horizon', 'seed', 'icor', 'lang', 'target', 'preset', 'embed', 'a.gdp'];

/** Every link of the corpus (at least 200), without its `#`. */
function corpus() {
  const links = [];
  // Each key with each bad value: 11 × 30.
  for (const key of KEYS) {
    for (const value of BAD_VALUES) links.push(`${key}=${value}`);
  }
  // The structure of a link broken.
  links.push(
    '&&&', '=', '==', '=7', 'gdp', 'gdp=', 'gdp==7', 'gdp=7=8', '&gdp=6&', '%26gdp%3D6', 'gdp%3D6',
    'gdp=6&gdp=7&gdp=8', 'gdp=6&GDP=7', 'v=2&v=3', 'v=999&gdp=6', 'v=1&gdp=6', 'v=abc', 'v=-1', 'ck=zzzzzz',
    'gdp=6&ck=', 'ck=000000&gdp=6', 'preset=nonsense', 'preset=downturn&preset=nonsense', 'embed=nonsense',
    'embed=%3Cb%3E', 'target=nonsense', 'lang=fr', 'lang=', 'a=1', 'a=nonsense', 'a.nonsense=3',
    `x=${'a'.repeat(10_000)}`, `${'gdp=6&'.repeat(1_500)}`, `${'zzz=1&'.repeat(200)}`,
    SLIDER_KEYS.map((key) => `${key}=-1e9`).join('&'), SLIDER_KEYS.map((key) => `${key}=1e9`).join('&'),
    'gdp=0&inv=-100&icor=1&horizon=2035',
  );
  return [...new Set(links)];
}

/** Sets the fragment as a pasted link does and waits until the page has taken it in. */
async function goTo(page, fragment) {
  await page.evaluate(
    (hash) =>
      new Promise((resolve) => {
        window.addEventListener('hashchange', () => requestAnimationFrame(() => resolve()), { once: true });
        location.hash = hash;
      }),
    fragment,
  );
}

function finite(snap, link) {
  assert.ok(snap.numbers.length >= 10, `#${link.slice(0, 80)}: every target has its numbers`);
  // Each entry is `target|probability|stderr`.
  for (const entry of snap.numbers) {
    for (const number of entry.split('|').slice(1)) {
      assert.ok(Number.isFinite(Number(number)) && number !== '', `#${link.slice(0, 80)}: ${entry} is not finite`);
    }
  }
}

appTest('at least 200 mangled links each give the ready page, a few notices and finite numbers', getBrowser, async (h) => {
  const links = corpus();
  assert.ok(links.length >= 200, `the corpus holds ${links.length} links`);
  const url = await h.serve('/');
  const page = await h.open(url);
  const log = pageLog(page);
  for (const [i, link] of links.entries()) {
    // Most arrive as a pasted link in the open page; every tenth as a fresh load.
    if (i % 10 === 0) {
      await page.goto(`${url}#${link}`);
    } else {
      await goTo(page, `#${link}`);
    }
    const snap = await waitReady(page);
    finite(snap, link);
    const lines = await noticeLines(page);
    assert.ok(lines.length <= MAX_NOTICE_LINES, `#${link.slice(0, 80)}: ${lines.length} notice lines`);
    assert.equal(new Set(lines).size, lines.length, `#${link.slice(0, 80)}: notices repeat: ${lines.join(' | ')}`);
    assert.equal(await page.locator('[data-notice] img, [data-notice] script').count(), 0, 'no markup from a link');
    assert.deepEqual(log.pageErrors, [], `#${link.slice(0, 80)}: page errors`);
    assert.deepEqual(log.consoleErrors, [], `#${link.slice(0, 80)}: console errors`);
  }
});

appTest('where the model leaves its ground the page says so, and not before', getBrowser, async (h) => {
  const url = await h.serve('/');
  // docs/MODEL.md: no trend growth, 100 亿元 less investment a year and an ICOR of 2 drive GDP
  // to the growth floor from 2033.
  const page = await h.open(`${url}${writtenLink('#gdp=0&inv=-100&icor=2&horizon=2035')}`);
  const snap = await snapshot(page);
  finite(snap, 'gdp=0&inv=-100&icor=2&horizon=2035');
  const note = page.locator('[data-ground="growth-floor"]');
  assert.equal(await note.count(), 1);
  assert.match(await note.textContent(), /超出模型适用范围.*−95%/);
  const plain = await h.open(url);
  assert.equal(await plain.locator('[data-ground]').count(), 0, 'at the defaults the model stands on its ground');
});
