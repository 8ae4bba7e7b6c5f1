// Hardening: outside input never becomes markup or script, a panic shows the crash panel
// instead of a dead page, and broken or hostile storage never breaks the app.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp, withSite } from './harness.mjs';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '<svg onload=alert(1)>',
];
const enc = encodeURIComponent;

const site = withSite();

/** A fresh page that fails the test on any dialog and records injected elements. */
async function guardedPage(t, init, arg) {
  const context = await site.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  if (init) await page.addInitScript(init, arg);
  return { page, dialogs };
}

async function assertNoInjection(page, dialogs) {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('#app img').length,
    svg: document.querySelectorAll('#app svg').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(found, { img: 0, svg: 0, scripts: 0, jsLinks: 0 });
  assert.deepEqual(dialogs, []);
}

for (const payload of PAYLOADS) {
  test(`share link payload stays text: ${payload}`, async (t) => {
    const { page, dialogs } = await guardedPage(t);
    const links = [
      `#/need?hosting=${enc(payload)}`,
      `#/need?${enc(payload)}=outside`,
      `#/${enc(payload)}?a=b`,
      `#/faq/${enc(payload)}`,
      `#/need?hosting=outside&lang=${enc(payload)}`,
      `#/need/${enc(payload)}?hosting=outside`,
      `#/need?hosting=${payload}`,
    ];
    for (const link of links) {
      await page.goto(site.server.url + link);
      await waitForApp(page);
      await page.locator('#main-heading').waitFor();
      await assertNoInjection(page, dialogs);
    }
  });
}

test('saved state and language preference with payloads are read as text or discarded', async (t) => {
  const { page, dialogs } = await guardedPage(t, (payloads) => {
    localStorage.setItem('icp-advisor:place', `v1|#/need?hosting=${payloads[0]}&${payloads[1]}=x`);
    localStorage.setItem('icp-advisor:lang', payloads[2]);
  }, PAYLOADS);
  await page.goto(site.server.url);
  await waitForApp(page);
  await page.locator('#main-heading').waitFor();
  await assertNoInjection(page, dialogs);
});

test('embed options with payloads are ignored', async (t) => {
  const { page, dialogs } = await guardedPage(t);
  await page.goto(
    site.server.url + `index.html?embed=1&flow=${enc(PAYLOADS[0])}&theme=${enc(PAYLOADS[1])}&lang=${enc(PAYLOADS[4])}`,
  );
  await waitForApp(page);
  await page.locator('#main-heading').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  await assertNoInjection(page, dialogs);
});

test('the JS API turns payloads into error messages, not markup', async (t) => {
  const { page, dialogs } = await guardedPage(t);
  await page.goto(site.server.url);
  await waitForApp(page);
  const messages = await page.evaluate((payloads) => {
    const out = [];
    for (const p of payloads) {
      for (const input of [{ [p]: 'x' }, { flow: p }, { flow: 'need', answers: { hosting: p } }, p, [p]]) {
        try {
          window.wasmBindings.evaluate(input);
          out.push('no error');
        } catch (e) {
          out.push(e instanceof Error ? e.message : `not an Error: ${e}`);
        }
      }
    }
    return out;
  }, PAYLOADS);
  for (const m of messages) {
    assert.ok(m !== 'no error' && !m.startsWith('not an Error'), m);
    assert.ok(!m.includes('\n'), `one line: ${m}`);
  }
  await assertNoInjection(page, dialogs);
});

test('a panic replaces the app with the crash panel, which keeps a way back', async (t) => {
  const { page } = await guardedPage(t);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(site.server.url + '#/__panic');
  const panel = page.locator('.crash[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.innerText(), /Something went wrong/);
  assert.ok(consoleErrors.some((e) => e.includes('deliberate panic')), 'details logged to the console');
  // "Start over" brings a working app back.
  await page.locator('.crash a.secondary').click();
  await waitForApp(page);
  await page.locator('#main-heading').waitFor();
  assert.match(await page.locator('h1').innerText(), /Do you need an ICP Filing/);
});

for (const [name, init] of [
  ['unavailable', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } })],
  ['throwing on every call', () => {
    for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
      Storage.prototype[m] = () => { throw new DOMException('denied', 'SecurityError'); };
    }
  }],
  ['full', () => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  }],
]) {
  test(`storage ${name}: the app works without persistence`, async (t) => {
    const { page, dialogs } = await guardedPage(t, init);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.server.url);
    await waitForApp(page);
    if (name !== 'full') {
      assert.match(await page.locator('.notice').innerText(), /does not let this page store data/);
    }
    await page.locator('label[for="flow-icp-number"]').click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('label[for="num-topic-1"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('label[for="num-update-0"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#rec-icp-number-no-expiry').waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });
}

test('answers saved by another rulebook version are discarded with a notice', async (t) => {
  const { page } = await guardedPage(t, () => {
    localStorage.setItem('icp-advisor:place', 'v0|#/need?hosting=outside');
  });
  await page.goto(site.server.url);
  await waitForApp(page);
  assert.match(await page.locator('.notice').innerText(), /another version/);
  assert.equal(await page.locator('.resume').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('icp-advisor:place')), null);
});
