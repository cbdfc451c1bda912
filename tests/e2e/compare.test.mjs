// Comparing scenarios: every change against the plan's own scenario until A is pinned, then
// against A; Δ paired path by path, with its standard error; the pair in the link; the same
// numbers as the native engine's `--compare`.

import assert from 'node:assert/strict';
import {
  appTest,
  linkPairs,
  nativeDefault,
  nativeRun,
  pressOnSlider,
  runNative,
  signLink,
  snapshot,
  useBrowser,
  waitCompared,
  waitReady,
  writtenLink,
} from './helpers.mjs';

const getBrowser = useBrowser();

// The plan's own scenario (the default link) as the native engine computes it: the baseline of
// every comparison until A is pinned, with the same seed and paths.
const { targets: PLAN } = nativeDefault();

// The doubling plan's push that puts the high-tech target within reach but not certain (at the
// defaults no path meets it, so it could not show that a lever leaves it alone, or any noise).
const PUSH = 30;

const WORDS = {
  zh: { up: '上升', down: '下降', noise: '在随机误差内', none: '无变化' },
  en: { up: 'up', down: 'down', noise: 'within noise', none: 'no change' },
};
const CHANGES = Object.keys(WORDS.en);

/** The language's part of a link: nothing for Chinese (the default). */
const langSuffix = (lang) => (lang === 'en' ? '&lang=en' : '');

/** The rows by target id. */
const byTarget = (rows) => Object.fromEntries(rows.map((row) => [row.target, row]));

/**
 * What holds for every compared row whatever the scenarios: 4 decimals, Δ = B − A to the
 * rounding (same seed and paths: the paired Δ over all paths is exactly the difference), the
 * change one of four and said in words in the page's language.
 */
function assertRowsConsistent(rows, lang) {
  assert.equal(rows.length, 10, 'ten target rows');
  for (const row of rows) {
    for (const key of ['probability', 'stderr', 'probabilityA', 'probabilityB', 'deltaStderr']) {
      assert.match(row[key], /^\d\.\d{4}$/, `${row.target}: ${key} ${row[key]} is 4 decimals`);
    }
    assert.match(row.delta, /^-?\d\.\d{4}$/, `${row.target}: delta ${row.delta} is 4 decimals`);
    const [a, b, delta] = [row.probabilityA, row.probabilityB, row.delta].map(Number);
    assert.ok(Math.abs(delta - (b - a)) <= 0.0001 + 1e-9, `${row.target}: Δ ${delta} ≠ B ${b} − A ${a}`);
    assert.ok(CHANGES.includes(row.change), `${row.target}: data-change="${row.change}"`);
    assert.equal(row.words, WORDS[lang][row.change], `${row.target}: the change in words (${lang})`);
    if (row.change === 'none') {
      assert.equal(row.delta, '0.0000', `${row.target}: no change, yet Δ ${row.delta}`);
      assert.equal(row.deltaStderr, '0.0000', `${row.target}: no change, yet a standard error`);
    }
  }
}

/** The link of A alone, out of a link that pins it (`a=<preset|custom>`, `a.<key>=…`). */
function linkOfA(hash) {
  const pairs = linkPairs(hash);
  const label = pairs.find(([key]) => key === 'a')?.[1];
  const values = pairs.filter(([key]) => key.startsWith('a.')).map(([key, value]) => `${key.slice(2)}=${value}`);
  const preset = label && label !== 'custom' ? [`preset=${label}`] : [];
  return `#${[...preset, ...values].join('&')}`;
}

/**
 * The native engine's comparison of two links (`taijiang-sim --compare A B`), by target id:
 * { probabilityA, probabilityB, delta, deltaStderr, change }.
 */
function nativeCompare(linkA, linkB) {
  const out = runNative(['--compare', linkA, linkB]).stdout;
  const rows = {};
  for (const line of out.split('\n')) {
    const fields = line.split('\t');
    if (fields.length < 6 || !fields[1].startsWith('probability_a=')) continue;
    const value = (name) => fields.find((f) => f.startsWith(`${name}=`)).slice(name.length + 1);
    rows[fields[0]] = {
      probabilityA: value('probability_a'),
      probabilityB: value('probability_b'),
      delta: value('delta'),
      deltaStderr: value('delta_stderr'),
      change: fields[5].toLowerCase(),
    };
  }
  assert.equal(Object.keys(rows).length, 10, `the native comparison lists every target:\n${out}`);
  // And the whole: all met together, and the number met on average.
  for (const line of out.split('\n')) {
    const fields = line.split('\t');
    if (fields[0] !== 'all_met' && fields[0] !== 'expected_met') continue;
    const value = (name) => fields.find((f) => f.startsWith(`${name}=`)).slice(name.length + 1);
    rows[fields[0]] = { a: value('a'), b: value('b'), delta: value('delta'), deltaStderr: value('delta_stderr') };
  }
  return rows;
}

/** The page's comparison equals the native engine's, target by target, to the last digit. */
function assertMatchesNative(rows, linkA, linkB) {
  const native = nativeCompare(linkA, linkB);
  assert.ok(native.all_met && native.expected_met, 'the CLI says how the whole moved');
  for (const row of rows) {
    const { probabilityA, probabilityB, delta, deltaStderr, change } = row;
    assert.deepEqual(
      { probabilityA, probabilityB, delta, deltaStderr, change },
      native[row.target],
      `${row.target}: the page against \`taijiang-sim --compare '${linkA}' '${linkB}'\``,
    );
  }
}

for (const lang of ['zh', 'en']) {
  appTest(`against the plan until A is pinned, then against A; the pair survives the link (${lang})`, getBrowser, async (h, t) => {
    const url = await h.serve('/');
    // A written link (v=3 and its checksum): no notice.
    const page = await h.open(`${url}${writtenLink(`#gdp=7&ht_push=${PUSH}${langSuffix(lang)}`)}`);
    assert.deepEqual((await snapshot(page)).notices, [], 'a written link shows no notice');
    const plain = await waitCompared(page, { compare: 'plan' });

    await t.test('gdp=7 with the push against the plan: every row compared, the plan as A, gdp down, high-tech up', () => {
      assertRowsConsistent(plain, lang);
      for (const row of plain) {
        assert.equal(row.probabilityA, PLAN[row.target].probability, `${row.target}: A is the plan's own run`);
      }
      const rows = byTarget(plain);
      assert.equal(rows.gdp.change, 'down', 'a slower trend makes the GDP target less likely');
      assert.ok(Number(rows.gdp.delta) < 0, `gdp Δ ${rows.gdp.delta}`);
      assert.equal(rows.hightech.change, 'up', 'the doubling plan\'s push makes the high-tech target likelier');
      const hightech = Number(rows.hightech.probability);
      assert.ok(hightech > 0.2 && hightech < 0.95, `high-tech uncertain with the push: ${hightech}`);
      for (const id of ['air', 'culture_star']) assert.equal(rows[id].change, 'none', `${id} does not depend on the GDP trend`);
    });

    await t.test('the paired standard error is below the independent one', () => {
      const { gdp } = byTarget(plain);
      const paired = Number(gdp.deltaStderr);
      const independent = Math.hypot(Number(PLAN.gdp.stderr), Number(gdp.stderr));
      assert.ok(paired > 0, 'some paths changed their outcome');
      assert.ok(paired < independent, `paired SE ${paired} < independent √(seA² + seB²) ${independent.toFixed(4)}`);
    });

    await t.test('the native engine gives the same comparison', () => {
      assertMatchesNative(plain, '#', page.url().slice(page.url().indexOf('#')));
    });

    // Pin what is on screen as A: B = A until something moves.
    await page.locator('button[data-pin]').click();
    const same = await waitCompared(page, { compare: 'pinned', fragment: { a: 'custom' } });
    for (const row of same) {
      assert.equal(row.probabilityA, row.probability, `${row.target}: A is the scenario just pinned`);
      assert.equal(row.change, 'none', `${row.target}: nothing moved yet`);
    }

    // The real gesture: ArrowRight ×10 on the investment slider (each press is a `change`).
    await pressOnSlider(page, 'inv', 'ArrowRight', 10);
    const moved = await waitCompared(page, { compare: 'pinned', fragment: { inv: '50' }, sliders: { inv: '50' } });
    const before = byTarget(plain);

    await t.test('after a move, every row compares B with the pinned A', () => {
      assertRowsConsistent(moved, lang);
      for (const row of moved) {
        assert.equal(row.probabilityA, before[row.target].probability, `${row.target}: A is still gdp=7`);
      }
      const rows = byTarget(moved);
      assert.equal(rows.gdp.change, 'up', 'investment makes the GDP target more likely than A');
      assert.ok(Number(rows.gdp.delta) > 0);
      assert.equal(rows.hightech.change, 'none', 'investment does not move the high-tech count');
      assert.equal(rows.hightech.probability, before.hightech.probability, 'high-tech: the same paths, the same outcomes');
    });

    // The reader looks at another target's distribution: the link keeps that too.
    await page.locator('button[data-select-target="air"]').click();
    const { hash } = await waitReady(page, { fragment: { target: 'air' } });
    await t.test('the link holds v, what differs, A as a=custom and a.gdp, the target, the language, and a checksum', () => {
      const pairs = linkPairs(hash);
      const [key, ck] = pairs.at(-1);
      assert.equal(key, 'ck', `the link ends with its checksum: ${hash}`);
      assert.match(ck, /^[0-9a-f]{6}$/);
      const expected = [
        ['v', '3'], ['gdp', '7'], ['inv', '50'], ['ht_push', String(PUSH)],
        ['a', 'custom'], ['a.gdp', '7'], ['a.ht_push', String(PUSH)], ['target', 'air'],
      ];
      if (lang === 'en') expected.push(['lang', 'en']);
      assert.deepEqual(pairs.slice(0, -1), expected, `only what differs from the defaults: ${hash}`);
    });

    await t.test('the native engine gives the same comparison of A and B', () => {
      assert.equal(linkOfA(hash), `#gdp=7&ht_push=${PUSH}`);
      assertMatchesNative(moved, linkOfA(hash), hash);
    });

    await t.test('the whole compared too: the headline names A, targets met together show A → B with Δ', async () => {
      const native = nativeCompare(linkOfA(hash), hash);
      for (const which of ['all_met', 'expected_met']) {
        const cell = page.locator(`[data-together-moved="${which === 'all_met' ? 'all' : 'expected'}"]`);
        const shown = {
          a: await cell.getAttribute('data-a'),
          b: await cell.getAttribute('data-b'),
          delta: await cell.getAttribute('data-delta'),
          deltaStderr: await cell.getAttribute('data-delta-stderr'),
        };
        assert.deepEqual(shown, native[which], `${which}: the page against the CLI`);
        assert.match(await cell.textContent(), /^A .* → B /);
      }
      assert.match(await page.textContent('[data-headline]'), lang === 'zh' ? /^B:.*\(A:/ : /^B: .*\(A: /);
      assert.match(await page.textContent('[data-moved-joint]'), lang === 'zh' ? /全部目标同时实现:A / : /All targets at once: A /);
      const bars = await page.$$eval('[data-met-count]', (els) => els.map((el) => el.getAttribute('data-share-a')));
      assert.equal(bars.length, 11);
      assert.ok(bars.every((share) => /^\d\.\d{4}$/.test(share)), `A's share on every bar: ${bars}`);
    });

    await t.test('the link reopened in a fresh page gives every row the same data-*', async () => {
      const fresh = await h.open(page.url());
      const reopened = await waitCompared(fresh, { compare: 'pinned' });
      assert.deepEqual(reopened, moved);
      assert.deepEqual((await snapshot(fresh)).notices, [], 'a whole link shows no notice');
      assert.equal(await fresh.getAttribute('canvas[data-chart="histogram"]', 'data-histogram-target'), 'air');
      assert.equal(await fresh.getAttribute('button[data-select-target="air"]', 'aria-pressed'), 'true');
    });

    // Unpin: back to the plan as the baseline, B as it was.
    await page.locator('button[data-unpin]').click();
    const unpinned = await waitCompared(page, { compare: 'plan' });

    await t.test('unpinned: compared with the plan again, and A leaves the link', async () => {
      assertRowsConsistent(unpinned, lang);
      for (const row of unpinned) {
        assert.equal(row.probabilityA, PLAN[row.target].probability, `${row.target}: A is the plan again`);
        assert.equal(row.probability, byTarget(moved)[row.target].probability, `${row.target}: B did not change`);
      }
      await page.waitForFunction(() => !/[#&]a[=.]/.test(location.hash));
      const keys = linkPairs((await snapshot(page)).hash).map(([k]) => k);
      assert.deepEqual(keys, ['v', 'gdp', 'inv', 'ht_push', 'target', ...(lang === 'en' ? ['lang'] : []), 'ck']);
    });
  });

  appTest(`different seeds are compared as independent runs, mostly within noise (${lang})`, getBrowser, async (h) => {
    const url = await h.serve('/');
    // A = the push (seed 2021), B = the same scenario with another seed: nothing but noise. With
    // the push every target is uncertain, so every one has paths to differ on.
    const scenario = `ht_push=${PUSH}`;
    const { targets: A } = nativeRun(`#${scenario}`);
    const page = await h.open(`${url}${signLink(`v=3&${scenario}&seed=2022&a=custom&a.${scenario}${langSuffix(lang)}`)}`);
    assert.deepEqual((await snapshot(page)).notices, [], 'a written link shows no notice');
    const rows = await waitCompared(page, { compare: 'pinned' });
    assertRowsConsistent(rows, lang);
    for (const row of rows) {
      assert.equal(row.probabilityA, A[row.target].probability, `${row.target}: A is the push at seed 2021`);
      // Independent estimates: the variances add.
      const independent = Math.hypot(Number(row.stderr), Number(A[row.target].stderr));
      assert.ok(
        Math.abs(Number(row.deltaStderr) - independent) <= 0.0001 + 1e-9,
        `${row.target}: SE ${row.deltaStderr} = √(seA² + seB²) ${independent.toFixed(4)}`,
      );
      assert.notEqual(row.change, 'none', `${row.target}: other paths, other outcomes`);
    }
    assert.ok(rows.some((row) => row.change === 'noise'), 'some row says it is within noise');
    assertMatchesNative(rows, `#${scenario}`, `#${scenario}&seed=2022${langSuffix(lang)}`);
  });
}

appTest('A pinned from a preset is named by it in the link, and B from another preset is compared with it', getBrowser, async (h) => {
  const url = await h.serve('/');
  const page = await h.open(`${url}#preset=downturn&lang=en`);
  await page.locator('button[data-pin]').click();
  await waitCompared(page, { compare: 'pinned', fragment: { a: 'downturn' } });
  await page.locator('button[data-preset="invest"]').click();
  const rows = await waitCompared(page, { compare: 'pinned', fragment: { preset: 'invest', inv: '50' } });
  const { hash } = await snapshot(page);
  assert.deepEqual(linkPairs(hash).slice(0, -1), [
    ['v', '3'], ['preset', 'invest'], ['inv', '50'],
    ['a', 'downturn'], ['a.vol', '2.5'], ['a.shock_p', '20'], ['a.shock_s', '6'],
    ['lang', 'en'],
  ]);
  assert.match(await page.locator('.compare-a').textContent(), /A harder world/);
  assertRowsConsistent(rows, 'en');
  assert.equal(byTarget(rows).gdp.change, 'up', 'investment in calmer times beats a harder world');
  assertMatchesNative(rows, linkOfA(hash), hash);

  const fresh = await h.open(page.url());
  assert.deepEqual(await waitCompared(fresh, { compare: 'pinned' }), rows);
  assert.match(await fresh.locator('.compare-a').textContent(), /A harder world/);
});

appTest('the one-line readings count what the rows show, in both languages', getBrowser, async (h, t) => {
  const url = await h.serve('/');
  for (const lang of ['zh', 'en']) {
    await t.test(lang, async () => {
      // The doubling plan pushed: one target (high-tech) up, none down, against the plan.
      const page = await h.open(`${url}${writtenLink(`#ht_push=${PUSH}${langSuffix(lang)}`)}`);
      const rows = await waitCompared(page, { compare: 'plan' });
      const count = (pred) => rows.filter(pred).length;
      const up = count((r) => r.change === 'up');
      const down = count((r) => r.change === 'down');
      const likely = count((r) => Number(r.probability) >= 0.8);
      const unlikely = count((r) => Number(r.probability) <= 0.2);
      const uncertain = rows.length - likely - unlikely;
      assert.deepEqual([up, down], [1, 0], 'high-tech up, nothing down');

      const headline = await page.locator('[data-headline]').textContent();
      // The targets that moved (the whole's line after them has numbers of its own).
      const joint = await page.locator('[data-moved-joint]').textContent();
      const moved = (await page.locator('[data-moved]').textContent()).replace(joint, '');
      const numbers = (text) => (text.match(/\d+/g) || []).map(Number);
      assert.deepEqual(numbers(headline), [10, likely, uncertain, unlikely], `headline: ${headline}`);
      assert.deepEqual(numbers(moved), [up, down], `moved line: ${moved}`);
      if (lang === 'zh') {
        assert.match(moved, /与规划情景相比/);
      } else {
        assert.match(moved, /^Compared with the plan's scenario/);
        // A count of one takes the singular.
        for (const text of [headline, moved]) assert.doesNotMatch(text, /\b1 (are|targets)\b/, `grammar: ${text}`);
      }
    });
  }
});
