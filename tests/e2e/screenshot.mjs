// Saves a screenshot of the built site: node tests/e2e/screenshot.mjs OUT.png [FRAGMENT] [WIDTH]
// Used for docs/screenshot.png; not a test.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [out = 'screenshot.png', fragment = '', width = '1280'] = process.argv.slice(2);
const server = await serve(path.join(root, process.env.DIST_DIR || 'dist'), '/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, deviceScaleFactor: 1 });
  await page.goto(server.url + fragment);
  await page.waitForSelector('#app[data-state="ready"][data-precision="full"]', { timeout: 30000 });
  // Charts are drawn when on screen; like printing, a full-page picture wants all of them.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
  await server.close();
}
