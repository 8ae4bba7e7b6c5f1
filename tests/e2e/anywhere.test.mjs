// The advisor works anywhere: under a sub-path, offline after the first visit (service
// worker), as a single file opened from disk, under a strict Content-Security-Policy, and
// without any request leaving the page's own files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { DIST, CSP, serve, launch, watchErrors, waitForApp } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Completes the service-code flow by clicking: no server → result. */
async function completeAFlow(page) {
  await page.locator('label[for="flow-service-code"]').click();
  await page.getByRole('button', { name: /^(Start|开始)$/ }).click();
  await page.locator('#main-heading').waitFor();
  await page.locator('label[for="sc-server-0"]').click();
  await page.getByRole('button', { name: /^(Continue|继续)$/ }).click();
  await page.locator('#rec-buy-eligible-server').waitFor();
  assert.match(await page.locator('h1').innerText(), /Your result|您的结果/);
}

test('under a sub-path, with the strict CSP: a flow completes with no violation and only own files fetched', async (t) => {
  const basePath = '/docs/tools/icp/';
  const server = await serve(DIST, { basePath, headers: { 'Content-Security-Policy': CSP } });
  t.after(() => server.close());
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const outside = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url)) outside.push(u);
  });

  await page.goto(server.url);
  await waitForApp(page);
  await completeAFlow(page);

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(errors, [], 'page errors');
  assert.deepEqual(outside, [], 'requests outside the app folder');
  // Only the app's own static files: no query strings carrying answers, nothing dynamic.
  const own = new Set(fs.readdirSync(DIST, { recursive: true }));
  for (const entry of server.log) {
    const rel = entry.path.slice(basePath.length).split('?')[0];
    assert.ok(rel === '' || own.has(rel), `unexpected request ${entry.path}`);
    assert.ok(!entry.path.includes('?'), `request with a query: ${entry.path}`);
    assert.equal(entry.status, 200, `${entry.path} -> ${entry.status}`);
  }
  assert.ok(!server.log.some((e) => e.path.includes('hosting') || e.path.includes('sc-server')), 'answers never requested');
});

test('offline after the first visit: the service worker serves the app and a flow completes', async (t) => {
  const server = await serve(DIST, { basePath: '/icp/' });
  t.after(() => server.close());
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  // Wait until the service worker controls the page and has precached everything.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return reg.scope;
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('icp-advisor-')));
    return (await cache.keys()).length;
  });
  assert.ok(cached >= 5, `precached ${cached} files`);

  await context.setOffline(true);
  await server.close();
  await page.reload();
  await waitForApp(page);
  await completeAFlow(page);
});

test('a new release replaces the old cache', async (t) => {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const version = sw.match(/const VERSION = "([0-9a-f]+)"/)?.[1];
  assert.ok(version, 'sw.js is versioned');
  assert.match(sw, /caches\.delete/);
  // Every shipped file (but the single-file edition) is precached.
  for (const f of fs.readdirSync(DIST)) {
    if (f === 'icp-advisor.html' || f === 'sw.js' || fs.statSync(path.join(DIST, f)).isDirectory()) continue;
    assert.ok(sw.includes(`"./${f}"`), `${f} is precached`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.icons.every((i) => fs.existsSync(path.join(DIST, i.src))), 'manifest icons ship in dist/');
});

test('the single-file edition works from file:// and fetches nothing', async (t) => {
  const file = path.join(DIST, 'icp-advisor.html');
  const copy = path.join(fs.mkdtempSync('/tmp/icp-single-'), 'icp-advisor.html');
  fs.copyFileSync(file, copy); // alone in its folder, as on a USB stick
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + copy);
  await waitForApp(page);
  await completeAFlow(page);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')), []);
  assert.deepEqual(requests.filter((u) => u.startsWith('file://') && !u.endsWith('/icp-advisor.html')), []);
  const api = await page.evaluate(() => window.wasmBindings.evaluate({ 'sc-server': 'none' }).verdict);
  assert.equal(api, null);
});

test('the first screen is in the static HTML, matches the live app, and the swap shifts nothing', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  // Without JavaScript (or WebAssembly) the start screen is still there to read.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  t.after(() => noJs.close());
  const p1 = await noJs.newPage();
  await p1.goto(server.url);
  assert.equal(await p1.locator('h1:visible').innerText(), 'Do you need an ICP Filing?');
  // (The other static copies are embed mode's first questions, hidden: see embed.test.mjs.)
  assert.equal(await p1.locator('[data-prerendered]:visible').count(), 1);
  const staticText = await p1.locator('[data-prerendered]:visible').innerText();
  assert.match(await p1.locator('noscript').innerText(), /needs JavaScript/);

  // With it, the live app replaces it with the same screen, without layout shift.
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url);
  await waitForApp(page);
  await page.locator('#app > [data-live]:not([hidden]) .screen.start').waitFor();
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static copy is gone');
  const liveText = await page.locator('#app > [data-live]').innerText();
  assert.equal(liveText, staticText, 'the static first screen is the live one');
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift < 0.01, `layout shift ${shift}`);
});

test('without JavaScript the FAQ is readable: the no-script text links to faq.html, a static page', async (t) => {
  const server = await serve(DIST, { headers: { 'Content-Security-Policy': CSP } });
  t.after(() => server.close());
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  t.after(() => noJs.close());
  const page = await noJs.newPage();
  await page.goto(server.url);
  const noscript = await page.locator('noscript').innerHTML();
  assert.match(noscript, /href="faq\.html"/);
  // The static start screen's FAQ link goes there too.
  await page.locator('[data-prerendered]:visible a[href="./faq.html"]').first().click();
  await page.waitForURL(/faq\.html$/);
  assert.equal(await page.locator('h1').innerText(), 'The ICP FAQ, answered');
  assert.equal(await page.locator('article.faq-entry').count(), 24);
  const first = page.locator('article.faq-entry').first();
  assert.ok(await first.isVisible());
  assert.match(await first.innerText(), /Is an ICP Filing required for domain names\?/);
  assert.ok((await first.locator('p').first().innerText()).length > 40, 'the advisor\'s answer is there');
  // A static page: no scripts, no controls that need the app; its links lead into the app.
  const html = fs.readFileSync(path.join(DIST, 'faq.html'), 'utf8');
  assert.doesNotMatch(html, /<script/);
  assert.equal(await page.locator('#faq-filter, .lang-switch').count(), 0);
  const hrefs = await page.locator('a[href*="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 24 && hrefs.every((h) => h.startsWith('./#/')), hrefs.join(' '));
});

test('without WebAssembly the static first screen stays, with a notice that leads to the static FAQ', async (t) => {
  const server = await serve(DIST, { headers: { 'Content-Security-Policy': CSP } });
  t.after(() => server.close());
  const context = await browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(server.url);
  await page.locator('html[data-app-failed]').waitFor({ state: 'attached' });
  const notice = page.locator('#app > .notice[role="alert"]');
  assert.match(await notice.innerText(), /could not start in this browser: it needs WebAssembly/);
  assert.equal(await page.locator('[data-prerendered]:visible h1').innerText(), 'Do you need an ICP Filing?');
  await notice.locator('a').click();
  await page.waitForURL(/faq\.html$/);
  assert.equal(await page.locator('article.faq-entry').count(), 24);
});
