// Trunk's post-build hook. 0. Writes the default scenario's first screen into the page, and loads
// the app after it has painted. 1. Puts the Content-Security-Policy into the built index.html as a
// meta tag, so that a plain static server needs no configuration for it. The page may load only its
// own files; scripts only from its own origin and the inline scripts of this very build, by
// their SHA-256 (Trunk's module loader names this build's files, so its hash changes with each
// build); WebAssembly may compile ('wasm-unsafe-eval'); the engine's workers start from blob:
// URLs made by the page. Nothing may connect to, load from or post to another origin.
//
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR) with Node (installed by .ci/setup).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('post-build: no TRUNK_STAGING_DIR (run it as a Trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Only the app's page: the engine's benchmark page (tests/bench/index.html) is built by Trunk
// too, and must stay as built (no first screen, no policy against the benchmark's own scripts).
const pageSource = process.env.TRUNK_HTML_FILE;
if (pageSource && resolve(pageSource) !== join(root, 'index.html')) {
  console.log(`post-build: ${pageSource} is not the app's page; left as built`);
  process.exit(0);
}

// 0. The default scenario's first screen (src/prerender.rs), computed natively by this very
// source and written into the page, so that its numbers show before any WebAssembly loads. Its
// script (hashed below like every inline script) shows the reader's language, and for a link to
// another scenario keeps the layout with the numbers hidden.
const built = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'taijiang-sim'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('post-build: the native build for the first screen failed');
  process.exit(1);
}
const screen = spawnSync(join(root, 'target', 'release', 'taijiang-sim'), ['--prerender'], { encoding: 'utf8' });
if (screen.status !== 0 || !screen.stdout.includes('id="prerender"')) {
  console.error(`post-build: no first screen (${screen.stderr})`);
  process.exit(1);
}
const pick = readFileSync(join(root, 'assets', 'prerender.js'), 'utf8').trim();
const page = readFileSync(file, 'utf8');
if (!page.includes('<body>')) {
  console.error('post-build: no <body> to put the first screen in');
  process.exit(1);
}
const html = page.replace('<body>', `<body>\n${screen.stdout.trim()}\n<script>${pick}</script>`);
console.log(`post-build: the first screen, ${Buffer.byteLength(screen.stdout)} bytes`);

// 0b. The app loads after the first screen has painted: Trunk's preloads of the app's module and
// its WebAssembly go, and its loader imports the module once the first frame is on screen (from
// the next frame's callback: a frame's own callbacks run before it is painted, and a task queued
// from them could start the import before the paint; or after a quarter second, in a tab that
// draws no frames). On a slow network the first screen's numbers then never wait behind a
// megabyte they do not need, and the browser paints them first.
const loader = /import init, \* as bindings from '(\.\/[\w-]+\.js)';\nconst wasm = await init\(/;
const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/[\w-]+(?:\.js|_bg\.wasm)"[^>]*>/g;
const found = (html.match(preloads) || []).length;
if (!loader.test(html) || found !== 2) {
  console.error(`post-build: Trunk's loader or its two preloads not found (${found}); Trunk changed how it loads the app`);
  process.exit(1);
}
const deferred = html.replace(preloads, '').replace(loader, (_, module) => [
  '// After the first paint (.ci/post-build.mjs, 0b).',
  'await new Promise((painted) => { requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(painted))); setTimeout(painted, 250); });',
  `const bindings = await import('${module}');`,
  'const init = bindings.default;',
  'const wasm = await init(',
].join('\n'));

if (deferred.includes('http-equiv="Content-Security-Policy"')) {
  console.error('post-build: index.html already has a Content-Security-Policy');
  process.exit(1);
}
// Every inline script, hashed over its exact text as the browser reads it.
const hashes = [...deferred.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
if (hashes.length === 0) {
  console.error('post-build: no inline script found; Trunk changed how it loads the app');
  process.exit(1);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "worker-src 'self' blob:",
  // Inline style attributes (the app sets sizes and colours on elements); no remote styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// First in <head> after the charset, so that it governs everything the page loads.
const out = deferred.replace(/(<meta charset="utf-8">)/i, `$1\n  ${meta}`);
if (out === deferred) {
  console.error('post-build: no <meta charset="utf-8"> to put the policy after');
  process.exit(1);
}
writeFileSync(file, out);
console.log(`post-build: Content-Security-Policy with ${hashes.length} inline script hash(es)`);

// 2. Writes the service worker (from assets/sw.js) with this build's files and a version that is
// the hash of all of them, so that any change makes a new build for browsers to fetch whole.
const files = (function list(at) {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    return statSync(path).isDirectory() ? list(path) : [relative(dir, path).split('\\').join('/')];
  });
})(dir)
  .filter((name) => name !== 'sw.js')
  .sort();
const version = createHash('sha256');
for (const name of files) version.update(name).update(readFileSync(join(dir, name)));
const template = readFileSync(join(root, 'assets', 'sw.js'), 'utf8');
if (!template.includes("'__VERSION__'") || !template.includes('__FILES__')) {
  console.error('post-build: assets/sw.js lacks its __VERSION__ or __FILES__');
  process.exit(1);
}
writeFileSync(
  join(dir, 'sw.js'),
  template.replace("'__VERSION__'", `'${version.digest('hex').slice(0, 16)}'`).replace('__FILES__', JSON.stringify(files)),
);
console.log(`post-build: sw.js keeps ${files.length} files for offline use`);
