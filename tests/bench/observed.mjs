// What observed years cost the engine: the default scenario and the same with observed years,
// natively, interleaved round by round so that the machine's noise hits all alike. Prints a
// table for docs/BENCHMARKS.md. node tests/bench/observed.mjs [ROUNDS] (default 8); needs
// `cargo build --release --bin taijiang-sim` (NATIVE_BIN picks another binary).
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.NATIVE_BIN || join(root, 'target', 'release', 'taijiang-sim');
const rounds = Number(process.argv[2] || 8);
const scenarios = [
  ['none observed', ''],
  ['GDP 2021–2023 observed', '#o.gdp.2021=8&o.gdp.2022=4.7&o.gdp.2023=6'],
  ['GDP 2021–2025, income 2021–2022, air 2021–2022 observed',
    '#o.gdp.2021=8&o.gdp.2022=4.7&o.gdp.2023=6&o.gdp.2024=5.5&o.gdp.2025=5.5&o.income.2021=7.5&o.income.2022=6&o.air.2021=98&o.air.2022=97'],
];
const times = scenarios.map(() => []);
for (let round = 0; round < rounds; round++) {
  scenarios.forEach(([, link], i) => {
    const args = ['--bench', '10000', '2035', '20', ...(link ? [link] : [])];
    const out = execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    times[i].push(...JSON.parse(out.trim().split('\n').pop()).ms);
  });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const base = median(times[0]);
console.log('| scenario (10,000 paths, horizon 2035, native) | runs | median | min | ÷ none |');
console.log('| --- | --- | --- | --- | --- |');
scenarios.forEach(([name], i) => {
  const m = median(times[i]);
  console.log(`| ${name} | ${times[i].length} | ${m.toFixed(2)} ms | ${Math.min(...times[i]).toFixed(2)} ms | ${(m / base).toFixed(3)} |`);
});
