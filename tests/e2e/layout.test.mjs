// Layout: the controls stay in reach on a laptop; on a phone nothing scrolls sideways and the
// controls open as a panel over the results with the ten chances in a strip; numbers awaiting a
// new run are marked as outdated.

import assert from 'node:assert/strict';
import { appTest, pressOnSlider, snapshot, useBrowser, waitCompared, waitReady } from './helpers.mjs';

const getBrowser = useBrowser();

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** The element's box against the viewport, and whether it lies wholly (or partly) inside. */
function inViewport(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      whole: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      partly: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    };
  });
}

/** Whether the first element matching `selector` is the topmost thing at its centre (not covered). */
function onTop(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
}

/** Opens the phone's controls panel, then moves the pointer off it (no hover tooltips). */
async function openPanel(page) {
  await page.locator('button.open-controls').click();
  await page.locator('section.controls.open').waitFor();
  await page.mouse.move(0, 0);
}

/** How far the page (and the open controls panel, if any) would scroll sideways. */
function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const panel = document.querySelector('section.controls.open');
    return {
      page: root.scrollWidth - root.clientWidth,
      panel: panel ? panel.scrollWidth - panel.clientWidth : 0,
    };
  });
}

appTest('laptop: the controls stay in view while the results scroll by', getBrowser, async (h) => {
  const page = await h.open(await h.serve('/'), { viewport: LAPTOP });
  assert.equal(await page.$eval('section.controls', (el) => getComputedStyle(el).position), 'sticky');

  await page.locator('canvas[data-chart="gdp"]').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 0, 'the GDP fan chart is below the fold: the page scrolled to it');
  assert.ok((await inViewport(page, 'canvas[data-chart="gdp"]')).partly, 'the chart is in view');
  const slider = await inViewport(page, 'input[type="range"][name="gdp"]');
  assert.ok(slider.whole, `the gdp slider is still in the viewport (top ${slider.top}, bottom ${slider.bottom})`);

  // Adjusting it there keeps both in sight while the chart changes.
  const before = await snapshot(page);
  await pressOnSlider(page, 'gdp', 'ArrowLeft', 3);
  await waitReady(page, { sliders: { gdp: '7.2' }, numbersNot: before.numbers });
  assert.ok((await inViewport(page, 'canvas[data-chart="gdp"]')).partly, 'the chart is still in view');
  assert.ok((await inViewport(page, 'input[type="range"][name="gdp"]')).whole, 'so is the slider');
});

for (const [label, fragment] of [
  ['Chinese', ''],
  ['English', '#lang=en'],
  ['Chinese, A pinned', '#gdp=6&a=plan'],
  ['English, A pinned', '#gdp=6&a=plan&lang=en'],
]) {
  appTest(`phone (360×740, ${label}): nothing scrolls sideways, the panel opened or not`, getBrowser, async (h) => {
    const page = await h.open(`${await h.serve('/')}${fragment}`, { viewport: PHONE });
    if (fragment.includes('a=')) await waitCompared(page, { compare: 'pinned' });
    assert.deepEqual(await sidewaysOverflow(page), { page: 0, panel: 0 }, 'no horizontal overflow');
    // Down the page, past the table and the charts.
    await page.locator('canvas[data-chart="culture_trip"]').scrollIntoViewIfNeeded();
    assert.deepEqual(await sidewaysOverflow(page), { page: 0, panel: 0 }, 'none further down');
    await openPanel(page);
    assert.deepEqual(await sidewaysOverflow(page), { page: 0, panel: 0 }, 'none with the controls open');
  });
}

appTest('phone: the controls open as a panel over the page, with the ten chances at its top', getBrowser, async (h, t) => {
  const page = await h.open(`${await h.serve('/')}#lang=en`, { viewport: PHONE });
  const controls = page.locator('section.controls');
  const open = page.locator('button.open-controls');
  assert.ok(await controls.isHidden(), 'the controls are folded away');
  assert.ok(await open.isVisible(), 'a button opens them');
  assert.equal(await open.getAttribute('aria-expanded'), 'false');

  await openPanel(page);
  const panel = page.locator('section.controls.open');
  assert.equal(await open.count(), 0, 'the open button gives way to the panel');
  assert.equal(await page.locator('button.close-controls').getAttribute('aria-expanded'), 'true');

  await t.test('the panel covers the page', async () => {
    const box = await panel.boundingBox();
    assert.deepEqual(box, { x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    assert.ok(await onTop(page, 'button.close-controls'), 'the close button is on top');
    assert.ok(await page.locator('input[type="range"][name="gdp"]').isVisible(), 'the sliders are there');
  });

  await t.test('the strip: ten chips at the top of the panel, each with its chance', async () => {
    const chips = panel.locator('ul.strip li[data-strip-target]');
    assert.equal(await chips.count(), 10);
    const top = (await page.locator('ul.strip').boundingBox()).y;
    assert.ok(top < 100, `the strip is at the top of the panel (y = ${top})`);
    const { targets } = await snapshot(page);
    for (const chip of await chips.all()) {
      const id = await chip.getAttribute('data-strip-target');
      assert.ok(await chip.isVisible(), `chip ${id} is visible`);
      // Whole percent, but never rounded to certainty: 0.9991 is "> 99 %", 0.0004 "< 1 %".
      const p = Number(targets[id].probability);
      const percent = p > 0 && p < 0.005 ? '< 1 %' : p < 1 && p >= 0.995 ? '> 99 %' : `${Math.round(p * 100)} %`;
      assert.ok((await chip.textContent()).includes(percent), `chip ${id} says ${percent}`);
    }
  });

  await t.test('"show results" closes the panel', async () => {
    await page.locator('button.close-controls').click();
    await page.locator('section.controls.open').waitFor({ state: 'detached' });
    assert.ok(await controls.isHidden(), 'the controls are folded away again');
    assert.ok(await open.isVisible());
    assert.ok(await onTop(page, 'button.open-controls'), 'the open button can be tapped again');
    assert.equal(await open.getAttribute('aria-expanded'), 'false');
  });
});

/** Whether each chip of the strip is the topmost thing at its centre (not covered). */
function chipsInSight(page) {
  return page.$$eval('section.controls.open ul.strip li[data-strip-target]', (chips) =>
    Object.fromEntries(
      chips.map((chip) => {
        const r = chip.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return [chip.getAttribute('data-strip-target'), chip.contains(hit)];
      }),
    ),
  );
}

appTest('phone: scrolled down to the last sliders, all ten chances stay in sight', getBrowser, async (h) => {
  const page = await h.open(`${await h.serve('/')}#lang=en`, { viewport: PHONE });
  await openPanel(page);
  const allSeen = Object.fromEntries(
    (await page.$$eval('li[data-strip-target]', (els) => els.map((el) => el.dataset.stripTarget))).map((id) => [id, true]),
  );
  assert.equal(Object.keys(allSeen).length, 10);
  assert.deepEqual(await chipsInSight(page), allSeen, 'every chip is in sight at first');

  // The last slider is below the panel's fold: the panel scrolls to it.
  await page.locator('input[type="range"][name="paths"]').scrollIntoViewIfNeeded();
  assert.ok(await page.$eval('section.controls.open', (el) => el.scrollTop > 0), 'the panel scrolled');
  assert.deepEqual(await chipsInSight(page), allSeen, 'no chip is covered (by the panel\'s heading)');
});

for (const [device, viewport] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  appTest(`${device}: a slider's provenance badge explains itself in full, without pushing the controls sideways`, getBrowser, async (h) => {
    const page = await h.open(`${await h.serve('/')}#lang=en`, { viewport });
    if (device === 'phone') await openPanel(page);
    const overflowing = [];
    for (const badge of await page.locator('section.controls .slider [data-provenance]').all()) {
      await badge.focus(); // what a tap does: the explanation shows on :focus
      const key = await badge.evaluate((el) => el.closest('.slider').getAttribute('data-param'));
      const shown = await badge.evaluate((el) => getComputedStyle(el, '::after').content);
      assert.notEqual(shown, 'none', `the ${key} badge shows its explanation on focus`);
      // The controls scroll (sticky column, phone panel): an explanation wider than they are
      // is cut off at their edge and makes them scroll sideways.
      const wider = await page.$eval('section.controls', (el) => el.scrollWidth - el.clientWidth);
      if (wider > 0) overflowing.push(`${key} (+${wider} px)`);
    }
    assert.deepEqual(overflowing, [], 'explanations that run past the right edge of the controls');
  });
}

for (const [lang, fragment, words] of [
  ['zh', '', /正在计算新情景.*上一情景/],
  ['en', '#lang=en', /Computing the new scenario.*previous scenario/],
]) {
  appTest(`while a run is pending, the previous numbers are marked outdated, in words (${lang})`, getBrowser, async (h) => {
    const page = await h.open(`${await h.serve('/')}${fragment}`);
    const before = await snapshot(page);
    assert.equal(await page.locator('p.outdated').count(), 0, 'nothing is outdated once ready');
    assert.equal(await page.$eval('section.results', (el) => el.classList.contains('stale')), false);

    // Record every state of the page while the new run is pending, however short.
    await page.evaluate(() => {
      const seen = [];
      window.outdatedSeen = seen;
      const record = () => {
        const note = document.querySelector('p.outdated');
        if (!note) return;
        seen.push({
          text: note.textContent,
          role: note.getAttribute('role'),
          stale: document.querySelector('section.results').classList.contains('stale'),
          state: document.querySelector('main#app').getAttribute('data-state'),
          gdp: document.querySelector('tr[data-target="gdp"]').getAttribute('data-probability'),
        });
      };
      new MutationObserver(record).observe(document.querySelector('main#app'), {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await pressOnSlider(page, 'gdp', 'ArrowLeft', 1);
    const after = await waitReady(page, { sliders: { gdp: '7.4' }, numbersNot: before.numbers });

    const seen = await page.evaluate(() => window.outdatedSeen);
    assert.ok(seen.length > 0, 'the outdated note was shown while the run was pending');
    for (const moment of seen) {
      assert.equal(moment.role, 'status', 'the note is a status message');
      assert.match(moment.text, words);
      assert.equal(moment.stale, true, 'the results are marked .stale');
      assert.equal(moment.state, 'running');
      assert.equal(moment.gdp, before.targets.gdp.probability, 'what is marked outdated is the previous numbers');
    }
    assert.notEqual(after.targets.gdp.probability, before.targets.gdp.probability);
    assert.equal(await page.locator('p.outdated').count(), 0, 'the note goes once the new numbers are in');
    assert.equal(await page.$eval('section.results', (el) => el.classList.contains('stale')), false);
  });
}
