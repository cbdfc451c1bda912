// Lighthouse on the built site, mobile defaults (a mid-range phone's CPU and a slow 4G network,
// simulated), the best of three runs: node tests/bench/lighthouse.mjs [RUNS]. Needs Lighthouse
// 12.2.3 (13 needs Node 22) at LIGHTHOUSE (default: `lighthouse` on the PATH); .ci/bench installs
// it. Serves dist/ itself and drives Debian's Chromium. Prints a table for docs/BENCHMARKS.md.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.argv[2] || 3);
const lighthouse = process.env.LIGHTHOUSE || 'lighthouse';
const server = await serve(join(root, 'dist'), '/');
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
    // Asynchronous: the site is served from this very process, which must stay free to answer.
    await promisify(execFile)(lighthouse, [
      server.url,
      '--output=json', `--output-path=${out}`, '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000 });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const audit = (id) => report.audits[id]?.numericValue;
    results.push({
      performance: report.categories.performance.score,
      accessibility: report.categories.accessibility.score,
      bestPractices: report.categories['best-practices'].score,
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      tti: audit('interactive'),
      bytes: audit('total-byte-weight'),
      failing: Object.values(report.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['accessibility', 'best-practices'].some((c) => report.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0)))
        .map((a) => a.id),
    });
  }
} finally {
  await server.close();
}
const best = results.reduce((a, b) => (b.performance > a.performance ? b : a));
const ms = (x) => `${(x / 1000).toFixed(2)} s`;
console.log('| run | performance | FCP | LCP | TBT | CLS | TTI | transferred | accessibility | best practices |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
results.forEach((r, i) => console.log(`| ${i + 1}${r === best ? ' (best)' : ''} | ${r.performance.toFixed(2)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${ms(r.tti)} | ${Math.round(r.bytes / 1024)} KiB | ${r.accessibility.toFixed(2)} | ${r.bestPractices.toFixed(2)} |`));
if (best.failing.length) console.log(`\nNot passed (accessibility, best practices): ${best.failing.join(', ')}`);
