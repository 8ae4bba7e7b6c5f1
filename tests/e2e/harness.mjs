// Shared helpers for the end-to-end tests (Node's built-in test runner +
// playwright-core driving Debian's Chromium). Not a test file itself.
//
// The npm packages live outside the repo, in
// ${ICP_ADVISOR_CACHE:-~/.cache/icp-advisor}/npm (installed by
// scripts/tools.sh from tests/e2e/package-lock.json). ESM `import` ignores
// NODE_PATH, so they are loaded through `requireNpm` below.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Trunk output served by the tests (`trunk build --release`). */
export const DIST = process.env.ICP_ADVISOR_DIST || path.join(ROOT, 'dist');
/** Where `screenshot()` writes PNGs. */
export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'screenshots');

const NPM_DIR =
  process.env.ICP_ADVISOR_NPM ||
  path.join(process.env.ICP_ADVISOR_CACHE || path.join(os.homedir(), '.cache', 'icp-advisor'), 'npm');

/** `require` that resolves packages from the pinned npm cache (and NODE_PATH). */
export const requireNpm = createRequire(path.join(NPM_DIR, 'package.json'));

/** Chromium flags shared with the wasm-bindgen-test-runner setup (webdriver.json). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json|xml)|image\/svg\+xml)/;

/** Content-Type for a file name ("application/octet-stream" if unknown). */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Serve `distDir` over HTTP on 127.0.0.1 with an ephemeral port.
 *
 * Options:
 *  - basePath: URL prefix the site lives under ('/' or e.g. '/tools/icp/').
 *    Requests outside it get 404, which catches absolute asset URLs.
 *  - headers: extra response headers for every response (e.g. a CSP).
 *  - gzip: gzip compressible responses when the client accepts it.
 *  - spaFallback: serve index.html for unknown paths under basePath.
 *
 * Resolves to { url, origin, port, basePath, requests, log, close() }:
 * `url` is the site's address (origin + basePath); `requests` collects every
 * requested path (with query) in order; `log` has {method, path, status}.
 */
export async function serve(distDir = DIST, { basePath = '/', headers = {}, gzip = true, spaFallback = false } = {}) {
  const root = path.resolve(distDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: run \`trunk build --release\` first (scripts/test.sh does)`);
  }
  if (!basePath.startsWith('/')) basePath = '/' + basePath;
  if (!basePath.endsWith('/')) basePath += '/';

  const requests = [];
  const log = [];
  const gzipCache = new Map();

  const server = http.createServer((req, res) => {
    const entry = { method: req.method, path: req.url, status: 0 };
    requests.push(req.url);
    log.push(entry);
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', undefined, { Allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname + '/' === basePath) {
      return send(301, '', undefined, { Location: basePath });
    }
    if (!pathname.startsWith(basePath)) return send(404, 'not found (outside basePath)\n');

    let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname.slice(basePath.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden\n');
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    } catch {
      /* handled below */
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (spaFallback && !path.extname(pathname)) file = path.join(root, 'index.html');
      else return send(404, 'not found\n');
    }

    const type = mimeType(file);
    let body = fs.readFileSync(file);
    const extra = {};
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      // Compressed once per file content, as a static server with precompressed files (or a
      // CDN) serves them: compressing on every request would stall the loopback timings.
      const key = file + ':' + body.length + ':' + fs.statSync(file).mtimeMs;
      if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(body));
      body = gzipCache.get(key);
      extra['Content-Encoding'] = 'gzip';
      extra['Vary'] = 'Accept-Encoding';
    }
    extra['Content-Length'] = String(body.length);
    return send(200, body, type, extra);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + basePath,
    origin,
    port,
    basePath,
    requests,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Launch headless Debian Chromium through playwright-core (no Playwright
 * browser download involved). Playwright gives it a fresh temporary profile
 * and removes it on close. Extra launch options override the defaults.
 */
export async function launch(options = {}) {
  const { chromium } = requireNpm('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

/**
 * Registers before/after hooks for a test file that needs one browser and one server of
 * the site (with `serve` options); returns an object whose `browser` and `server` are set
 * once the hooks have run.
 */
export function withSite(options = {}, distDir = DIST) {
  const site = { browser: null, server: null };
  before(async () => {
    site.browser = await launch();
    site.server = await serve(distDir, options);
  });
  after(async () => {
    await site.server?.close();
    await site.browser?.close();
  });
  return site;
}

/**
 * The strict Content-Security-Policy the site runs under: the one the release build writes to
 * `csp.txt` (and into index.html's meta tag), with the hashes of index.html's inline head
 * script and stylesheet. Tests that check the CSP send it as a header.
 */
export function cspOf(distDir = DIST) {
  const file = path.join(distDir, 'csp.txt');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: the release build writes it (trunk build --release)`);
  return fs.readFileSync(file, 'utf8').trim();
}
export const CSP = fs.existsSync(path.join(DIST, 'csp.txt')) ? cspOf() : null;

/** Selector that matches once the Yew app has mounted. */
// (The start screen rendered at build time is not the app yet; the crash panel ends waiting too.)
export const APP_READY = 'html[data-app-ready], #app .crash h1';

/** Wait until the app has mounted (see APP_READY). */
export async function waitForApp(page, timeout = 30_000) {
  await page.waitForSelector(APP_READY, { state: 'attached', timeout });
}

/**
 * What the engine says, through the JS API the way a page uses it: `icp-advisor.js` (the
 * library's own Wasm; the page's Wasm leaves the API out) imported into `page`, which must be
 * served from the site's folder. `call` is 'evaluate' or 'questions'; returns its result.
 */
export function engine(page, call, ...args) {
  return page.evaluate(async ([call, args]) => {
    const api = await import(new URL('icp-advisor.js', document.baseURI).href);
    return api[call](...args);
  }, [call, args]);
}

/** Save a full-page PNG as target/screenshots/<name>.png; returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ───────────────────────────── contexts and pages ─────────────────────────────

/**
 * A browser context for one test. The pages carry a meta Content-Security-Policy, which would
 * block injected test scripts (axe-core, addScriptTag), so contexts bypass it — except with
 * `csp: true`, for the tests that check the policy itself (they must see every violation).
 */
export function newContext(browser, { csp = false, ...options } = {}) {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', bypassCSP: !csp, ...options });
}

// The icon the browser fetches by itself after a load (the page's declared icon.svg, or
// /favicon.ico): a reload right after a load aborts that fetch, which is no fault of the page.
// A missing icon still shows as a non-200 answer in the server's log.
const isFavicon = (url) => /\/(favicon\.ico|icon\.svg)(\?|$)/.test(url || '');

// What the page fetches in the background once its first screen runs (the full module and the
// language's texts, src/ui/handover.rs): a navigation away aborts it, which is no fault of the
// page (nothing waits on it; the next page fetches it again). Any other failure still counts.
export const abortedInBackground = (request) =>
  request.failure()?.errorText === 'net::ERR_ABORTED' &&
  /\/(icp-advisor-lib-[0-9a-f]+(_bg\.wasm|\.js)|texts\.[A-Za-z0-9-]+\.[a-z0-9-]+\.[0-9a-f]+\.txt)(\?|$)/.test(request.url());

/**
 * Collects everything a page reports that a person would count as broken: uncaught
 * exceptions, console errors (a CSP violation is one), failed requests, HTTP responses >= 400
 * and any dialog (dismissed at once). Favicon problems are kept apart in `favicon`.
 */
export function track(page) {
  const problems = [];
  const favicon = [];
  const dialogs = [];
  const put = (url, msg) => (isFavicon(url) ? favicon : problems).push(msg);
  // A request the browser aborts because its frame went on to another document (a reload, or
  // index.html handing the embed mode to embed.html while it still loads) is no fault of the
  // page. Whether the frame moved on is only known later (the abort can come before the next
  // document commits), so such aborts wait in `aborted` and count as problems only if
  // their frame never navigated again (see assertClean).
  const navigations = new Map();
  const atStart = new WeakMap();
  const frameOf = (r) => {
    try {
      return r.frame();
    } catch {
      return null; // a service worker's request has no frame
    }
  };
  page.on('framenavigated', (f) => navigations.set(f, (navigations.get(f) ?? 0) + 1));
  page.on('request', (r) => {
    const f = frameOf(r);
    if (f) atStart.set(r, navigations.get(f) ?? 0);
  });
  // Aborted requests kept until assertClean: { frame, moved (the frame's navigation count once
  // it had left the request's document), msg }. A document's own request is counted from before
  // it commits, so its frame has moved on after two more navigations; any other after one.
  const aborted = [];
  const stillThere = () =>
    aborted.filter(({ frame, moved }) => (navigations.get(frame) ?? 0) < moved).map((a) => a.msg);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url || '';
    put(where, `console.error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('requestfailed', (r) => {
    if (abortedInBackground(r)) return;
    const msg = `requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`;
    const frame = r.failure()?.errorText === 'net::ERR_ABORTED' && !isFavicon(r.url()) ? frameOf(r) : null;
    if (frame && atStart.has(r)) aborted.push({ frame, moved: atStart.get(r) + (r.isNavigationRequest() ? 2 : 1), msg });
    else put(r.url(), msg);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) put(r.url(), `HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return {
    favicon,
    dialogs,
    get problems() {
      return [...problems, ...stillThere()];
    },
  };
}

/** Fails on anything `track` collected. */
export function assertClean(seen, where = 'the page') {
  assert.deepEqual(seen.dialogs, [], `dialogs opened on ${where}`);
  assert.deepEqual(seen.problems, [], `console errors, failed requests or HTTP errors on ${where}`);
}

/**
 * Records Content-Security-Policy violations in `window.__cspViolations` (call before the
 * page loads; read with `cspViolations(page)`).
 */
export async function recordCspViolations(pageOrContext) {
  await pageOrContext.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber || ''}`),
    );
  });
}
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations ?? ['(not recorded)']);

/**
 * Opens the app at `hash` (relative to `server.url`, e.g. '#/faq' or 'index.html?embed=1') in
 * a fresh context closed after test `t`; waits for it to mount. Returns { context, page, seen }.
 */
export async function openApp(t, browser, server, hash = '', options = {}) {
  const context = await newContext(browser, options);
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = track(page);
  await page.goto(server.url + hash);
  await waitForApp(page);
  return { context, page, seen };
}

// ───────────────────────────── moving through the app ─────────────────────────────
//
// `scope` is anything with `.locator()`: a Page, a FrameLocator (an iframe), or a Locator (a
// mounted advisor's host element: Playwright's CSS selectors reach into open shadow roots).
// Selectors use the app's stable hooks: radio groups are named by the question id and valued
// by the option id, the screen heading is #main-heading, a result has #answers-heading, and
// each recommendation is the element #rec-<id> (inside its plan step, "Good to know" or the
// verdict's disclosure: `showCard` opens them). A question form is found among the visible
// ones: before the Wasm starts, index.html holds a static copy of each first question in every
// language (ids prefixed per copy), and only the reader's shows; the helpers work on it too.

export const STEP_TIMEOUT = 10_000;

/** The question form of question `q`. */
export const questionForm = (scope, q) => scope.locator(`form:visible:has(input[type="radio"][name="${q}"])`);

/** Waits until question `q` is shown; returns its form. */
export async function waitForQuestion(scope, q) {
  const form = questionForm(scope, q);
  await form.locator('h1').waitFor({ timeout: STEP_TIMEOUT });
  return form;
}

/** Selects option `o` of question `q` by clicking its label, without continuing. */
export async function choose(scope, q, o) {
  const form = await waitForQuestion(scope, q);
  const input = form.locator(`input[type="radio"][name="${q}"][value="${o}"]`);
  assert.equal(await input.count(), 1, `question ${q} has an option ${o}`);
  const id = await input.getAttribute('id');
  await form.locator(`label[for="${id}"]`).click();
  assert.ok(await input.isChecked(), `${q}=${o} selected by clicking its label`);
  return form;
}

/**
 * Answers question `q` with option `o` the way a person does: clicks the option's label, then
 * Continue; waits until the question has gone.
 */
export async function answer(scope, q, o) {
  const form = await choose(scope, q, o);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
}

/** Answers [[question, option], …] in order, starting at the first one's screen. */
export async function answerAll(scope, steps) {
  for (const [q, o] of steps) await answer(scope, q, o);
}

/** The option id selected on question `q` (or null). */
export async function selected(scope, q) {
  const checked = questionForm(scope, q).locator(`input[type="radio"][name="${q}"]:checked`);
  return (await checked.count()) ? checked.getAttribute('value') : null;
}

/** Waits for a result screen; returns the text of its heading (the outcome). */
export async function waitForResult(scope) {
  await scope.locator('#answers-heading').waitFor({ timeout: STEP_TIMEOUT });
  return (await scope.locator('#main-heading').innerText()).trim();
}

/** On the start screen: chooses flow `flow` by clicking its label; returns its radio. */
export async function chooseFlow(scope, flow) {
  const input = scope.locator(`input[type="radio"][name="flow"][value="${flow}"]`);
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await scope.locator(`label[for="${await input.getAttribute('id')}"]`).click();
  assert.ok(await input.isChecked(), `flow ${flow} chosen by clicking its label`);
  return input;
}

/** On the start screen: chooses flow `flow` (by clicking its label) and presses Start. */
export async function startFlow(scope, flow) {
  const input = await chooseFlow(scope, flow);
  await scope.locator('form:has(input[name="flow"]) button[type="submit"]').click();
  await input.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
}

/** The "Your answers" summary of a result as [[question prompt, answer label], …]. */
export async function answerSummary(scope) {
  return scope.locator('details.answers > dl > div').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()]),
  );
}

/** Opens the "Your answers" section of a result (collapsed at first) by clicking its summary. */
export async function openAnswers(scope) {
  const details = scope.locator('details.answers');
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
}

/**
 * Opens the disclosures that hold the card #rec-<id> (its plan step, "Good to know", or the
 * verdict's "Why, and the source"), the way a reader would find it; returns the card.
 */
export async function showCard(scope, id) {
  const card = scope.locator(`#rec-${id}`);
  await card.waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
  await card.evaluate((el) => {
    const outer = [];
    for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) outer.unshift(d);
    for (const d of outer) if (!d.open) d.querySelector(':scope > summary').click();
  });
  await card.waitFor({ timeout: STEP_TIMEOUT });
  return card;
}

/** The ids of the recommendations shown (from their #rec-<id> elements), in page order. */
export async function shownRecs(scope) {
  return scope.locator('article[id^="rec-"]').evaluateAll((els) => els.map((e) => e.id.slice(4)));
}

/** The page's fragment, decoded. */
export const hashOf = (page) => decodeURIComponent(new URL(page.url()).hash);

/** Waits until the page's (decoded) fragment starts with `prefix`. */
export async function waitForHash(page, prefix) {
  await page.waitForURL((u) => decodeURIComponent(new URL(u).hash).startsWith(prefix), { timeout: STEP_TIMEOUT });
}

/** The answers in a fragment's query, as an object (lang and lens left out). */
export function answersOf(hash) {
  const query = hash.split('?')[1] || '';
  return Object.fromEntries(
    query
      .split('&')
      .filter((p) => p && !/^(lang|lens)=/.test(p))
      .map((p) => p.split('=')),
  );
}

/** Adds `lang=` (and more) to a fragment's query. */
export function withQuery(hash, extra) {
  if (!extra) return hash;
  return hash + (hash.includes('?') ? '&' : '?') + extra;
}

/** Waits until focus is on the element with id `id` (inside shadow roots too); asserts it. */
export async function assertFocused(page, id, where) {
  const active = () =>
    page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}` : 'nothing';
    });
  await page
    .waitForFunction(
      (id) => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.id === id;
      },
      id,
      { timeout: 3_000 },
    )
    .catch(() => {});
  const now = await active();
  assert.ok(now.endsWith(`#${id}`), `focus on #${id} ${where} (it is on ${now})`);
}

/** A foreign enterprise with a representative office, on mainland ECS with a domain: the answers
 * of a path several tests walk ([question id, option id] in asking order). */
export const OFFICE = [
  ['hosting', 'mainland-ecs'],
  ['access', 'domain'],
  ['cdn', 'none'],
  ['domain-kind', 'top-level'],
  ['domain-filing', 'none'],
  ['subject-filing', 'none'],
  ['entity', 'outside'],
  ['presence', 'office'],
  ['file-in', 'shanghai'],
  ['slb', 'no'],
  ['app', 'no'],
];

/** Holds back the page's Wasm until the returned `release()` is called. */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}
