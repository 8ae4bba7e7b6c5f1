// Deployment that cannot bite (issue 21): every page of dist/ served the way the README
// recommends — the csp.txt header on the whole folder — runs without one CSP violation, the
// single-file edition included (and from disk, under its own policy); the pages the README
// says work offline do, and those it says are not precached are not; and the head script reads
// hostile addresses and saved values without harm, with and without the Wasm.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
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
  startFlow,
  answer,
  waitForResult,
  STEP_TIMEOUT,
} from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A context that enforces the policy (and records violations), closed after the test. */
async function strict(t, options = {}) {
  const c = await newContext(browser, { csp: true, ...options });
  t.after(() => c.close());
  await recordCspViolations(c);
  return c;
}

async function completeServiceCode(page) {
  await startFlow(page, 'service-code');
  await answer(page, 'sc-server', 'none');
  assert.equal(await waitForResult(page), 'Buy a server that supports ICP registration');
}

/** The HTML pages of dist/, its examples included. */
const PAGES = [
  ...fs.readdirSync(DIST).filter((f) => f.endsWith('.html')),
  ...fs.readdirSync(path.join(DIST, 'examples')).filter((f) => f.endsWith('.html')).map((f) => `examples/${f}`),
].sort();

test('every page under the csp.txt header, as the README serves the folder: no violation; the app and the single-file edition complete a flow', async (t) => {
  assert.ok(PAGES.includes('icp-advisor.html') && PAGES.includes('rules.html') && PAGES.includes('examples/element.html'), PAGES.join(' '));
  const server = await serve(DIST, { basePath: '/tools/icp/', headers: { 'Content-Security-Policy': cspOf() } });
  t.after(() => server.close());
  const c = await strict(t, { serviceWorkers: 'block' });
  for (const file of PAGES) {
    const page = await c.newPage();
    const seen = track(page);
    await page.goto(server.url + file);
    if (file === 'index.html' || file === 'icp-advisor.html') {
      await waitForApp(page);
      await completeServiceCode(page);
    } else if (file === 'examples/element.html') {
      await page.locator('icp-advisor#need input[name="hosting"]').first().waitFor({ timeout: STEP_TIMEOUT });
    } else if (file.startsWith('rules')) {
      assert.equal(await page.locator('svg.fg-graph:visible').count(), 3, `${file}: the three graphs (each drawn twice, wide and narrow: one shows)`);
    }
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await cspViolations(page), [], `CSP violations on ${file}`);
    assertClean(seen, file);
    await page.close();
  }
});

test('the single-file edition from disk runs under its own policy (its <meta>), without a violation', async (t) => {
  const html = fs.readFileSync(path.join(DIST, 'icp-advisor.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'icp-advisor.html carries a policy');
  assert.equal(meta[1], cspOf(), 'the same policy as csp.txt');
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-single-csp-')), 'icp-advisor.html');
  fs.copyFileSync(path.join(DIST, 'icp-advisor.html'), copy);
  t.after(() => fs.rmSync(path.dirname(copy), { recursive: true, force: true }));
  const c = await strict(t);
  const page = await c.newPage();
  const seen = track(page);
  await page.goto('file://' + copy + '#/?lang=zh-CN');
  await waitForApp(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.goto('file://' + copy);
  await waitForApp(page);
  await completeServiceCode(page);
  // index.html inlines only the first module's rules; this file inlines the whole stylesheet too.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.verdict')).borderLeftWidth), '8px', 'the result is styled');
  assert.deepEqual(await cspViolations(page), [], 'CSP violations');
  assertClean(seen);
});

test("the README's offline claims are true: the pages it lists work offline, those it says are not precached are not", async (t) => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const paragraph = /\*\*Offline\.\*\*([\s\S]*?)\n\n/.exec(readme)[1];
  const [claimed, excluded] = paragraph.split('Not precached');
  assert.ok(excluded, 'the paragraph says what is not precached');
  const names = (text) => [...text.matchAll(/`([^`]+\.html)`/g)].map((m) => m[1]);
  const offline = names(claimed);
  assert.deepEqual(offline, ['index.html', 'faq.html', 'rules.html'], offline.join(' '));
  assert.deepEqual(names(excluded), ['icp-advisor.html'], names(excluded).join(' '));
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.ok(!sw.includes('"./icp-advisor.html"') && !sw.includes('examples/'), 'not precached, as the README says');

  const server = await serve(DIST, { basePath: '/icp/' });
  t.after(() => server.close());
  const c = await newContext(browser);
  t.after(() => c.close());
  const page = await c.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length > 0;
  });
  await c.setOffline(true);
  await server.close();
  // Every page and translation the README names, offline (their translations too).
  const translated = (f) => [f, f === 'index.html' ? 'index.html#/?lang=zh-CN' : f.replace(/\.html$/, '.zh-CN.html')];
  for (const file of offline.flatMap(translated)) {
    const seen = track(page);
    await page.goto(server.url + file);
    if (file.startsWith('index')) {
      await waitForApp(page);
      await page.locator('#main-heading').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await page.locator('html').getAttribute('lang'), file.includes('zh-CN') ? 'zh-CN' : 'en');
    } else {
      await page.locator('h1').waitFor({ timeout: STEP_TIMEOUT });
    }
    assertClean(seen, `${file}, offline`);
  }
});

// ───────────────────────────── the head script ─────────────────────────────

const HOSTILE = [
  ['#/?lang=constructor', ''],
  ['#/?lang=__proto__', ''],
  ['', '?lang=constructor'],
  ['', '?embed=1&flow=constructor&lang=toString&theme=__proto__'],
  ['#/?lang=%E0%A4', '?lang=%zz'],
];

test('hostile languages in the address or in storage: the page is whole, in English, with the Wasm and without it', async (t) => {
  const server = await serve(DIST, { headers: { 'Content-Security-Policy': cspOf() } });
  t.after(() => server.close());
  const cases = [...HOSTILE.map(([hash, query]) => ({ hash, query, saved: null })), { hash: '', query: '', saved: 'constructor' }];
  for (const wasm of [true, false]) {
    for (const { hash, query, saved } of cases) {
      const where = `${query}${hash} saved=${saved} ${wasm ? 'with' : 'without'} the Wasm`;
      const c = await strict(t, { serviceWorkers: 'block' });
      const page = await c.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(([saved, wasm]) => {
        if (saved !== null) localStorage.setItem('icp-advisor:lang', saved);
        if (!wasm) delete window.WebAssembly;
      }, [saved, wasm]);
      await page.goto(server.url + query + hash);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', where);
      if (wasm) {
        await waitForApp(page);
        assert.equal(await page.locator('#main-heading').innerText(), 'Do you need an ICP Filing?', where);
      } else {
        await page.locator('html[data-app-failed]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
        const alert = page.locator('#app > [role="alert"]:visible');
        assert.equal(await alert.count(), 1, `${where}: the notice shows`);
        assert.match(await alert.innerText(), /WebAssembly/);
        assert.equal(await page.locator('[data-prerendered]:visible h1').innerText(), 'Do you need an ICP Filing?', `${where}: the static start screen`);
      }
      assert.deepEqual(errors, [], where);
      assert.deepEqual(await cspViolations(page), [], where);
      await c.close();
    }
  }
});

test('without the Wasm the notice shows whatever <html lang> says', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const c = await newContext(browser, { serviceWorkers: 'block' });
  t.after(() => c.close());
  const page = await c.newPage();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(server.url);
  await page.locator('html[data-app-failed]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
  for (const lang of ['function Object() { [native code] }', 'xx', '']) {
    await page.evaluate((l) => document.documentElement.setAttribute('lang', l), lang);
    assert.equal(await page.locator('#app > [role="alert"]:visible').count(), 1, JSON.stringify(lang));
  }
});
