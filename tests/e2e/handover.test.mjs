// The page's two modules (src/ui/handover.rs): a first visit runs the first module (the start
// screen and the questions) and fetches the full one in the background; a result or the FAQ is
// shown by the full module, which takes the page over with its history; a page opened at a
// result starts the full module directly; when the full module cannot come, the reader is told,
// keeps the answers and can try again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST,
  serve,
  launch,
  openApp,
  answerAll,
  startFlow,
  waitForResult,
  waitForQuestion,
  hashOf,
  assertClean,
  OFFICE,
} from './harness.mjs';

const FIRST = /\/icp-advisor-web-[0-9a-f]+_bg\.wasm$/;
const FULL = /\/icp-advisor-lib-[0-9a-f]+_bg\.wasm$/;

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(DIST);
});
after(async () => {
  await server?.close();
  await browser?.close();
});

/**
 * Whether the result wears the full module's rules: index.html inlines only the first module's
 * (src/site/first_screens.rs, page_css), so the verdict's 8 px border comes from the whole stylesheet, which
 * the loader links before the full module starts (or the head script, for a page opened there).
 */
async function assertStyled(page, what) {
  const style = await page.evaluate(() => ({
    border: getComputedStyle(document.querySelector('.verdict')).borderLeftWidth,
    linked: document.querySelectorAll('link[rel="stylesheet"][data-full-css]').length,
    inline: [...document.querySelectorAll('style')].some((s) => s.textContent.includes('.verdict-line')),
  }));
  assert.deepEqual(style, { border: '8px', linked: 1, inline: false }, `${what}: the result is styled by the linked stylesheet`);
}

/** The Wasm files the page requested, in order. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (/\.wasm$/.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test('a first visit starts the first module; the full module follows in the background and shows the result', async (t) => {
  const { page, seen } = await openApp(t, browser, server);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.module), 'first');
  // The head script preloads the first module's Wasm, not its glue (a module preloaded while
  // the page is parsed holds the first paint back; the loader imports it once painted).
  const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => `${l.rel} ${new URL(l.href).pathname}`));
  assert.ok(preloads.some((l) => /^preload /.test(l) && FIRST.test(l.slice(8))), `the first module's Wasm is preloaded: ${preloads}`);
  assert.ok(!preloads.some((l) => l.startsWith('modulepreload')), `no module is preloaded: ${preloads}`);
  // The full module arrives without any answer given (the loader fetches it once the app runs),
  // and is warmed up: it renders a result off the page (web/loader.js, ui::startup::warm_up),
  // which leaves the page, its address, title and storage as they were.
  const page0 = () => page.evaluate(() => ({ href: location.href, title: document.title, storage: { ...localStorage }, app: document.querySelector('#app').innerHTML }));
  const before = await page0();
  await page.waitForSelector('html[data-full-ready]', { state: 'attached', timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.fullReady), 'warmed', 'the full module was warmed up');
  assert.deepEqual(await page0(), before, 'the warm-up changed nothing in the page');
  const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(requested.some((p) => FIRST.test(p)), `the first module was fetched: ${requested}`);
  assert.ok(requested.some((p) => FULL.test(p)), `the full module was fetched in the background: ${requested}`);
  await startFlow(page, 'need');
  await answerAll(page, OFFICE);
  const outcome = await waitForResult(page);
  assert.ok(outcome.length > 0, 'the result has a heading');
  await assertStyled(page, 'after the handover');
  // The place handed over is saved as the page's own (by the first module, before the handover):
  // the full module neither offers a choice between it and "a link's" answers nor keeps from
  // saving it.
  const fragment = new URL(page.url()).hash;
  assert.equal(await page.evaluate(() => localStorage.getItem('icp-advisor:place:need')).then((v) => v.replace(/^v\d+\|/, '')), fragment, 'the result is saved');
  assert.equal(await page.locator('.saved-choice').count(), 0, 'no choice offered');
  // The full module took the page over: one app, with the history of the first.
  assert.equal(await page.locator('#app [data-live]').count(), 1, 'one app in the page');
  await page.goBack();
  await waitForQuestion(page, OFFICE.at(-1)[0]);
  await page.goForward();
  await waitForResult(page);
  assertClean(seen, 'the page handed over');
});

test('a page opened at a result or the FAQ starts the full module alone', async (t) => {
  const first = await openApp(t, browser, server, '#/faq');
  assert.equal(await first.page.evaluate(() => document.documentElement.dataset.module), 'full');
  await first.page.locator('article.faq-entry').first().waitFor({ timeout: 10_000 });
  const resources = await first.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(!resources.some((p) => FIRST.test(p)), `the first module is not fetched: ${resources}`);
  assertClean(first.seen, 'the FAQ');

  const { page, seen } = await openApp(t, browser, server, '');
  await startFlow(page, 'need');
  await answerAll(page, OFFICE);
  await waitForResult(page);
  const link = hashOf(page);
  const other = await openApp(t, browser, server, link);
  assert.equal(await other.page.evaluate(() => document.documentElement.dataset.module), 'full');
  await waitForResult(other.page);
  await assertStyled(other.page, 'a result link');
  assertClean(seen, 'the result page');
  assertClean(other.seen, 'the result link');
});

test('when the full module cannot come, the answers are kept and Try again shows the result', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const requested = wasmRequests(page);
  let block = true;
  await context.route(FULL, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(server.url);
  await page.waitForSelector('html[data-app-ready]');
  await startFlow(page, 'need');
  // The domain question (with its domain check) is the full module's: the first module hands
  // over there.
  const province = OFFICE.findIndex(([q]) => q === 'domain-kind');
  await answerAll(page, OFFICE.slice(0, province));
  const heading = page.locator('#main-heading');
  await heading.waitFor({ timeout: 10_000 });
  assert.match(await heading.innerText(), /could not be loaded/);
  assert.match(await page.locator('[role="alert"]').innerText(), /Your answers are kept/);
  assert.match(hashOf(page), /\/domain-kind\?/, 'the address keeps the answers');
  block = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await answerAll(page, OFFICE.slice(province));
  await waitForResult(page);
  assert.ok(requested.some((p) => FIRST.test(p)) && requested.some((p) => FULL.test(p)), `${requested}`);
});
