// The JavaScript reference (tests/bench/reference.js) against the native engine: an independent
// implementation of the model, with its own random numbers, must give the engine's probability
// of every target, and of all targets met together, within Monte Carlo error. No browser: the
// reference runs in Node, the engine is the native CLI (`taijiang-sim '#…'`).
//
// For each scenario both sides run PATHS paths (REFERENCE_PATHS overrides it). The two estimates
// are independent, so their difference has a standard error of √(se_ref² + se_engine²); each
// must lie within AGREEMENT_SES of them, plus half a unit of the CLI's fourth decimal. The seeds
// are fixed, so the outcome is the same on every run. The scenarios between them move every
// lever of model version 3 (see SCENARIOS), each where the targets' probabilities depend on it:
// a reference that left any of them out, or got one wrong, would disagree by many SEs.
//
// The binary: NATIVE_BIN if set (relative to the repo root, or absolute), else the newer of
// target/release/taijiang-sim and target/debug/taijiang-sim (release when both are as new:
// `cargo test` rebuilds the debug one, and an older release one would test an older engine).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { nativeBinary, REPO_ROOT } from './helpers.mjs';

const REFERENCE = join(REPO_ROOT, 'tests', 'bench', 'reference.js');
// The scenario's parameters: src/scenario.rs, or a file of the module src/scenario/.
const SCENARIO_SOURCES = [
  join(REPO_ROOT, 'src', 'scenario.rs'),
  ...(existsSync(join(REPO_ROOT, 'src', 'scenario'))
    ? readdirSync(join(REPO_ROOT, 'src', 'scenario'))
        .filter((name) => name.endsWith('.rs'))
        .sort()
        .map((name) => join(REPO_ROOT, 'src', 'scenario', name))
    : []),
];

const PATHS = Number(process.env.REFERENCE_PATHS || 20_000);
/** The model version the reference implements; the links to the CLI name it. */
const MODEL_VERSION = 3;
const SEED = 2021;
const HORIZON_YEAR = 2025;
const AGREEMENT_SES = 4;
/** The CLI prints 4 decimals: its numbers are within this of what the engine computed. */
const PRINT_ROUNDING = 0.5e-4;

// The plan's targets, in the engine's order (src/plan.rs, TargetId::ALL).
const TARGET_IDS = [
  'gdp',
  'income',
  'income_sync',
  'hightech',
  'air',
  'green_ratio',
  'green_cover',
  'preschool',
  'culture_star',
  'culture_trip',
];

// Links' fragments, the scenario's keys only: the test puts `v=3&` before each (and the paths and
// seed after), without a checksum (the CLI then says on stderr that the checksum is missing, and
// reads the link as it is). A choice is written by its name, as a link writes it. Most set
// ht_push, so that the high-tech target is not all but missed and P(all met) is not ~0.
const SCENARIOS = [
  // Version 3's defaults: ICOR 7, rebound 0.5, "in step" one-sided (income lagging GDP by at most
  // 1 point: P ≈ 1), the income target real, the green ratios' deviations (τ 0.03, φ 0.5, c 0.7).
  { name: 'the default scenario', fragment: '' },
  // Investment with its lag: 150 亿元/yr at an ICOR of 4 adds ~6 points of growth from 2022 on,
  // under a 3 % trend, so P(GDP) ≈ 0.42 (it would be ~0.9 if investment acted in 2021 too); a
  // rebound of 0.9 after frequent, deep downturns (a default rebound moves P(GDP) by ~30 SEs);
  // downturns that also cut certifications and new green space hard.
  {
    name: 'investment from the year after, a strong rebound, a downturn-heavy world',
    fragment: 'gdp=3&inv=150&icor=4&rebound=0.9&shock_p=25&shock_s=8&dt_ht=50&dt_green=60&ht_push=40',
  },
  // "In step" two-sided with a narrow tolerance: income (~8 %) and GDP (~7.5 %) within 0.6 points
  // of each other, P ≈ 0.53 (one-sided it would be ≈ 1).
  { name: '"in step" read two-sided', fragment: 'sync_rule=two_sided&sync_tol=0.6&ht_push=40' },
  // The income target read as nominal with a 4 % deflator: a real rate of 100·(1.08/1.04 − 1)
  // = 3.85 % against income growing ~4 % (P ≈ 0.48; read real, ≈ 0; deflated as 8 − 4, ~12 SEs
  // off). Income is close to GDP (~4 % each) so that the one-sided default (lag ≤ 0.2 point,
  // P ≈ 0.69) differs from two-sided (P ≈ 0.2).
  {
    name: 'the income target nominal with a deflator, "in step" one-sided with income close to GDP',
    fragment: 'gdp=4&inc=6.8&sync_tol=0.2&inc_basis=nominal&deflator=4&ht_push=40',
  },
  // The green ratios' own deviations, wide (τ 0.2, φ 0.8) and weakly correlated (c 0.3), both
  // ratios planted a little above their targets (P ≈ 0.63 and 0.60), every other target all but
  // sure: P(all met) is then P(both green ratios met), ≈ 0.43 (≈ 0.50 at the default c = 0.7).
  {
    name: "the green ratios' deviations, weakly correlated, decide P(all met)",
    fragment:
      'green_dev=0.2&green_phi=0.8&green_corr=0.3&gr0=20.5&gc0=35.5&gdp=12&inc=13&ht_push=60&air0=99.5&air_vol=0.1&pre0=98&cs0=99&ct0=99',
  },
  { name: 'the doubling plan pushed, more green space, air as a random walk', fragment: 'ht_push=40&green=12&air_phi=1' },
  // What the others leave at their defaults: a trend off the plan's 7.5 % (income's version-2
  // term), modest investment at the default ICOR, the GDP target's tolerance, R&D, the high-tech
  // base and lapses, a growing built-up area (the two green ratios then differ), the shares'
  // persistence.
  {
    name: 'slower trend with investment, a growing city, other persistences',
    fragment:
      'gdp=6.5&inv=40&gdp_tol=0.2&rd=14&ht0=250&lapse=12&ht_push=30&green=10&built_growth=1&green_vol=0.6&pre_phi=0.3&cult_phi=1&cult_drift=0.25',
  },
];

// ---------------------------------------------------------------------------------------------
// The reference, in a context of its own

const reference = vm.createContext({});
vm.runInContext(readFileSync(REFERENCE, 'utf8'), reference, { filename: REFERENCE });

/** A value of a link as a number: a choice's name as its index, anything else as written. */
function linkNumber(key, text) {
  const names = reference.referenceChoices[key];
  return names?.includes(text) ? names.indexOf(text) : Number(text);
}

/** The reference's run of a fragment's scenario: referenceRun(…) with the fragment's values. */
function referenceRun(fragment, seed = SEED) {
  const params = Object.fromEntries([...new URLSearchParams(fragment)].map(([key, value]) => [key, linkNumber(key, value)]));
  return reference.referenceRun(PATHS, HORIZON_YEAR, seed, params);
}

// ---------------------------------------------------------------------------------------------
// The native engine


/**
 * The engine's run of a fragment's scenario at PATHS paths: the link it echoes and, by key, the
 * `key<tab>probability=P<tab>stderr=SE` lines (every target, and `all_met` if the CLI prints it)
 * and `expected_met<tab>value=V<tab>stderr=SE` if it prints that. Standard error (the notice
 * about the link's missing checksum) is not read.
 */
function engineRun(fragment) {
  const { path, stale } = nativeBinary();
  const link = `#v=${MODEL_VERSION}&${fragment}${fragment ? '&' : ''}paths=${PATHS}&seed=${SEED}`;
  let out;
  try {
    out = execFileSync(path, [link], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 });
  } catch (error) {
    assert.fail(`${relative(REPO_ROOT, path)} '${link}' failed: ${error.message}`);
  }
  const lines = {};
  for (const [, key, kind, value, stderr] of out.matchAll(/^(\w+)\t(probability|value)=([\d.]+)\tstderr=([\d.]+)$/gm)) {
    lines[key] = { [kind]: Number(value), stderr: Number(stderr) };
  }
  const echo = new URLSearchParams(out.split('\n')[0].replace(/^#/, ''));
  return { binary: relative(REPO_ROOT, path), stale, link, echo, lines, out };
}

// ---------------------------------------------------------------------------------------------
// Agreement

/**
 * One comparison: the two estimates, the allowed difference, whether it holds, and the
 * difference in standard errors of the difference (NaN where both are 0 ± 0 or 1 ± 0).
 */
function compare(key, ref, engine, field = 'probability') {
  if (!ref || !engine) return { key, ref: ref?.[field] ?? NaN, engine: engine?.[field] ?? NaN, allowed: NaN, ses: NaN, ok: false, missing: true };
  const se = Math.hypot(ref.stderr, engine.stderr);
  const allowed = AGREEMENT_SES * se + PRINT_ROUNDING;
  const difference = Math.abs(ref[field] - engine[field]);
  const ses = se > 0 ? difference / se : NaN;
  return { key, ref: ref[field], engine: engine[field], allowed, difference, ses, ok: difference <= allowed };
}

/** The comparisons as a text table; `columns` names the two estimates. */
function table(rows, columns = ['reference', 'engine']) {
  const f = (x, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
  const head = `${'target'.padEnd(14)} ${columns[0].padStart(10)} ${columns[1].padStart(10)} ${'|diff|'.padStart(8)} ${'allowed'.padStart(8)} ${'|diff|/SE'.padStart(9)}`;
  return [
    head,
    ...rows.map((r) =>
      `${r.key.padEnd(14)} ${f(r.ref).padStart(10)} ${f(r.engine).padStart(10)} ${f(r.difference).padStart(8)} ${f(r.allowed).padStart(8)} ${f(r.ses, 2).padStart(9)}${r.ok ? '' : r.missing ? '  missing on one side' : '  DISAGREES'}`,
    ),
  ].join('\n');
}

/** The Rust source file that holds the PARAMS table, and its text. */
function paramsSource() {
  for (const file of SCENARIO_SOURCES.filter((path) => existsSync(path))) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('pub const PARAMS')) return { file: relative(REPO_ROOT, file), text };
  }
  return assert.fail(`no \`pub const PARAMS\` in ${SCENARIO_SOURCES.map((path) => relative(REPO_ROOT, path)).join(', ')}`);
}

test('the reference knows every parameter of the engine, with the same defaults and choices', () => {
  // Read from the PARAMS table (src/scenario.rs, or src/scenario/): a number is
  // spec(Param::…, "key", …, (min, max, step), default, integer, …); a choice between readings is
  // choice(Param::…, "key", (labels), &["name of 0", "name of 1", …], …), whose default is 0
  // (`const fn choice` sets it: the first name).
  const { file, text } = paramsSource();
  const params = text.slice(text.indexOf('pub const PARAMS'));
  const engine = {};
  const choices = {};
  for (const chunk of params.split(/(?=\b(?:spec|choice)\(Param::)/).slice(1)) {
    const [, kind, key] = chunk.match(/^(spec|choice)\(Param::\w+,\s*"(\w+)"/) ?? [];
    assert.ok(key, `could not read a row of PARAMS in ${file}: ${chunk.slice(0, 80)}`);
    if (['paths', 'horizon', 'seed'].includes(key)) continue; // arguments of the reference
    if (kind === 'choice') {
      const names = chunk.match(/&\[([^\]]*)\]/);
      assert.ok(names, `could not read the choices of ${key} in ${file}`);
      choices[key] = [...names[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
      engine[key] = 0;
      continue;
    }
    const range = chunk.match(/\(\s*(-?[\d_.]+),\s*(-?[\d_.]+),\s*(-?[\d_.]+)\s*\),\s*(-?[\d_.]+),\s*(?:true|false)\s*,/);
    assert.ok(range, `could not read the default of ${key} in ${file}`);
    engine[key] = Number(range[4].replaceAll('_', ''));
  }
  assert.ok(Object.keys(engine).length >= 40, `read ${Object.keys(engine).length} parameters from ${file}`);
  assert.deepEqual({ ...reference.referenceDefaults }, engine, `tests/bench/reference.js DEFAULTS against ${file} PARAMS`);
  assert.deepEqual(
    Object.fromEntries(Object.entries(reference.referenceChoices).map(([key, names]) => [key, [...names]])),
    choices,
    `tests/bench/reference.js CHOICES against the choices of ${file} PARAMS`,
  );
});

for (const { name, fragment } of SCENARIOS) {
  test(`${name}: the reference agrees with the engine on every target and on all met together`, (t) => {
    const engine = engineRun(fragment);
    const ref = referenceRun(fragment);

    // The engine ran the scenario asked for: every value that differs from the default is in
    // the link it echoes.
    assert.equal(engine.echo.get('v'), String(MODEL_VERSION), `${engine.binary} '${engine.link}' echoed ${engine.out.split('\n')[0]}`);
    for (const [key, value] of new URLSearchParams(fragment)) {
      if (linkNumber(key, value) === reference.referenceDefaults[key]) continue;
      assert.equal(
        linkNumber(key, engine.echo.get(key)),
        linkNumber(key, value),
        `${engine.binary} '${engine.link}' echoed ${engine.out.split('\n')[0]}`,
      );
    }

    const rows = TARGET_IDS.map((id) => compare(id, ref.targets[id], engine.lines[id]));
    const joint = engine.lines.all_met !== undefined;
    if (joint) {
      rows.push(compare('all_met', ref.all_met, engine.lines.all_met));
    }
    if (engine.lines.expected_met) {
      rows.push(compare('expected_met', ref.expected_met, engine.lines.expected_met, 'value'));
    }
    const largest = rows.filter((r) => Number.isFinite(r.ses)).reduce((a, b) => (b.ses > a.ses ? b : a), { key: '—', ses: 0 });
    const report =
      `${PATHS} paths each, seed ${SEED}; ${engine.binary} '${engine.link}'${engine.stale}\n${table(rows)}\n` +
      `largest |diff|/SE: ${largest.ses.toFixed(2)} (${largest.key})`;
    report.split('\n').forEach((line) => t.diagnostic(line));

    // The reference's joint numbers are consistent with its own targets: the expected number
    // met is the sum of the probabilities, P(all met) at most the smallest, the distribution
    // sums to 1.
    const sum = TARGET_IDS.reduce((total, id) => total + ref.targets[id].probability, 0);
    assert.ok(Math.abs(ref.expected_met.value - sum) < 1e-9, `reference: expected_met ${ref.expected_met.value} against Σp ${sum}`);
    const smallest = Math.min(...TARGET_IDS.map((id) => ref.targets[id].probability));
    assert.ok(ref.all_met.probability <= smallest, `reference: P(all met) ${ref.all_met.probability} above the least likely target's ${smallest}`);
    assert.ok(Math.abs(ref.met_distribution.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'reference: the distribution of the number met sums to 1');
    assert.equal(ref.met_distribution.length, TARGET_IDS.length + 1);

    assert.deepEqual(
      rows.filter((r) => !r.ok).map((r) => r.key),
      [],
      `the reference disagrees with the engine (a target missing on either side counts as a disagreement):\n${report}`,
    );

    if (!joint) {
      // The CLI does not print P(all met): the reference's own estimate at another seed must
      // agree with it instead, a check of its joint bookkeeping only.
      const other = referenceRun(fragment, SEED + 1);
      const check = compare('all_met', ref.all_met, other.all_met);
      const seeds = table([check], [`seed ${SEED}`, `seed ${SEED + 1}`]);
      t.diagnostic('the engine printed no all_met line; the reference at two seeds:');
      seeds.split('\n').forEach((line) => t.diagnostic(line));
      assert.ok(check.ok, `P(all met) of the reference at two seeds:\n${seeds}`);
    }
  });
}
