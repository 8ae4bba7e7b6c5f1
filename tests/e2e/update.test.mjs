// Updates lose nothing: a browser that used release N (its service worker cache and its saved
// answers, two flows' of them) gets release N+1 on the next visit, is told quietly that the
// advisor was updated and which saved answers no longer apply, and keeps the rest (a link
// opened then does not replace them); offline, release N keeps working until then. Release N is target/update/previous: this app built from a copy of the
// rules with an older rulebook version in which the option `num-update = new-provider` was
// called `move-provider` (tests/e2e/fixtures/previous-rules.py; built by scripts/test.sh).
// Its file names differ from dist/'s, since the Wasm differs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, serve, launch, waitForApp, answer, waitForResult, STEP_TIMEOUT } from './harness.mjs';

const PREVIOUS = path.join(ROOT, 'target', 'update', 'previous');

let server;
let browser;
let site;
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** The site's folder now holds `from` (the server reads files on every request). */
function publish(from) {
  for (const f of fs.readdirSync(site)) fs.rmSync(path.join(site, f), { recursive: true, force: true });
  fs.cpSync(from, site, { recursive: true });
}

/** The page's Wasm (not the library's, which the page never fetches). */
const wasmName = (dir) => fs.readdirSync(dir).find((f) => /^icp-advisor-web-[0-9a-f]+_bg\.wasm$/.test(f));

test('release N+1 replaces release N without losing an answer that still applies', async () => {
  assert.ok(fs.existsSync(path.join(PREVIOUS, 'index.html')), `${PREVIOUS} is missing: run scripts/test.sh --only build`);
  assert.notEqual(wasmName(PREVIOUS), wasmName(DIST), 'the two releases differ in their file names');
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-advisor-update-'));
  publish(PREVIOUS);
  server = await serve(site);
  browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();

  // Release N: answers saved, including one whose option the next release renames.
  await page.goto(server.url + '#/icp-number?lang=en');
  await waitForApp(page);
  await answer(page, 'num-topic', 'validity');
  await answer(page, 'num-update', 'move-provider');
  await waitForResult(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_TIMEOUT });
  const releaseN = await page.locator('.footer').innerText();
  // Another flow's answers, saved beside them (each flow keeps its own).
  await page.goto(server.url + '#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);

  // Offline, release N keeps working from its cache.
  await context.setOffline(true);
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.locator('#resume-heading').count(), 1, 'offline: release N offers the saved place');
  assert.equal(await page.locator('.resume a').count(), 2, 'offline: both flows\' saved places');
  await context.setOffline(false);

  // Release N+1 on the server: the next visit gets it at once.
  publish(DIST);
  await page.goto(server.url);
  await waitForApp(page);
  const releaseN1 = await page.locator('.footer').innerText();
  assert.notEqual(releaseN1, releaseN, 'the footer names the new release');
  assert.ok(server.requests.some((r) => r.includes(wasmName(DIST))), "release N+1's Wasm was fetched");
  const notice = await page.locator('.notice[role="status"]').innerText();
  assert.match(notice, /updated/i, 'the visitor is told the advisor was updated');
  assert.match(notice, /move-provider/, 'and which saved answer no longer applies');
  console.log(`notice after the update: ${notice}`);

  // Both flows' saved answers are still offered; the need flow's all still apply.
  assert.equal(await page.locator('.resume a').count(), 2, 'both flows\' saved places survive the update');
  assert.match(await page.evaluate(() => localStorage.getItem('icp-advisor:place:need')), /hosting=outside&cdn=none/);
  // A link for the icp-number flow now would not replace its saved answers (a choice is offered).
  const link = await context.newPage();
  await link.goto(server.url + '#/icp-number?num-topic=revoked');
  await waitForApp(link);
  await link.getByRole('region', { name: 'Saved answers' }).waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await link.evaluate(() => localStorage.getItem('icp-advisor:place:icp-number')), /num-topic=validity/);
  await link.close();

  // The answers that still apply are kept: resuming leads to the renamed question, with the
  // first answer in place.
  await page.locator('.resume-flow:has(#resume-icp-number) a').click();
  const form = page.locator('form:has(input[name="num-update"])');
  await form.waitFor({ timeout: STEP_TIMEOUT });
  assert.match(decodeURIComponent(new URL(page.url()).hash), /num-topic=validity/, 'the answer that still applies is kept');
  await answer(page, 'num-update', 'new-provider');
  await waitForResult(page);

  // The new release's worker took over and cached it: offline, release N+1 works.
  // Its own cache, by name (release N's alone is one cache too), polled from here: a
  // waitForFunction predicate that returns a promise counts as done at once.
  const version = /const VERSION = "([0-9a-f]+)"/.exec(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'))[1];
  const caches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('icp-advisor-')));
  const deadline = Date.now() + STEP_TIMEOUT;
  while ((await caches()).join() !== 'icp-advisor-' + version) {
    assert.ok(Date.now() < deadline, `release N+1's cache replaces release N's (caches: ${await caches()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // A fresh page, not a goto on this one: from this page's address, a goto that changes only
  // the fragment is a same-document navigation, and the app, already mounted, would still show
  // the English heading when read (CI failed on that race once).
  await context.setOffline(true);
  const zh = await context.newPage();
  await zh.goto(server.url + '#/icp-number?lang=zh-CN');
  await waitForApp(zh);
  assert.match(await zh.locator('#main-heading').innerText(), /[\u4e00-\u9fff]/, 'offline, release N+1 works in Chinese too');
  await zh.close();
  await context.setOffline(false);
});
