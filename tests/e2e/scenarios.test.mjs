// Scenarios a person picks, shares and keeps: presets (from a link or a button) and what was
// changed since; links that were cut off or hold a key twice; saved scenarios in localStorage,
// their export to a file and the import of one.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  appTest,
  linkPairs,
  nativeDefault,
  noticeLines,
  pressOnSlider,
  readNumbers,
  signLink,
  snapshot,
  useBrowser,
  waitCompared,
  waitReady,
} from './helpers.mjs';

const getBrowser = useBrowser();

const PRESET_IDS = ['plan', 'pace13', 'downturn', 'invest', 'green'];
// What each preset sets, as the link writes it.
const PRESET_VALUES = {
  plan: {},
  pace13: { gdp: '7.99', inc: '5.28' },
  downturn: { shock_p: '20', shock_s: '6', vol: '2.5' },
  invest: { inv: '50' },
  green: { green: '14.4' },
};
const KEY_PREFIX = 'taijiang-sim.scenario.';
// The plan's own run: the baseline of every comparison until A is pinned.
const { targets: PLAN } = nativeDefault();

/** The preset buttons' aria-pressed, by preset id. */
function pressedPresets(page) {
  return page.$$eval('button[data-preset]', (buttons) =>
    Object.fromEntries(buttons.map((b) => [b.getAttribute('data-preset'), b.getAttribute('aria-pressed')])),
  );
}

/** Each slider's data-changed and the kind of its badge, by key. */
function sliderBadges(page) {
  return page.$$eval('.slider[data-param]', (sliders) =>
    Object.fromEntries(
      sliders.map((s) => [
        s.getAttribute('data-param'),
        {
          changed: s.getAttribute('data-changed'),
          provenance: [...s.querySelectorAll('[data-provenance]')].map((b) => b.getAttribute('data-provenance')).join(' '),
          reset: s.querySelector(`button[data-reset="${s.getAttribute('data-param')}"]`) !== null,
        },
      ]),
    ),
  );
}

/** #app's data-preset and data-modified. */
function appPreset(page) {
  return page.$eval('main#app', (app) => ({ preset: app.getAttribute('data-preset'), modified: app.getAttribute('data-modified') }));
}

appTest('presets: from a link and from their buttons; a move marks the preset modified; resets put it back', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  const page = await h.open(`${url}#preset=downturn`);

  await t.test('#preset=downturn sets its three values, presses its button, and is not modified', async () => {
    const snap = await snapshot(page);
    assert.deepEqual(
      { shock_p: snap.sliders.shock_p, shock_s: snap.sliders.shock_s, vol: snap.sliders.vol },
      PRESET_VALUES.downturn,
    );
    assert.deepEqual(await appPreset(page), { preset: 'downturn', modified: 'false' });
    assert.deepEqual(await pressedPresets(page), Object.fromEntries(PRESET_IDS.map((id) => [id, String(id === 'downturn')])));
    assert.equal(await page.locator('[data-preset-modified]').count(), 0, 'no "modified" mark');
    const badges = await sliderBadges(page);
    for (const key of ['shock_p', 'shock_s', 'vol']) {
      assert.deepEqual(badges[key], { changed: 'false', provenance: 'preset', reset: false }, `${key}: the preset's value`);
    }
    assert.equal(badges.gdp.provenance, 'plan-target', 'gdp keeps its badge: a plan target used as the trend');
    // A harder world, against the plan: the GDP target is less likely.
    const rows = await waitCompared(page, { compare: 'plan' });
    assert.equal(rows.find((r) => r.target === 'gdp').change, 'down');
  });

  const chosen = {};
  for (const id of ['pace13', 'invest', 'green', 'plan']) {
    await t.test(`the ${id} button sets its values and nothing else`, async () => {
      const before = await snapshot(page);
      await page.locator(`button[data-preset="${id}"]`).click();
      const after = await waitReady(page, { fragment: { preset: id, ...PRESET_VALUES[id] } });
      assert.equal((await pressedPresets(page))[id], 'true');
      assert.deepEqual(await appPreset(page), { preset: id, modified: 'false' });
      // The link: v, the preset, its values (only those), the checksum.
      const pairs = linkPairs(after.hash);
      assert.deepEqual(pairs.slice(0, -1), [['v', '3'], ['preset', id], ...Object.entries(PRESET_VALUES[id])]);
      assert.equal(pairs.at(-1)[0], 'ck');
      if (id !== 'plan') assert.notDeepEqual(after.numbers, before.numbers, 'the numbers follow the preset');
      chosen[id] = after;
    });
  }
  const plain = await h.open(url);
  assert.deepEqual(chosen.plan.numbers, await readNumbers(plain), 'the plan preset is the default scenario');
  assert.deepEqual(await appPreset(plain), { preset: null, modified: 'false' }, 'no preset chosen: no data-preset');
  assert.equal((await pressedPresets(plain)).plan, 'true', 'the plan is what is shown');

  // From the green preset, the user moves two sliders.
  await page.locator('button[data-preset="green"]').click();
  await waitReady(page, { fragment: { preset: 'green' }, numbers: chosen.green.numbers });
  const greenBadges = await sliderBadges(page);
  assert.deepEqual(greenBadges.green, { changed: 'false', provenance: 'preset', reset: false });
  await pressOnSlider(page, 'inv', 'ArrowRight', 2);
  await pressOnSlider(page, 'gdp', 'ArrowLeft', 5);
  await waitReady(page, { sliders: { inv: '10', gdp: '7' }, fragment: { preset: 'green', inv: '10', gdp: '7' } });

  await t.test('a moved slider is the user\'s: "modified", its own badge and reset', async () => {
    assert.deepEqual(await appPreset(page), { preset: 'green', modified: 'true' });
    const mark = page.locator('[data-preset-modified]');
    assert.ok(await mark.isVisible(), '[data-preset-modified] is shown');
    assert.match(await mark.textContent(), /已修改/);
    const badges = await sliderBadges(page);
    for (const key of ['inv', 'gdp']) {
      assert.deepEqual(badges[key], { changed: 'true', provenance: 'user', reset: true }, `${key}: the user's value`);
    }
    assert.deepEqual(badges.green, greenBadges.green, 'the preset\'s own value keeps its badge');
    assert.deepEqual(badges.inc, greenBadges.inc, 'an untouched slider keeps its badge');
  });

  await t.test('the one-slider reset puts that slider back to the preset', async () => {
    await page.locator('button[data-reset="inv"]').click();
    await waitReady(page, { sliders: { inv: '0', gdp: '7' } });
    const badges = await sliderBadges(page);
    assert.deepEqual(badges.inv, greenBadges.inv, 'inv has its own badge again');
    assert.equal(badges.gdp.changed, 'true', 'gdp is still the user\'s');
    assert.equal((await appPreset(page)).modified, 'true');
  });

  await t.test('"reset every slider" gives the preset back, numbers and all', async () => {
    await page.locator('.reset-preset').click();
    const reset = await waitReady(page, { sliders: chosen.green.sliders, numbers: chosen.green.numbers });
    assert.deepEqual(await appPreset(page), { preset: 'green', modified: 'false' });
    assert.equal(await page.locator('[data-preset-modified]').count(), 0);
    assert.deepEqual(await sliderBadges(page), greenBadges);
    assert.deepEqual(linkPairs(reset.hash), linkPairs(chosen.green.hash));
  });
});

appTest('a link without its checksum says quietly it was not checked; a key given twice uses its last value and says which', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  const page = await h.open(url);
  await page.locator('details.assumptions > summary').click();
  // ht0 (default 200) is the last value before the checksum when it is the only one changed.
  const ht0 = page.locator('input[type="number"][name="ht0"]');
  await ht0.fill('250');
  await ht0.press('Enter');
  await ht0.blur();
  const { hash } = await waitReady(page, { fragment: { ht0: '250' } });
  assert.match(hash, /^#v=3&ht0=250&ck=[0-9a-f]{6}$/, `the link ends with ht0 and its checksum: ${hash}`);

  const whole = await h.open(`${url}${hash}`);
  assert.deepEqual((await snapshot(whole)).notices, [], 'the whole link shows no notice');

  // Without its checksum: trimmed by hand (or broken by a chat app inside "250"). Nothing is
  // wrong with a link written by hand: one quiet line says it was not checked, no alert.
  const cut = hash.slice(0, hash.indexOf('&ht0=250') + '&ht0=25'.length);
  for (const [lang, words] of [['zh', /手写链接.*未经校验/], ['en', /written by hand.*not checked/]]) {
    await t.test(`${cut} (${lang}): a quiet line, no alert; what arrived is used`, async () => {
      const link = lang === 'en' ? `${cut}&lang=en` : cut;
      const cutPage = await h.open(`${url}${link}`);
      await waitReady(cutPage);
      const { notices } = await snapshot(cutPage);
      assert.equal(notices.length, 1, `one line: ${JSON.stringify(notices)}`);
      assert.equal(notices[0].role, 'status', 'said, not alerted');
      assert.match(notices[0].text, words);
      assert.equal(await cutPage.locator('[role="alert"]').count(), 0, 'no alert');
      assert.equal(await cutPage.locator('input[type="number"][name="ht0"]').inputValue(), '25');
    });
  }
  for (const [lang, suffix] of [['zh', ''], ['en', '&lang=en']]) {
    await t.test(`#v=3&preset=downturn typed by hand (${lang}): the preset, and no alert`, async () => {
      const typed = await h.open(`${url}#v=3&preset=downturn${suffix}`);
      const snap = await waitReady(typed);
      assert.equal(snap.sliders.shock_p, '20');
      assert.equal(await typed.locator('[role="alert"]').count(), 0);
      assert.deepEqual(snap.notices.map((n) => n.role), ['status']);
    });
  }

  await t.test('a checksum that does not match says the link was cut off or altered', async () => {
    const altered = await h.open(`${url}${hash.replace('ht0=250', 'ht0=251')}`);
    const { notices } = await snapshot(altered);
    assert.match(notices.map((n) => n.text).join('\n'), /截断或改动/);
  });

  for (const [lang, suffix, words] of [['zh', '', /gdp.*“5”/], ['en', '&lang=en', /gdp.*“5”/]]) {
    await t.test(`gdp=6&gdp=5 (${lang}): the last value is used and named`, async () => {
      // Written as a link is (v=3, a checksum that matches), so that the key given twice is its
      // only problem.
      const twice = await h.open(`${url}${signLink(`v=3&gdp=6&gdp=5${suffix}`)}`);
      const snap = await snapshot(twice);
      assert.equal(snap.sliders.gdp, '5');
      assert.equal(snap.notices.length, 1);
      assert.equal((await noticeLines(twice)).length, 1, `one problem: ${await noticeLines(twice)}`);
      assert.match(snap.notices[0].text, words);
      assert.match(snap.notices[0].text, lang === 'en' ? /more than once/ : /多次/);
      assert.doesNotMatch(snap.notices[0].text, /“6”/, 'the value not used is not offered as the one used');
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Saved scenarios

/** Opens the saved-scenarios panel (a <details>) if it is closed. */
async function openSavedPanel(page) {
  const panel = page.locator('details[data-saved-panel]');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('details[data-saved-panel]').open);
}

/** The names listed, in order. */
function savedNames(page) {
  return page.$$eval('li[data-saved]', (items) => items.map((li) => li.getAttribute('data-saved')));
}

/** Every saved-scenario key of localStorage, parsed where it is JSON: { name: value }. */
function storedEntries(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key.startsWith(prefix)) continue;
      const text = localStorage.getItem(key);
      try {
        out[key.slice(prefix.length)] = JSON.parse(text);
      } catch {
        out[key.slice(prefix.length)] = text;
      }
    }
    return out;
  }, KEY_PREFIX);
}

/** Saves the scenario on screen under `name` through the form. */
async function saveAs(page, name) {
  await page.locator('#save-name').fill(name);
  await page.locator('button[data-save]').click();
  await page.locator(`li[data-saved="${name}"]`).waitFor();
}

/**
 * Answers the page's next dialog (a string: accept with it; true: accept; false: dismiss);
 * resolves, once it is answered, to what it asked: { type, message }.
 */
function answerNextDialog(page, answer) {
  return new Promise((resolve) => {
    page.once('dialog', async (dialog) => {
      const asked = { type: dialog.type(), message: dialog.message() };
      if (answer === false) await dialog.dismiss();
      else await dialog.accept(typeof answer === 'string' ? answer : undefined);
      resolve(asked);
    });
  });
}

/** Every parameter key an entry must hold (format 2 writes every one): the 45 of model version 3. */
const ALL_KEYS = [
  'gdp', 'inv', 'inc', 'vol', 'shock_p', 'shock_s', 'rd', 'ht_push', 'green', 'horizon', 'paths', 'seed',
  'gdp_tol', 'icor', 'rho', 'rebound', 'eta', 'inc_vol', 'sync_tol', 'sync_rule', 'inc_basis', 'deflator',
  'ht0', 'lapse', 'air0', 'air_vol', 'air_phi', 'built', 'built_growth', 'gr0', 'gc0', 'green_vol',
  'green_dev', 'green_phi', 'green_corr', 'dt_green', 'pre0', 'pre_vol', 'pre_phi', 'cs0', 'ct0',
  'cult_drift', 'cult_vol', 'cult_phi', 'dt_ht',
];
/** The model version this build computes (links' `v=`, entries' `model`). */
const MODEL = 3;

appTest('saved scenarios: save, still there after a reload, open, rename, delete after confirming', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  const page = await h.open(`${url}#gdp=6`);
  const six = await snapshot(page);
  await openSavedPanel(page);
  await saveAs(page, '低增长');

  // A pair: pin gdp=6 as A, then more investment as B.
  await page.locator('button[data-pin]').click();
  await pressOnSlider(page, 'inv', 'ArrowRight', 2);
  const pair = await waitCompared(page, { compare: 'pinned', fragment: { inv: '10' } });
  const pairSnap = await snapshot(page);
  await saveAs(page, '对比');

  await t.test('each is stored in format 2 under its own key, with every parameter', async () => {
    const stored = await storedEntries(page);
    assert.deepEqual(Object.keys(stored).sort(), ['对比', '低增长'].sort());
    const single = stored['低增长'];
    assert.equal(single.format, 2);
    assert.equal(single.model, MODEL);
    assert.match(single.saved_at, /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(Object.keys(single.scenario.values).sort(), [...ALL_KEYS].sort());
    assert.equal(single.scenario.values.gdp, 6);
    assert.ok(single.pinned === null || single.pinned === undefined, 'nothing pinned');
    const both = stored['对比'];
    assert.equal(both.scenario.values.inv, 10);
    assert.equal(both.pinned.values.gdp, 6);
    assert.equal(both.pinned.values.inv, 0);
    assert.match(await page.locator('li[data-saved="对比"]').textContent(), /A\/B/);
  });

  await page.reload();
  await waitReady(page);
  await openSavedPanel(page);
  await t.test('a reload lists them, sorted by name', async () => {
    assert.deepEqual(await savedNames(page), ['低增长', '对比'].sort());
  });

  await t.test('opening one shows its scenario (and its A) and rewrites the link', async () => {
    await page.locator('button[data-open="低增长"]').click();
    const opened = await waitCompared(page, { compare: 'plan', sliders: { gdp: '6', inv: '0' }, numbers: six.numbers });
    for (const row of opened) assert.equal(row.probabilityA, PLAN[row.target].probability, `${row.target}: A is the plan`);
    assert.deepEqual(linkPairs((await snapshot(page)).hash).map(([k]) => k), ['v', 'gdp', 'ck']);

    await page.locator('button[data-open="对比"]').click();
    const reopened = await waitCompared(page, { compare: 'pinned', sliders: { gdp: '6', inv: '10' } });
    assert.deepEqual(reopened, pair, 'the pair, row by row');
    assert.equal((await snapshot(page)).hash, pairSnap.hash, 'the same link as when it was saved');
  });

  await t.test('rename asks for the new name and moves the entry', async () => {
    const asked = answerNextDialog(page, '慢增长');
    await page.locator('button[data-rename="低增长"]').click();
    assert.equal((await asked).type, 'prompt');
    await page.locator('li[data-saved="慢增长"]').waitFor();
    assert.deepEqual(await savedNames(page), ['对比', '慢增长'].sort());
    const stored = await storedEntries(page);
    assert.deepEqual(Object.keys(stored).sort(), ['对比', '慢增长'].sort());
    assert.equal(stored['慢增长'].scenario.values.gdp, 6);
  });

  await t.test('delete asks first: refused, nothing goes; confirmed, the entry goes', async () => {
    const refused = answerNextDialog(page, false);
    await page.locator('button[data-delete="慢增长"]').click();
    const asked = await refused;
    assert.equal(asked.type, 'confirm');
    assert.match(asked.message, /慢增长/);
    assert.deepEqual(await savedNames(page), ['对比', '慢增长'].sort(), 'a refused confirmation deletes nothing');
    assert.deepEqual(Object.keys(await storedEntries(page)).sort(), ['对比', '慢增长'].sort());

    const confirmed = answerNextDialog(page, true);
    await page.locator('button[data-delete="慢增长"]').click();
    await confirmed;
    await page.locator('li[data-saved="慢增长"]').waitFor({ state: 'detached' });
    assert.deepEqual(await savedNames(page), ['对比']);
    assert.deepEqual(Object.keys(await storedEntries(page)), ['对比']);
    await page.reload();
    await waitReady(page);
    await openSavedPanel(page);
    assert.deepEqual(await savedNames(page), ['对比'], 'still gone after a reload');
  });
});

/** A format-2 entry as a hand-written file would hold it (missing values take their defaults). */
function entry(name, values, extra = {}) {
  return { format: 2, name, saved_at: '2024-05-01T10:00:00Z', model: MODEL, scenario: { preset: null, values }, ...extra };
}

/** Opens the site, puts `items` ({ key suffix: text }) into its localStorage, and reloads. */
async function openWithStored(h, url, items) {
  const page = await h.open(url);
  await page.evaluate(
    ([prefix, entries]) => {
      for (const [name, text] of Object.entries(entries)) localStorage.setItem(prefix + name, text);
    },
    [KEY_PREFIX, items],
  );
  await page.reload();
  await waitReady(page);
  await openSavedPanel(page);
  return page;
}

appTest('an unreadable saved entry is named while the others load; a format-1 entry opens', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  const broken = '{"format":2,"name":"broken","saved_at":';
  const page = await openWithStored(h, url, {
    good: JSON.stringify(entry('good', { gdp: 8 })),
    broken,
    'too-fast': JSON.stringify(entry('too-fast', { gdp: 99 })),
    old: JSON.stringify({ format: 1, name: 'old', saved_at: '2020-01-01T00:00:00Z', link: '#gdp=6' }),
  });

  await t.test('the readable ones are listed, the others named with what is wrong, in the page’s language', async () => {
    assert.deepEqual(await savedNames(page), ['good', 'old']);
    const problems = page.locator('[data-unreadable] [data-saved-problem]');
    assert.deepEqual(await problems.evaluateAll((els) => els.map((el) => el.getAttribute('data-saved-problem'))), ['broken', 'too-fast']);
    assert.match(await page.locator('[data-unreadable] [data-saved-problem="broken"]').textContent(), /broken.*不是 JSON/);
    assert.match(
      await page.locator('[data-unreadable] [data-saved-problem="too-fast"]').textContent(),
      /too-fast.*scenario\.values\.gdp.*99 超出范围;允许:0 到 15/,
    );
    // The same entry on the English page, in English.
    await page.click('button.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(
      await page.locator('[data-unreadable] [data-saved-problem="too-fast"]').textContent(),
      /too-fast.*scenario\.values\.gdp.*99 is out of range/,
    );
    await page.click('button.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const stored = await storedEntries(page);
    assert.equal(stored.broken, broken, 'an unreadable entry is left as it is');
  });

  await t.test('the format-1 entry is rewritten in format 2 and opens as its link', async () => {
    const stored = await storedEntries(page);
    assert.equal(stored.old.format, 2);
    assert.equal(stored.old.scenario.values.gdp, 6);
    assert.equal(stored.old.saved_at, '2020-01-01T00:00:00Z');
    assert.match(await page.locator('li[data-saved="old"]').textContent(), /2020-01-01/);

    const expected = await snapshot(await h.open(`${url}#gdp=6`));
    await page.locator('button[data-open="old"]').click();
    const opened = await waitReady(page, { sliders: { gdp: '6' }, numbers: expected.numbers });
    assert.deepEqual(opened.fragment.gdp, '6');
  });
});

appTest('a saved entry that loads with a warning is listed, not named among the unreadable ones', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await openWithStored(h, url, {
    // A later model version: computed with this build's model, with a warning (SCENARIO-FILE.md).
    newer: JSON.stringify(entry('newer', { gdp: 6 }, { model: MODEL + 1 })),
    fine: JSON.stringify(entry('fine', { gdp: 7 })),
    broken: 'not json',
  });
  assert.deepEqual(await savedNames(page), ['fine', 'newer'], 'both readable entries load');
  const unreadable = await page.$$eval('[data-unreadable] [data-saved-problem]', (els) =>
    els.map((el) => el.getAttribute('data-saved-problem')),
  );
  assert.deepEqual(unreadable, ['broken'], 'only the entry that was skipped is listed as unreadable (and skipped)');
});

/** A scenario file of `scenarios`, as bytes for the file input. */
function scenarioFile(scenarios) {
  return {
    name: 'scenarios.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'taijiang-sim-scenarios', version: 2, scenarios }, null, 2)),
  };
}

appTest('export downloads every entry as a scenario file that imports back; a bad file lists each problem', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  // On the English page: the problems are checked in English words (the Chinese ones are the
  // previous test's).
  const page = await openWithStored(h, `${url}#lang=en`, {
    'invest more': JSON.stringify(entry('invest more', { inv: 50 }, { scenario: { preset: 'invest', values: { inv: 50 } } })),
    'slow, with A': JSON.stringify(entry('slow, with A', { gdp: 6.5 }, { pinned: { preset: 'plan', values: {} } })),
  });
  assert.deepEqual(await savedNames(page), ['invest more', 'slow, with A']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export-saved]').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  let file;
  await t.test('the download is a parseable version-2 scenario file with every entry', () => {
    assert.match(download.suggestedFilename(), /^taijiang-scenarios-\d{4}-\d\d-\d\d\.json$/);
    file = JSON.parse(text);
    assert.equal(file.format, 'taijiang-sim-scenarios');
    assert.equal(file.version, 2);
    assert.deepEqual(file.scenarios.map((s) => s.name), ['invest more', 'slow, with A']);
    const [invest, slow] = file.scenarios;
    assert.equal(invest.format, 2);
    assert.equal(invest.model, MODEL, 'made with this model version');
    assert.equal(invest.scenario.preset, 'invest');
    assert.equal(invest.scenario.values.inv, 50);
    assert.deepEqual(Object.keys(invest.scenario.values).sort(), [...ALL_KEYS].sort());
    assert.equal(invest.pinned, null);
    assert.equal(slow.scenario.values.gdp, 6.5);
    assert.equal(slow.pinned.preset, 'plan');
    assert.deepEqual(Object.keys(slow.pinned.values).sort(), [...ALL_KEYS].sort());
  });

  await t.test('the file imports into an empty browser and gives the same entries', async () => {
    const other = await h.open(url);
    await openSavedPanel(other);
    assert.deepEqual(await savedNames(other), []);
    await other.locator('input[data-import-saved]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.locator('li[data-saved="slow, with A"]').waitFor();
    assert.deepEqual(await savedNames(other), ['invest more', 'slow, with A']);
    assert.equal(await other.locator('[data-import-problems] li').count(), 0, 'no problems');
    const byName = Object.fromEntries(JSON.parse(text).scenarios.map((s) => [s.name, s]));
    assert.deepEqual(await storedEntries(other), byName, 'stored exactly as exported');
  });

  await t.test('a file with bad fields: each problem named by entry and field, only the valid entries imported', async () => {
    const bad = scenarioFile([
      entry('ok', { gdp: 8 }),
      entry('too fast', { gdp: 99 }),
      entry('text', { gdp: '6' }),
      entry('typo', { gpd: 6 }),
      entry('bad A', { gdp: 7 }, { pinned: { preset: 'nope', values: {} } }),
      { format: 2, name: 'undated', model: MODEL, scenario: { values: {} } },
      entry('ok', { gdp: 9 }),
      { format: 1, name: 'legacy', saved_at: '2020-01-01', link: '#gdp=6&bogus=1' },
    ]);
    await page.locator('input[data-import-saved]').setInputFiles(bad);
    const items = page.locator('[data-import-problems] li');
    await items.first().waitFor();
    const problems = await items.allTextContents();
    const expected = [
      [/entry 2 “too fast”, scenario\.values\.gdp: 99 is out of range; allowed: 0 to 15/],
      [/entry 3 “text”, scenario\.values\.gdp: "6" is not a number/],
      [/entry 4 “typo”, scenario\.values\.gpd: unknown parameter/],
      [/entry 5 “bad A”, pinned\.preset: unknown preset "nope"/],
      [/entry 6 “undated”, saved_at: missing/],
      [/entry 7 “ok”, name: entry 1 has the same name/],
      // A format-1 link without `v=`: read, with a warning that it does not say its model version.
      [/entry 8 “legacy”, link: this link does not say its model version/],
      [/entry 8 “legacy”, link: .*bogus/],
    ];
    assert.equal(problems.length, expected.length, `one line per problem:\n${problems.join('\n')}`);
    expected.forEach(([pattern], i) => assert.match(problems[i], pattern));

    await page.locator('li[data-saved="legacy"]').waitFor();
    assert.deepEqual(await savedNames(page), ['invest more', 'legacy', 'ok', 'slow, with A']);
    const stored = await storedEntries(page);
    assert.equal(stored.ok.scenario.values.gdp, 8, 'the first "ok" is the one imported');
    assert.equal(stored.legacy.format, 2, 'stored in format 2');
    assert.equal(stored.legacy.scenario.values.gdp, 6);
    for (const name of ['too fast', 'text', 'typo', 'bad A', 'undated']) assert.ok(!(name in stored), `${name} not imported`);
  });
});
