// The advisor works anywhere: under a sub-path with the strict Content-Security-Policy of
// dist/csp.txt, offline after the first visit (service worker) in both languages, as a single
// file opened from disk in both languages, without JavaScript (index.html's first screens and
// faq.html), without WebAssembly, and with its first screen usable before the Wasm arrives.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import {
  DIST,
  cspOf,
  serve,
  launch,
  newContext,
  track,
  assertClean,
  recordCspViolations,
  cspViolations,
  waitForApp,
  answer,
  chooseFlow,
  startFlow,
  waitForQuestion,
  waitForResult,
  hashOf,
  STEP_TIMEOUT,
  holdWasm,
} from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A fresh context closed after the test. */
async function context(t, options) {
  const c = await newContext(browser, options);
  t.after(() => c.close());
  return c;
}

/** Completes the service-code flow from the start screen (no server → result). */
async function completeAFlow(page, lang = 'en') {
  await startFlow(page, 'service-code');
  await answer(page, 'sc-server', 'none');
  const outcome = await waitForResult(page);
  assert.equal(outcome, lang === 'en' ? 'Buy a server that supports ICP registration' : '购买可以备案的服务器', `the result in ${lang}`);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

test('under a sub-path, with the strict CSP: a flow completes in both languages, no violation, only own files fetched', async (t) => {
  const basePath = '/docs/tools/icp/';
  const server = await serve(DIST, { basePath, headers: { 'Content-Security-Policy': cspOf() } });
  t.after(() => server.close());
  const c = await context(t, { csp: true });
  await recordCspViolations(c);
  const page = await c.newPage();
  const seen = track(page);
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) outside.push(r.url());
  });

  await page.goto(server.url);
  await waitForApp(page);
  await completeAFlow(page, 'en');
  // A fresh load in Chinese (its texts are a file of their own).
  const zh = await c.newPage();
  const seenZh = track(zh);
  zh.on('request', (r) => {
    if (!r.url().startsWith(server.url)) outside.push(r.url());
  });
  await zh.goto(server.url + '#/?lang=zh-CN');
  await waitForApp(zh);
  await completeAFlow(zh, 'zh-CN');

  assert.deepEqual(await cspViolations(page), [], 'CSP violations');
  assert.deepEqual(await cspViolations(zh), [], 'CSP violations (Chinese)');
  assertClean(seen);
  assertClean(seenZh, 'the Chinese page');
  assert.deepEqual(outside, [], 'requests outside the app folder');
  // Only the app's own static files: no query strings carrying answers, nothing dynamic.
  const own = new Set(fs.readdirSync(DIST, { recursive: true }));
  for (const entry of server.log) {
    const rel = entry.path.slice(basePath.length).split('?')[0];
    assert.ok(rel === '' || own.has(rel), `unexpected request ${entry.path}`);
    assert.ok(!entry.path.includes('?'), `request with a query: ${entry.path}`);
    assert.equal(entry.status, 200, `${entry.path} -> ${entry.status}`);
  }
  assert.ok(!server.log.some((e) => /hosting|sc-server/.test(e.path)), 'answers never requested');
});

test('offline after the first visit: the service worker serves the app in both languages', async (t) => {
  const server = await serve(DIST, { basePath: '/icp/' });
  t.after(() => server.close());
  const c = await context(t);
  const page = await c.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  // Wait until the service worker controls the page and has precached everything.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('icp-advisor-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith('.wasm')), `the Wasm is precached (${cached.length} files)`);
  // The page's two modules (src/ui/handover.rs): the first one, and the full one a result needs.
  assert.ok(cached.some((p) => /\/icp-advisor-web-[0-9a-f]+_bg\.wasm$/.test(p)), 'the first module is precached');
  assert.ok(cached.some((p) => /\/icp-advisor-lib-[0-9a-f]+_bg\.wasm$/.test(p)), 'the full module is precached');
  for (const pack of ['first', 'rest']) {
    const re = new RegExp(`/texts\\.zh-CN\\.${pack}\\.[0-9a-f]+\\.txt$`);
    assert.ok(cached.some((p) => re.test(p)), `the Chinese texts (${pack}) are precached`);
  }

  assert.ok(cached.includes('/icp/embed.html'), 'the embed mode\'s page is precached');

  await c.setOffline(true);
  await server.close();
  const seen = track(page);
  await page.reload();
  await waitForApp(page);
  await completeAFlow(page, 'en');
  // Chinese, never shown online: its texts come from the cache too.
  const zh = await c.newPage();
  const seenZh = track(zh);
  await zh.goto(server.url + '#/?lang=zh-CN');
  await waitForApp(zh);
  await completeAFlow(zh, 'zh-CN');
  // The embed mode, offline: index.html sends it to embed.html, from the cache.
  await zh.goto(server.url + 'index.html?embed=1&flow=need&lang=zh-CN');
  await waitForApp(zh);
  await waitForQuestion(zh, 'hosting');
  assert.ok(new URL(zh.url()).pathname.endsWith('/icp/embed.html'), `the embed page, offline: ${zh.url()}`);
  await zh.goto(server.url + 'faq.zh-CN.html');
  assert.equal(await zh.locator('article.faq-entry').count(), 24, 'the static FAQ page, offline');
  assertClean(seen, 'the offline page');
  assertClean(seenZh, 'the offline pages in Chinese');
});

// The library's glue and Wasm are the page's full module too (src/ui/handover.rs): precached;
// icp-advisor.js, which only other pages load, is not.
test('a new release replaces the old cache; every file the page uses is precached, icp-advisor.js is not', () => {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /const VERSION = "[0-9a-f]+"/, 'sw.js is versioned');
  assert.match(sw, /caches\.delete/);
  const library = (f) => f === 'icp-advisor.js';
  let libraryFiles = 0;
  for (const f of fs.readdirSync(DIST)) {
    if (f === 'icp-advisor.html' || f === 'sw.js' || /\.(br|gz)$/.test(f) || fs.statSync(path.join(DIST, f)).isDirectory()) continue;
    if (library(f)) {
      libraryFiles += 1;
      assert.ok(!sw.includes(`"./${f}"`), `${f} (the library, for other pages) is not precached`);
    } else {
      assert.ok(sw.includes(`"./${f}"`), `${f} is precached`);
    }
  }
  assert.equal(libraryFiles, 1, 'icp-advisor.js');
  assert.ok(fs.readdirSync(DIST).some((f) => /^icp-advisor-lib-[0-9a-f]+_bg\.wasm$/.test(f) && sw.includes(`"./${f}"`)), 'the full module is precached');
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.icons.every((i) => fs.existsSync(path.join(DIST, i.src))), 'manifest icons ship in dist/');
});

test('the single-file edition works from file:// in both languages and fetches nothing', async (t) => {
  const copy = path.join(fs.mkdtempSync('/tmp/icp-single-'), 'icp-advisor.html');
  fs.copyFileSync(path.join(DIST, 'icp-advisor.html'), copy); // alone in its folder, as on a USB stick
  t.after(() => fs.rmSync(path.dirname(copy), { recursive: true, force: true }));
  const c = await context(t);
  const page = await c.newPage();
  const seen = track(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + copy);
  await waitForApp(page);
  await completeAFlow(page, 'en');
  await page.goto('about:blank');
  await page.goto('file://' + copy + '#/?lang=zh-CN');
  await waitForApp(page);
  await completeAFlow(page, 'zh-CN');
  // Its FAQ link stays inside the file.
  await page.getByRole('link', { name: '浏览常见问题' }).click();
  await page.locator('article.faq-entry').first().waitFor();
  assert.ok(page.url().startsWith('file://' + copy), page.url());
  assertClean(seen);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && u.split('#')[0] !== 'file://' + copy), [], 'nothing else requested');
  assert.equal(await page.evaluate(() => window.wasmBindings.evaluate({ 'sc-server': 'none' }).verdict.recommendation), 'buy-eligible-server', 'the JS API is there');
});

test('the first screen is in the static HTML, matches the live app, and the swap shifts nothing', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  for (const lang of ['en', 'zh-CN']) {
    const c = await context(t, { locale: lang, serviceWorkers: 'block' });
    const page = await c.newPage();
    const seen = track(page);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdWasm(page);
    await page.goto(server.url);
    const copy = page.locator('[data-prerendered]:visible');
    assert.equal(await copy.count(), 1, 'one static first screen shows');
    assert.equal(await copy.getAttribute('data-first-screen'), `start:${lang}`, 'in the browser\'s language');
    const staticText = await copy.innerText();
    release();
    await waitForApp(page);
    await page.locator('#app > [data-live]:not([hidden]) input[name="flow"]').first().waitFor();
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static copy is gone');
    assert.equal(await page.locator('#app > [data-live]').innerText(), staticText, 'the static first screen is the live one');
    assert.ok((await page.evaluate(() => window.__shift)) < 0.01, 'no layout shift');
    assertClean(seen);
  }
});

test('a flow chosen on the static start screen before the Wasm has started is not lost, in either language', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  for (const [lang, pressStart] of [['en', true], ['en', false], ['zh-CN', true], ['zh-CN', false]]) {
    const c = await context(t, { serviceWorkers: 'block', locale: lang });
    const page = await c.newPage();
    const seen = track(page);
    const release = await holdWasm(page);
    await page.goto(server.url);
    const copy = page.locator('[data-prerendered]:visible');
    assert.equal(await copy.getAttribute('data-first-screen'), `start:${lang}`);
    // Each copy's labels point into that copy (every copy is in the document at once).
    await chooseFlow(copy, 'icp-number');
    assert.equal(await page.locator('input[name="flow"][value="icp-number"]:checked').count(), 1, `${lang}: only the shown copy's radio is checked`);
    if (pressStart) {
      await copy.locator('button[type="submit"]').click();
      await page.waitForFunction(() => location.hash.startsWith('#/icp-number'));
    }
    release();
    await waitForApp(page);
    if (pressStart) {
      // Start pressed before the app ran: the app opens the chosen flow.
      await waitForQuestion(page, 'num-topic');
      assert.ok(hashOf(page).startsWith('#/icp-number/num-topic'), hashOf(page));
    } else {
      // Only chosen: the app's start screen has that choice.
      await page.locator('#app > [data-live]:not([hidden]) input[name="flow"]').first().waitFor();
      assert.equal(await page.locator('input[name="flow"]:checked').getAttribute('value'), 'icp-number');
      await page.locator('form:has(input[name="flow"]) button[type="submit"]').click();
      await waitForQuestion(page, 'num-topic');
    }
    assertClean(seen);
  }
});

test('the static first screen\'s skip link moves focus to its heading and leaves the address alone', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const c = await context(t, { serviceWorkers: 'block' });
  const page = await c.newPage();
  const seen = track(page);
  const release = await holdWasm(page);
  await page.goto(server.url + '?embed=1&flow=need');
  const copy = page.locator('[data-prerendered]:visible');
  assert.equal(await copy.getAttribute('data-first-screen'), 'need:en');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link', 'the skip link comes first');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-prerendered]').getAttribute('data-first-screen')), 'need:en');
  assert.equal(hashOf(page), '', 'the address is unchanged');
  assert.equal(await copy.getAttribute('data-first-screen'), 'need:en', 'the same first screen still shows');
  release();
  await waitForApp(page);
  await waitForQuestion(page, 'hosting');
  assertClean(seen);
});

test('without JavaScript: index.html shows the start screen and leads to faq.html, which reads in full', async (t) => {
  const server = await serve(DIST, { headers: { 'Content-Security-Policy': cspOf() } });
  t.after(() => server.close());
  const c = await context(t, { javaScriptEnabled: false, csp: true });
  const page = await c.newPage();
  await page.goto(server.url);
  const screen = page.locator('[data-prerendered]:visible');
  assert.equal(await screen.count(), 1);
  assert.equal(await screen.locator('h1').innerText(), 'Do you need an ICP Filing?');
  assert.deepEqual(
    await screen.locator('input[name="flow"] + label .label').allInnerTexts(),
    ['Do I need an ICP Filing, and which one?', "Why can't I get an ICP Filing service code?", 'My ICP number'],
    'the three flows',
  );
  assert.ok((await screen.locator('p').first().innerText()).length > 80, 'what the advisor does');
  const noscript = await page.locator('noscript').innerHTML();
  assert.match(noscript, /needs JavaScript/);
  assert.match(noscript, /href="faq\.html"/);

  await page.goto(server.url + 'faq.html');
  assert.equal(await page.locator('h1').innerText(), 'The ICP FAQ, answered');
  assert.equal(await page.locator('article.faq-entry').count(), 24);
  const first = page.locator('article.faq-entry').first();
  assert.ok(await first.isVisible());
  assert.match(await first.innerText(), /Is an ICP Filing required for domain names\?/);
  assert.ok((await first.locator(':scope > p').first().innerText()).length > 40, 'the advisor\'s answer is there');
  assert.ok((await page.locator('article.faq-entry aside').count()) > 0, 'with the notes on current practice');
  // A static page: no scripts, no controls that need the app; its links lead into the app.
  const html = fs.readFileSync(path.join(DIST, 'faq.html'), 'utf8');
  assert.doesNotMatch(html, /<script/);
  assert.equal(await page.locator('#faq-filter, input[name="lens"]').count(), 0);
  const hrefs = await page.locator('article.faq-entry a[href*="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 24 && hrefs.every((h) => h.startsWith('./index.html#/')), hrefs.join(' '));
  // Its language link leads to the Chinese page, which reads the same way.
  await page.locator('a[hreflang="zh-CN"]').click();
  await page.waitForURL(/faq\.zh-CN\.html$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('article.faq-entry').count(), 24);
});

test('without JavaScript the static start screen\'s FAQ links lead to faq.html', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const c = await context(t, { javaScriptEnabled: false });
  const page = await c.newPage();
  await page.goto(server.url);
  await page.locator('[data-prerendered]:visible').getByRole('link', { name: 'Browse the FAQ' }).click();
  await page.waitForURL(/faq\.html$/, { timeout: STEP_TIMEOUT });
  assert.equal(await page.locator('article.faq-entry').count(), 24);
});

test('without WebAssembly the static first screen stays, with a notice that leads to the static FAQ', async (t) => {
  const server = await serve(DIST, { headers: { 'Content-Security-Policy': cspOf() } });
  t.after(() => server.close());
  for (const [lang, words, faq] of [
    ['en', /could not start in this browser: it needs WebAssembly/, /faq\.html$/],
    ['zh-CN', /WebAssembly/, /faq\.zh-CN\.html$/],
  ]) {
    const c = await context(t, { serviceWorkers: 'block', locale: lang, csp: true });
    const page = await c.newPage();
    await page.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(server.url);
    await page.locator('html[data-app-failed]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
    const notice = page.locator('#app > [role="alert"]:visible');
    assert.equal(await notice.count(), 1, 'one notice, in the reader\'s language');
    assert.equal(await notice.getAttribute('lang'), lang);
    assert.match(await notice.innerText(), words);
    assert.equal(await page.locator('[data-prerendered]:visible h1').count(), 1, 'the static first screen stays');
    await notice.locator('a').click();
    await page.waitForURL(faq);
    assert.equal(await page.locator('article.faq-entry').count(), 24);
  }
});
