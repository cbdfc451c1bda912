// Saves a screenshot of one part of the built site, for looking at it as a user would:
// node tests/e2e/shot-part.mjs OUT.png FRAGMENT WIDTH SELECTOR [OPEN] (SELECTOR `viewport`: what a
// screen of HEIGHT pixels shows; WAIT: ms to wait after the first full run)
// OPEN, if given, is a selector of a <details> to open first. Not a test.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [out, fragment = '', width = '1280', selector = 'body', open = ''] = process.argv.slice(2);
const server = await serve(path.join(root, process.env.DIST_DIR || 'dist'), '/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(process.env.HEIGHT || 900) }, deviceScaleFactor: 1 });
  await page.goto(server.url + fragment);
  await page.waitForSelector('#app[data-state="ready"][data-precision="full"]', { timeout: 30000 });
  if (process.env.WAIT) await page.waitForTimeout(Number(process.env.WAIT));
  if (open) await page.$eval(open, (el) => { el.open = true; });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForTimeout(300);
  if (selector === 'viewport') await page.screenshot({ path: out });
  else await page.locator(selector).first().screenshot({ path: out });
} finally {
  await browser.close();
  await server.close();
}
