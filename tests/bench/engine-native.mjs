// The native engine alone, two or more builds of `taijiang-sim` side by side, in turn round by
// round so that the machine's noise hits all alike: 10,000 paths to 2035. For
// docs/BENCHMARKS.md, when only the engine changed (tests/bench/engine-wasm.mjs does the same
// for the wasm builds).
//
//   cargo build --release --bin taijiang-sim     # at each commit, the binary copied aside
//   node tests/bench/engine-native.mjs [ROUNDS] BIN ...    (default 8 rounds)
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 8;
if (args.length === 0) {
  console.error('usage: node tests/bench/engine-native.mjs [ROUNDS] BIN ...');
  process.exit(2);
}
const PER_ROUND = 10;
// The first runs of each process warm its tables and caches: left out.
const WARM = 2;
const times = new Map(args.map((bin) => [bin, []]));
for (let round = 0; round < rounds; round++) {
  for (const bin of args) {
    const out = execFileSync(bin, ['--bench', '10000', '2035', String(PER_ROUND)], { encoding: 'utf8' });
    times.get(bin).push(...JSON.parse(out).ms.slice(WARM));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log('| build (native, 10,000 paths to 2035) | runs | median | min |');
console.log('| --- | --- | --- | --- |');
for (const [bin, ms] of times) {
  console.log(`| ${bin} | ${ms.length} | ${median(ms).toFixed(2)} ms | ${Math.min(...ms).toFixed(2)} ms |`);
}
