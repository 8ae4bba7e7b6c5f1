// Hardening: outside input never becomes markup or script, a panic shows the crash panel
// instead of a dead page, and broken, outdated or hostile saved state and storage never break
// the app: a clear message, and the answers that still apply are kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSite,
  newContext,
  waitForApp,
  answer,
  startFlow,
  waitForQuestion,
  waitForResult,
  selected,
  questionForm,
  STEP_TIMEOUT,
} from './harness.mjs';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '<svg onload=alert(1)>',
];
const enc = encodeURIComponent;

const site = withSite();

/** A fresh page that records dialogs; `init` runs before every document. */
async function guardedPage(t, init, arg) {
  const context = await newContext(site.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (init) await page.addInitScript(init, arg);
  return { page, dialogs, errors };
}

/**
 * Nothing was injected: no img/svg/script elements in the app, no javascript: links, and no
 * inline script but index.html's own (hashed) head script.
 */
async function assertNoInjection(page, dialogs) {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('#app img').length,
    svg: document.querySelectorAll('#app svg').length,
    appScripts: document.querySelectorAll('#app script, body script:not([src])').length,
    headInline: [...document.querySelectorAll('head script:not([src])')].filter((s) => !s.textContent.startsWith('(function(){var C=')).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(found, { img: 0, svg: 0, appScripts: 0, headInline: 0, jsLinks: 0 });
  assert.deepEqual(dialogs, []);
}

for (const payload of PAYLOADS) {
  test(`share link payload stays text: ${payload}`, async (t) => {
    const { page, dialogs, errors } = await guardedPage(t);
    const links = [
      `#/need?hosting=${enc(payload)}`,
      `#/need?${enc(payload)}=outside`,
      `#/${enc(payload)}?a=b`,
      `#/faq/${enc(payload)}`,
      `#/need?hosting=outside&lang=${enc(payload)}`,
      `#/need?hosting=outside&lens=${enc(payload)}`,
      `#/need/${enc(payload)}?hosting=outside`,
      `#/need?hosting=${payload}`,
    ];
    for (const link of links) {
      await page.goto(site.server.url + link);
      await waitForApp(page);
      await page.locator('#main-heading').waitFor();
      await assertNoInjection(page, dialogs);
    }
    assert.deepEqual(errors, []);
  });
}

test('embed options with payloads are ignored', async (t) => {
  const { page, dialogs, errors } = await guardedPage(t);
  await page.goto(
    site.server.url + `index.html?embed=1&flow=${enc(PAYLOADS[0])}&theme=${enc(PAYLOADS[1])}&lang=${enc(PAYLOADS[4])}&host=${enc(PAYLOADS[2])}`,
  );
  await waitForApp(page);
  await page.locator('#main-heading').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  await assertNoInjection(page, dialogs);
  assert.deepEqual(errors, []);
});

test('the JS API turns payloads into one-line error messages, not markup', async (t) => {
  const { page, dialogs } = await guardedPage(t);
  await page.goto(site.server.url);
  await waitForApp(page);
  const messages = await page.evaluate(async (payloads) => {
    const api = await import(new URL('icp-advisor.js', document.baseURI).href);
    const out = [];
    for (const p of payloads) {
      for (const input of [{ [p]: 'x' }, { flow: p }, { flow: 'need', answers: { hosting: p } }, p, [p]]) {
        try {
          await api.evaluate(input);
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
  const panel = page.getByRole('alert').filter({ has: page.locator('#crash-heading') });
  await panel.waitFor();
  assert.match(await panel.innerText(), /Something went wrong/);
  assert.ok(consoleErrors.some((e) => e.includes('deliberate panic')), 'details logged to the console');
  // The self-test is a fault in the first module first (src/first/page.rs), which hands the page
  // to the full module, whose own fault shows the panel.
  assert.ok(consoleErrors.some((e) => e.includes('in the first module')), `the first module's fault: ${consoleErrors}`);
  // "Start over" brings a working app back.
  await panel.getByRole('link', { name: 'Start over' }).click();
  await waitForApp(page);
  await startFlow(page, 'need');
  await waitForQuestion(page, 'hosting');
});

// ───────────────────────────── saved state ─────────────────────────────

// (Each flow's place has a key of its own; these tests save the need flow's.)
const SAVED = 'icp-advisor:place:need';
const notice = (page) => page.getByRole('status', { name: 'Notices' });

/** The rulebook version this release saves under (`v<N>|…`), learned from a saved place. */
async function currentVersion(t) {
  const { page } = await guardedPage(t);
  await page.goto(site.server.url + '#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const saved = await page.evaluate((key) => localStorage.getItem(key), SAVED);
  const m = /^v(\d+)\|#\/need\/result\?hosting=outside&cdn=none$/.exec(saved);
  assert.ok(m, `the place is saved as v<N>|<fragment>: ${saved}`);
  return Number(m[1]);
}

test('unreadable saved answers: a clear message, they are discarded, and the app works', async (t) => {
  for (const corrupt of ['garbage', 'v|#/need?hosting=outside', 'vX|#/need', '{"flow":"need"}', '\u0000\uffff']) {
    const { page, dialogs, errors } = await guardedPage(t, ([key, value]) => localStorage.setItem(key, value), [SAVED, corrupt]);
    await page.goto(site.server.url);
    await waitForApp(page);
    await notice(page).waitFor({ timeout: STEP_TIMEOUT });
    assert.equal((await notice(page).innerText()).split('\n')[0], 'Your saved answers could not be read and were discarded.', JSON.stringify(corrupt));
    assert.equal(await page.getByRole('link', { name: 'Resume', exact: true }).count(), 0, 'nothing offered to resume');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), SAVED), null, 'the unreadable state is removed');
    await startFlow(page, 'icp-number');
    await answer(page, 'num-topic', 'validity');
    await answer(page, 'num-update', 'nothing');
    await waitForResult(page);
    assert.deepEqual(errors, []);
    await assertNoInjection(page, dialogs);
  }
});

test('saved answers partly unreadable under the same rules: what was left out is said, the rest is kept', async (t) => {
  const now = await currentVersion(t);
  const { page, dialogs, errors } = await guardedPage(t, ([key, value]) => localStorage.setItem(key, value), [SAVED, `v${now}|#/need/cdn?hosting=outside&cdn=nowhere&zz%=1`]);
  await page.goto(site.server.url);
  await waitForApp(page);
  const text = await notice(page).innerText();
  assert.match(
    text,
    // (`zz%` is a broken escape: the part is malformed, said as written.)
    /^Part of your saved answers could not be read and was left out: “zz%=1”; “Will you use Alibaba Cloud CDN for it\?” \(nowhere\)\. The rest is kept\./,
    `the message names what was left out: ${text}`,
  );
  await page.getByRole('link', { name: 'Resume', exact: true }).click();
  await waitForQuestion(page, 'cdn');
  assert.equal(await selected(page, 'cdn'), null, 'the unreadable answer is not taken');
  await questionForm(page, 'cdn').getByRole('link', { name: 'Back', exact: true }).click();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'outside', 'the readable answer is kept');
  assert.deepEqual(errors, []);
  await assertNoInjection(page, dialogs);
});

test('answers saved by another version of the rules: a message, and the answers that still apply are kept', async (t) => {
  const now = await currentVersion(t);
  // The older rules had a question this release does not know; hosting=outside still applies.
  const { page, dialogs, errors } = await guardedPage(t, ([key, value]) => localStorage.setItem(key, value), [SAVED, `v${now - 1}|#/need/cdn?hosting=outside&old-question=yes`]);
  await page.goto(site.server.url);
  await waitForApp(page);
  const text = await notice(page).innerText();
  assert.match(text, /^The advisor was updated to version \d+\.\d+\.\d+\..*no longer apply.*old-question/, `the message names the answer left out: ${text}`);
  await page.getByRole('link', { name: 'Resume', exact: true }).click();
  await waitForQuestion(page, 'cdn');
  await questionForm(page, 'cdn').getByRole('link', { name: 'Back', exact: true }).click();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'outside', 'the answer that still applies is kept');
  assert.deepEqual(errors, []);
  await assertNoInjection(page, dialogs);

  // All of them still applying: said as well, quietly.
  const again = await guardedPage(t, ([key, value]) => localStorage.setItem(key, value), [SAVED, `v${now - 1}|#/need/cdn?hosting=outside`]);
  await again.page.goto(site.server.url);
  await waitForApp(again.page);
  assert.match(await notice(again.page).innerText(), /^The advisor was updated to version \d+\.\d+\.\d+\. Your saved answers still apply\./);
  await again.page.getByRole('link', { name: 'Resume', exact: true }).click();
  await waitForQuestion(again.page, 'cdn');
});

test('saved state and language preference with payloads are read as text or discarded', async (t) => {
  const now = await currentVersion(t);
  const { page, dialogs, errors } = await guardedPage(t, ([key, payloads, version]) => {
    localStorage.setItem(key, `v${version - 1}|#/need?hosting=${payloads[0]}&${payloads[1]}=x`);
    localStorage.setItem('icp-advisor:lang', payloads[2]);
    localStorage.setItem('icp-advisor:lens', payloads[3]);
  }, [SAVED, PAYLOADS, now]);
  await page.goto(site.server.url);
  await waitForApp(page);
  await page.locator('#main-heading').waitFor();
  await notice(page).waitFor({ timeout: STEP_TIMEOUT });
  await assertNoInjection(page, dialogs);
  assert.deepEqual(errors, []);
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
    const { page, dialogs, errors } = await guardedPage(t, init);
    await page.goto(site.server.url);
    await waitForApp(page);
    if (name !== 'full') {
      assert.match(await notice(page).innerText(), /does not let this page store data/);
    }
    await startFlow(page, 'icp-number');
    await answer(page, 'num-topic', 'validity');
    await answer(page, 'num-update', 'nothing');
    assert.equal(await waitForResult(page), 'Nothing to update while nothing changes');
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });
}
