// Shared helpers for the end-to-end tests (Node's built-in test runner +
// playwright-core driving Debian's Chromium). Not a test file itself.
//
// The npm packages live outside the repo, in
// ${ICP_ADVISOR_CACHE:-~/.cache/icp-advisor}/npm (installed by
// scripts/tools.sh from tests/e2e/package-lock.json). ESM `import` ignores
// NODE_PATH, so they are loaded through `requireNpm` below.

import { before, after } from 'node:test';
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
 * Collect problems a page reports: uncaught exceptions, console errors and
 * failed requests. Returns the (live) array of messages. The 404 for the
 * /favicon.ico that Chromium requests by itself is not counted.
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url || '';
    if (/\/favicon\.ico$/.test(where)) return;
    errors.push(`console.error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return errors;
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

/** The strict Content-Security-Policy every shipped page must run under (issue: anywhere). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Selector that matches once the Yew app has mounted. */
// (The start screen rendered at build time is not the app yet; the crash panel ends waiting too.)
export const APP_READY = 'html[data-app-ready], #app .crash h1';

/** Wait until the app has mounted (see APP_READY). */
export async function waitForApp(page, timeout = 30_000) {
  await page.waitForSelector(APP_READY, { state: 'attached', timeout });
}

/** Save a full-page PNG as target/screenshots/<name>.png; returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
