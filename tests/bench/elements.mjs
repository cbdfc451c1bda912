// How many elements the page's app holds once its first full run is shown, as a phone opens it
// (412 px), and how many of them each folded panel and the printed sheet hold. Not a test:
// node tests/bench/elements.mjs (after trunk build --release). Quoted in docs/BENCHMARKS.md.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchBrowser } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const server = await serve(path.join(root, 'dist'), '/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await page.goto(server.url);
  await page.waitForSelector('#app[data-state="ready"][data-precision="full"]');
  const counts = await page.evaluate(() => {
    const count = (element) => (element ? element.querySelectorAll('*').length : 0);
    const out = { 'the app': count(document.getElementById('app')) };
    for (const selector of ['details.assumptions', 'details.observed', 'details.base-values', 'details.chart-data', '[data-print-sheet]']) {
      out[selector] = [...document.querySelectorAll(selector)].reduce((sum, element) => sum + count(element), 0);
    }
    return out;
  });
  for (const [what, n] of Object.entries(counts)) console.log(`${what}\t${n}`);
} finally {
  await browser.close();
  await server.close();
}
