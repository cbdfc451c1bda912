// The JavaScript reference (tests/bench/reference.js) against the native engine: an independent
// implementation of the model, with its own random numbers, must give the engine's probability
// of every target, and of all targets met together, within Monte Carlo error. No browser: the
// reference runs in Node, the engine is the native CLI (`taijiang-sim '#…'`).
//
// For each scenario both sides run PATHS paths (REFERENCE_PATHS overrides it). The two estimates
// are independent, so their difference has a standard error of √(se_ref² + se_engine²); each
// must lie within AGREEMENT_SES of them, plus half a unit of the CLI's fourth decimal. The seeds
// are fixed, so the outcome is the same on every run.
//
// The binary: NATIVE_BIN if set (relative to the repo root, or absolute), else the newer of
// target/release/taijiang-sim and target/debug/taijiang-sim (release when both are as new:
// `cargo test` rebuilds the debug one, and an older release one would test an older engine).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { nativeBinary, REPO_ROOT } from './helpers.mjs';

const REFERENCE = join(REPO_ROOT, 'tests', 'bench', 'reference.js');
const SCENARIO_SOURCE = join(REPO_ROOT, 'src', 'scenario.rs');

const PATHS = Number(process.env.REFERENCE_PATHS || 20_000);
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

// Links' fragments without `v=` or a checksum (the CLI then says on stderr that the link names
// no model version, and uses it as it is).
const SCENARIOS = [
  { name: 'the default scenario', fragment: '' },
  { name: 'a downturn-heavy world', fragment: 'shock_p=25&shock_s=8&dt_ht=50&dt_green=60' },
  { name: 'the doubling plan pushed, more green space, air as a random walk', fragment: 'ht_push=40&green=12&air_phi=1' },
  // What the three above leave at their defaults: a trend off the plan's 7.5 % (income's
  // version-2 term), investment, the GDP target's tolerance, R&D, the high-tech base and lapses,
  // a growing built-up area (the two green ratios then differ), the shares' persistence.
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

/** The reference's run of a fragment's scenario: referenceRun(…) with the fragment's values. */
function referenceRun(fragment, seed = SEED) {
  const params = Object.fromEntries([...new URLSearchParams(fragment)].map(([key, value]) => [key, Number(value)]));
  return reference.referenceRun(PATHS, HORIZON_YEAR, seed, params);
}

// ---------------------------------------------------------------------------------------------
// The native engine


/**
 * The engine's run of a fragment's scenario at PATHS paths: the link it echoes and, by key, the
 * `key<tab>probability=P<tab>stderr=SE` lines (every target, and `all_met` if the CLI prints it)
 * and `expected_met<tab>value=V<tab>stderr=SE` if it prints that. Standard error (the notice
 * about the link's missing version) is not read.
 */
function engineRun(fragment) {
  const { path, stale } = nativeBinary();
  const link = `#${fragment}${fragment ? '&' : ''}paths=${PATHS}&seed=${SEED}`;
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

/** One comparison: the two estimates, the allowed difference and whether it holds. */
function compare(key, ref, engine, field = 'probability') {
  if (!ref || !engine) return { key, ref: ref?.[field] ?? NaN, engine: engine?.[field] ?? NaN, allowed: NaN, ok: false, missing: true };
  const allowed = AGREEMENT_SES * Math.hypot(ref.stderr, engine.stderr) + PRINT_ROUNDING;
  const difference = Math.abs(ref[field] - engine[field]);
  return { key, ref: ref[field], engine: engine[field], allowed, difference, ok: difference <= allowed };
}

/** The comparisons as a text table; `columns` names the two estimates. */
function table(rows, columns = ['reference', 'engine']) {
  const f = (x) => (Number.isFinite(x) ? x.toFixed(4) : '—');
  const head = `${'target'.padEnd(14)} ${columns[0].padStart(10)} ${columns[1].padStart(10)} ${'|diff|'.padStart(8)} ${'allowed'.padStart(8)}`;
  return [
    head,
    ...rows.map((r) =>
      `${r.key.padEnd(14)} ${f(r.ref).padStart(10)} ${f(r.engine).padStart(10)} ${f(r.difference).padStart(8)} ${f(r.allowed).padStart(8)}${r.ok ? '' : r.missing ? '  missing on one side' : '  DISAGREES'}`,
    ),
  ].join('\n');
}

test('the reference knows every parameter of the engine, with the same defaults', () => {
  // Read from src/scenario.rs's PARAMS table: spec(Param::…, "key", …, (min, max, step), default, integer, …).
  const source = readFileSync(SCENARIO_SOURCE, 'utf8');
  const params = source.slice(source.indexOf('pub const PARAMS'));
  const engine = {};
  for (const chunk of params.split('spec(Param::').slice(1)) {
    const key = chunk.match(/^\w+,\s*"(\w+)"/)?.[1];
    if (!key || ['paths', 'horizon', 'seed'].includes(key)) continue; // arguments of the reference
    const range = chunk.match(/\(\s*(-?[\d_.]+),\s*(-?[\d_.]+),\s*(-?[\d_.]+)\s*\),\s*(-?[\d_.]+),\s*(?:true|false)\s*,/);
    assert.ok(range, `could not read the default of ${key} in src/scenario.rs`);
    engine[key] = Number(range[4].replaceAll('_', ''));
  }
  assert.ok(Object.keys(engine).length >= 30, `read ${Object.keys(engine).length} parameters from src/scenario.rs`);
  assert.deepEqual({ ...reference.referenceDefaults }, engine, 'tests/bench/reference.js DEFAULTS against src/scenario.rs PARAMS');
});

for (const { name, fragment } of SCENARIOS) {
  test(`${name}: the reference agrees with the engine on every target and on all met together`, (t) => {
    const engine = engineRun(fragment);
    const ref = referenceRun(fragment);

    // The engine ran the scenario asked for: every value that differs from the default is in
    // the link it echoes.
    for (const [key, value] of new URLSearchParams(fragment)) {
      if (Number(value) === reference.referenceDefaults[key]) continue;
      assert.equal(Number(engine.echo.get(key)), Number(value), `${engine.binary} '${engine.link}' echoed ${engine.out.split('\n')[0]}`);
    }

    const rows = TARGET_IDS.map((id) => compare(id, ref.targets[id], engine.lines[id]));
    const joint = engine.lines.all_met !== undefined;
    if (joint) {
      rows.push(compare('all_met', ref.all_met, engine.lines.all_met));
    }
    if (engine.lines.expected_met) {
      rows.push(compare('expected_met', ref.expected_met, engine.lines.expected_met, 'value'));
    }
    const report = `${PATHS} paths each, seed ${SEED}; ${engine.binary} '${engine.link}'${engine.stale}\n${table(rows)}`;
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
