// Trunk post-build hook (see Trunk.toml). Runs on the staging folder before it becomes dist/.
//
// 1. Moves Trunk's inline module loader into an external file (loader-<hash>.js), so the
//    pages run under a strict Content-Security-Policy without 'unsafe-inline' or hashes.
// 2. Release builds only:
//    - shortens wasm-bindgen's import and export names in the Wasm and the glue
//      (scripts/shrink.mjs), minifies the glue with terser, and updates the integrity
//      hashes in index.html;
//    - renders the start screen with the built app itself in headless Chromium and writes it
//      into index.html, so the first screen paints before the Wasm arrives (and is there
//      with JavaScript or WebAssembly off); it cannot drift from the live UI;
//    - renders the FAQ page the same way into faq.html, a static page (no script) that the
//      no-JS and no-Wasm fallbacks link to;
//    - writes sw.js, a service worker that precaches every shipped file, versioned by a
//      hash of their contents (a new release replaces the old cache);
//    - writes icp-advisor.html, the single-file edition (Wasm, JS and CSS inlined) that
//      works when opened from disk;
//    - prints the size of every file and of the single-file edition.
//
// Uses Node's standard library, and from the pinned npm tools (scripts/tools.sh) terser
// and playwright-core.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import http from 'node:http';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shrinkNames } from './shrink.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

const SINGLE_FILE = 'icp-advisor.html';
const FAQ_PAGE = 'faq.html';
/** The app's languages (`Lang::code`), for the embed mode's first screens. */
const LANGS = ['en', 'zh-CN'];
const sha = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);
const read = (name) => readFileSync(join(staging, name));
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const npm = process.env.ICP_ADVISOR_NPM || join(process.env.HOME || '', '.cache', 'icp-advisor', 'npm');
const npmRequire = createRequire(join(npm, 'package.json'));
// Release builds minify the JS they write (terser, from the pinned npm tools).
const minifyModule = async (code) => {
  if (!release) return code;
  const { minify } = npmRequire('terser');
  return (await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
};

// ── 1. External loader ────────────────────────────────────────────────────────────────
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error('postbuild: Trunk\'s inline loader script was not found in index.html');
  process.exit(1);
}
const bindingsName = (match[1].match(/from '\.\/([^']+\.js)'/) || [])[1];
const wasmName = (match[1].match(/module_or_path: '\.\/([^']+\.wasm)'/) || [])[1];
if (!bindingsName || !wasmName) {
  console.error('postbuild: cannot find the bindings and wasm names in the loader');
  process.exit(1);
}
// Register the service worker only over http(s), and never from the single-file edition.
const register = release
  ? `\nif ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {\n` +
    `  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('ICP Filing Advisor: offline support unavailable', e));\n}\n`
  : '';
// Our own loader (Trunk's does the same three things), which also says so when the Wasm
// cannot start (WebAssembly disabled or unsupported): the static first screen stays, with
// a notice that points to the static FAQ (release builds write faq.html).
const unavailable = `
function unavailable(error) {
  console.error('ICP Filing Advisor: the app could not start', error);
  // A panic while starting has already shown the crash panel, which says what to do.
  if (document.querySelector('#app .crash')) return;
  document.documentElement.setAttribute('data-app-failed', '');
  const zh = /^zh\\b/i.test(navigator.language || '');
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = zh
    ? 'ICP 备案顾问无法在此浏览器中启动：它需要 WebAssembly 以及它的全部文件。'
    : 'The ICP Filing Advisor could not start in this browser: it needs WebAssembly and all of its files.';
  box.append(text);${release ? `
  const more = document.createElement('p');
  const link = document.createElement('a');
  link.href = './${FAQ_PAGE}';
  link.textContent = zh
    ? '阅读常见问题及顾问的回答（英文）'
    : 'Read the FAQ with the advisor’s answers';
  more.append(link);
  box.append(more);` : ''}
  const app = document.getElementById('app');
  if (app) app.prepend(box);
}
`;
const loader = await minifyModule(
  `import init, * as bindings from './${bindingsName}';\n` +
  unavailable +
  `try {\n` +
  `  const wasm = await init({ module_or_path: './${wasmName}' });\n` +
  `  window.wasmBindings = bindings;\n` +
  `  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n` +
  `} catch (error) {\n` +
  `  unavailable(error);\n` +
  `}\n` +
  register,
);
const loaderName = `loader-${sha(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);
html = html.replace(inline, `<script type="module" src="./${loaderName}"></script>`);
writeFileSync(indexPath, html);

// ── 1b. The library entry for the JS mount API: a stable name, the hashed files inside.
const cssFile = (html.match(/href="\.\/([^"]+\.css)"/) || [])[1];
const library = `// ICP Filing Advisor as a library (generated by scripts/postbuild.mjs).
//   import { mount, evaluate, questions } from './icp-advisor.js';
//   await mount(element, { flow: 'need', lang: 'en' });
import init, * as api from './${bindingsName}';

let ready;
function load() {
  ready ??= init({ module_or_path: new URL('./${wasmName}', import.meta.url) });
  return ready;
}

/** Renders an independent advisor into \`element\` (in a shadow root). */
export async function mount(element, options = {}) {
  await load();
  api.mount(element, { stylesheet: new URL('./${cssFile}', import.meta.url).href, ...options });
}

/** The same advice as \`icp-advisor evaluate\`. */
export async function evaluate(answers, options) {
  await load();
  return api.evaluate(answers, options);
}

/** The flows and their questions, as \`icp-advisor questions\`. */
export async function questions(options) {
  await load();
  return api.questions(options);
}
`;
writeFileSync(join(staging, 'icp-advisor.js'), library);

if (!release) process.exit(0);


// ── 2a. Smaller glue: short names, minified JS ───────────────────────────────────────
const shrunk = shrinkNames(read(wasmName), read(bindingsName).toString('utf8'));
writeFileSync(join(staging, wasmName), shrunk.wasm);
writeFileSync(join(staging, bindingsName), await minifyModule(shrunk.js));
// Trunk wrote subresource-integrity hashes of the originals; replace them.
for (const file of [wasmName, bindingsName]) {
  const tag = new RegExp(`(<link[^>]*href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*(")`);
  if (!tag.test(html)) {
    console.error(`postbuild: no integrity attribute for ${file} in index.html`);
    process.exit(1);
  }
  const digest = createHash('sha384').update(read(file)).digest('base64');
  html = html.replace(tag, (_, before, after) => `${before}sha384-${digest}${after}`);
}
writeFileSync(indexPath, html);

// ── 2b. First screen in the static HTML ──────────────────────────────────────────────
async function prerender() {
  const { chromium } = npmRequire('playwright-core');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(staging, name.replace(/\.\.+/g, '')));
      res.writeHead(200, { 'Content-Type': types[name.slice(name.lastIndexOf('.'))] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' })).newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/#/`);
    await page.waitForSelector('html[data-app-ready] #app > [data-live]:not([hidden]) .screen.start', { timeout: 60000 });
    // The live app's markup, made to work without the app: links into the FAQ go to the
    // static faq.html, other in-app links load the app, controls that need the app go.
    const capture = (page, forFaqPage) =>
      page.evaluate(({ faqPage, forFaqPage }) => {
        const live = document.querySelector('#app > [data-live]').cloneNode(true);
        // Yew sets `checked` as a property; write it as an attribute so the copy shows it.
        document.querySelectorAll('#app > [data-live] input').forEach((input, i) => {
          if (input.checked) live.querySelectorAll('input')[i].setAttribute('checked', '');
        });
        for (const a of live.querySelectorAll('a[href^="#/"]')) {
          const href = a.getAttribute('href');
          if (forFaqPage) a.setAttribute('href', `./${href}`);
          else if (/^#\/faq([/?]|$)/.test(href)) a.setAttribute('href', `./${faqPage}`);
        }
        if (forFaqPage) live.querySelectorAll('.filter, .lang-switch').forEach((el) => el.remove());
        return { markup: live.innerHTML, title: document.title };
      }, { faqPage: FAQ_PAGE, forFaqPage });
    const start = await capture(page, false);
    await page.evaluate(() => { location.hash = '#/faq'; });
    await page.waitForSelector('#app > [data-live] .screen.faq article.faq-entry', { timeout: 60000 });
    const faq = await capture(page, true);
    // Embed mode opens on the requested flow's first question: one copy per flow and language.
    const flows = await page.evaluate(() => window.wasmBindings.questions().map((f) => f.id));
    const embedded = [];
    for (const flow of flows) {
      for (const lang of LANGS) {
        const p = await (await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' })).newPage();
        await p.goto(`http://127.0.0.1:${server.address().port}/?embed=1&flow=${flow}&lang=${lang}`);
        await p.waitForSelector('html[data-app-ready] #app > [data-live]:not([hidden]) .screen.question', { timeout: 60000 });
        embedded.push({ key: `${flow}:${lang}`, markup: (await capture(p, false)).markup });
        await p.context().close();
      }
    }
    return { start: start.markup, faq, embedded };
  } finally {
    await browser.close();
    server.close();
  }
}
const placeholder = /<p class="app-loading"[^>]*>[\s\S]*?<\/p>/;
if (!placeholder.test(html)) {
  console.error('postbuild: the loading placeholder of #app was not found in index.html');
  process.exit(1);
}
const rendered = await prerender();
if (!rendered.start.includes('id="main-heading"') || (rendered.faq.markup.match(/class="faq-entry/g) || []).length < 20) {
  console.error('postbuild: the rendered start screen or FAQ looks wrong');
  process.exit(1);
}
// The FAQ as a static page (no script at all), for readers without JavaScript or Wasm.
const faqHtml = html
  .replace(/<title>[^<]*<\/title>/, () => `<title>${rendered.faq.title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title>`)
  .replace(/<script type="module"[^>]*><\/script>/, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
  .replace(placeholder, () => `<div data-prerendered>${rendered.faq.markup}</div>`);
if (/<script/.test(faqHtml)) {
  console.error('postbuild: faq.html must not contain scripts');
  process.exit(1);
}
writeFileSync(join(staging, FAQ_PAGE), faqHtml);
// Embed mode: every flow's first question in each language, hidden; a small blocking script
// in <head> (first-screen-<hash>.js) reads the query as the app will and names the one to
// show on <html data-first-screen>, and style.css shows it instead of the start screen. So
// an embedded advisor paints its first question at once, with no start screen flashing by.
const css = read(cssFile).toString('utf8');
for (const { key } of rendered.embedded) {
  if (!css.includes(`html[data-first-screen="${key}"] [data-first-screen="${key}"]`)) {
    console.error(`postbuild: static/style.css has no rule to show the first screen "${key}"`);
    process.exit(1);
  }
}
const firstScreen = await minifyModule(`// Embed mode's first screen (generated by scripts/postbuild.mjs; see style.css).
(function () {
  var SCREENS = ${JSON.stringify(rendered.embedded.map((e) => e.key))};
  var o = { embed: false, flow: null, lang: null, theme: null };
  location.search.slice(1, ${8 * 1024}).split('&').slice(0, 64).forEach(function (part) {
    var i = part.indexOf('=');
    var k = i < 0 ? part : part.slice(0, i);
    var v = i < 0 ? '' : part.slice(i + 1);
    if (k === 'embed') o.embed = v !== '0' && v !== 'false';
    else if (k === 'flow') o.flow = v;
    else if (k === 'lang') o.lang = lang(v);
    else if (k === 'theme') o.theme = v === 'light' || v === 'dark' ? v : null;
  });
  function lang(tag) {
    var primary = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return primary === 'en' ? 'en' : primary === 'zh' ? 'zh-CN' : null;
  }
  if (!o.embed) return;
  var html = document.documentElement;
  // As the app's embed mode does when it starts (src/ui/embed.rs).
  html.classList.add('embed');
  if (o.theme) {
    html.setAttribute('data-theme', o.theme);
    html.classList.add('transparent');
  }
  // Only when the link names no place: then the app opens the flow's first question.
  if (location.hash.replace(new RegExp('^#*/*'), '') !== '') return;
  var chosen = o.lang;
  if (!chosen) {
    try { chosen = lang(localStorage.getItem('icp-advisor:lang')); } catch (e) {}
  }
  var prefs = navigator.languages || [navigator.language];
  for (var i = 0; !chosen && i < prefs.length; i++) chosen = lang(prefs[i]);
  var key = o.flow + ':' + (chosen || 'en');
  if (SCREENS.indexOf(key) < 0) return;
  html.setAttribute('data-first-screen', key);
  html.setAttribute('lang', chosen || 'en');
})();
`);
const firstScreenName = `first-screen-${sha(firstScreen)}.js`;
writeFileSync(join(staging, firstScreenName), firstScreen);
const startCopy = `<div data-prerendered>${rendered.start}</div>`;
// (The single-file edition has the start screen only: it is not an embed target.)
const singleBase = html.replace(placeholder, () => startCopy);
html = html
  // First in <head>: it blocks the parser (so the right screen is there at first paint);
  // requested first, it arrives with the stylesheet, which blocks rendering anyway.
  .replace(/<link rel="stylesheet"/, (tag) => `<script src="./${firstScreenName}"></script>\n    ${tag}`)
  .replace(placeholder, () =>
    startCopy +
    rendered.embedded
      .map((e) => `<div data-prerendered data-first-screen="${e.key}" hidden>${e.markup}</div>`)
      .join(''),
  );
writeFileSync(indexPath, html);

// ── 2c. Single-file edition ───────────────────────────────────────────────────────────
const cssName = (html.match(/href="\.\/([^"]+\.css)"/) || [])[1];
// From the renamed but unminified glue: its top-level names are needed here; the whole
// inline script is minified below.
let bindings = shrunk.js;
bindings = bindings
  .replace(/^export function /gm, 'function ')
  .replace(/^export \{[^}]*\};?\s*$/gm, '');
if (/^export /m.test(bindings)) {
  console.error('postbuild: unexpected export left in the bindings; the single-file edition needs updating');
  process.exit(1);
}
const wasmB64 = read(wasmName).toString('base64');
const inlineScript = await minifyModule(
  `${bindings}\n` +
    `const wasmBytes = Uint8Array.from(atob(${JSON.stringify(wasmB64)}), (c) => c.charCodeAt(0));\n` +
    `await __wbg_init({ module_or_path: wasmBytes });\n` +
    `window.wasmBindings = { evaluate, questions };\n`,
);
const iconB64 = read('icon.svg').toString('base64');
let single = singleBase
  // No faq.html beside the single file: its static copy links into itself.
  .replaceAll(`href="./${FAQ_PAGE}"`, 'href="#/faq"')
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${read(cssName).toString('utf8')}\n</style>`)
  .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '')
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${iconB64}">`)
  .replace(
    `<script type="module" src="./${loaderName}"></script>`,
    () => `<script type="module">\n${inlineScript}\n</script>`,
  );
writeFileSync(join(staging, SINGLE_FILE), single);

// ── 2d. Service worker ────────────────────────────────────────────────────────────────
const shipped = readdirSync(staging)
  .filter((f) => statSync(join(staging, f)).isFile() && f !== SINGLE_FILE && f !== 'sw.js')
  .sort();
const version = sha(shipped.map((f) => f + ':' + sha(read(f))).join('\n'));
const precache = ['./', ...shipped.map((f) => './' + f)];
const sw = `// ICP Filing Advisor service worker (generated by scripts/postbuild.mjs).
// Precaches every file of this release; a new release has a new version and replaces the old cache.
const VERSION = ${JSON.stringify(version)};
const CACHE = 'icp-advisor-' + VERSION;
const PRECACHE = ${JSON.stringify(precache)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('icp-advisor-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(new URL('./', self.location).pathname)) return;
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
`;
writeFileSync(join(staging, 'sw.js'), sw);

// ── 2e. Sizes ─────────────────────────────────────────────────────────────────────────
const rows = [...shipped, 'sw.js'].map((f) => {
  const data = read(f);
  return { file: f, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const singleData = read(SINGLE_FILE);
console.log('postbuild: release files (bytes raw / gzip -9):');
for (const r of rows) console.log(`  ${r.file.padEnd(48)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)}`);
console.log(`  ${'total (dist/ without the single file)'.padEnd(48)} ${String(total.raw).padStart(8)} ${String(total.gzip).padStart(8)}`);
console.log(`  ${SINGLE_FILE.padEnd(48)} ${String(singleData.length).padStart(8)} ${String(gzipSync(singleData, { level: 9 }).length).padStart(8)}`);
console.log(`postbuild: service worker version ${version}, ${precache.length} URLs precached`);
