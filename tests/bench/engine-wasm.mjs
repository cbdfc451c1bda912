// The engine in WebAssembly alone, one or more builds of the benchmark page side by side,
// interleaved round by round so that the machine's noise hits all alike: 10,000 paths to 2035
// (and the floor). For docs/BENCHMARKS.md, when only the engine changed.
//
//   trunk build tests/bench/index.html --release --dist dist-bench
//   node tests/bench/engine-wasm.mjs [ROUNDS] [DIR ...]     (default 8 rounds, dist-bench)
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rounds = Number(process.argv[2] || 8);
const dirs = process.argv.length > 3 ? process.argv.slice(3) : ['dist-bench'];
const PATHS = 10_000;
const HORIZON = 2035;
const PER_ROUND = 10;

const browser = await launchBrowser();
const pages = [];
for (const dir of dirs) {
  const site = await serve(resolve(root, dir), '/');
  const page = await (await browser.newContext()).newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => typeof window.wasmBindings?.bench_engine === 'function', null, {
    timeout: 30_000,
  });
  // Warm-up: the tables and the compiler's tiers.
  await page.evaluate(([p, h]) => window.wasmBindings.bench_engine(p, h, 5), [PATHS, HORIZON]);
  pages.push({ dir, page, site, engine: [], floor: [] });
}
for (let round = 0; round < rounds; round++) {
  for (const entry of pages) {
    const [engine, floor] = await entry.page.evaluate(
      ([p, h, r]) => [
        Array.from(window.wasmBindings.bench_engine(p, h, r)),
        Array.from(window.wasmBindings.bench_floor(p, h, r)),
      ],
      [PATHS, HORIZON, PER_ROUND],
    );
    entry.engine.push(...engine);
    entry.floor.push(...floor);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(`| build (wasm, ${PATHS.toLocaleString('en')} paths to ${HORIZON}) | runs | median | min | floor median |`);
console.log('| --- | --- | --- | --- | --- |');
for (const { dir, engine, floor } of pages) {
  console.log(
    `| ${dir} | ${engine.length} | ${median(engine).toFixed(2)} ms | ${Math.min(...engine).toFixed(2)} ms | ${median(floor).toFixed(2)} ms |`,
  );
}
await browser.close();
for (const { site } of pages) await site.close?.();
process.exit(0);
