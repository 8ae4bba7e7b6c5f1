// Drives the probe of issue 25 (src/bin/probe-first.rs: the first module without Yew) in
// Chromium, to show that what was measured works: the start screen, a flow's questions,
// Continue without a choice, Back (the page's and the browser's), and the handover of a result
// to the full module (here a stub `icpAdvisorHandOver` that records what it is given).
//
//   source scripts/tools.sh
//   cargo build --release --target wasm32-unknown-unknown --bin probe-first --features probe
//   wasm-bindgen --target web --no-typescript --out-dir DIR \
//     target/wasm32-unknown-unknown/release/probe-first.wasm
//   node scripts/probe-first.mjs DIR
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { requireNpm } from '../tests/e2e/harness.mjs';

const dir = process.argv[2];
fs.writeFileSync(
  path.join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body>
<div id="app"><p>static first screen</p></div>
<script type="module">
window.handedOver = [];
window.icpAdvisorHandOver = (record) => { window.handedOver.push(record); };
import init, { startApp, handOverFailed } from './probe-first.js';
await init();
window.handOverFailed = handOverFailed;
startApp(undefined);
</script></body></html>`,
);
const server = http.createServer((req, res) => {
  const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/$/, '/index.html'));
  if (!fs.existsSync(file)) return res.writeHead(404).end();
  const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'text/html';
  res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const { chromium } = requireNpm('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text()) && errors.push(m.text()));
try {
  await page.goto(base);
  await page.waitForSelector('html[data-app-ready]');
  assert.equal(await page.textContent('h1'), 'Do you need an ICP Filing?');
  const flows = await page.$$eval('input[name=flow]', (l) => l.map((i) => i.value));
  console.log('flows', flows);
  // Start the first flow.
  await page.click('button[type=submit]');
  const q1 = await page.textContent('#main-heading');
  console.log('question 1:', q1, '|', await page.textContent('#progress'), '|', page.url());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main-heading');
  // Continue without a choice: the error, and the focus on the first option.
  await page.click('button[type=submit]');
  assert.match(await page.textContent('.error-message'), /Choose one/);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio');
  // Answer, then the next question.
  await page.check('.options input >> nth=0');
  await page.click('button[type=submit]');
  const q2 = await page.textContent('#main-heading');
  console.log('question 2:', q2, '|', await page.textContent('#progress'), '|', page.url());
  assert.notEqual(q1, q2);
  // The page's Back: to question 1 with its answer kept; the browser's Forward, to question 2.
  await page.click('form .actions a');
  await page.waitForFunction((t) => document.querySelector('#main-heading')?.textContent === t, q1);
  assert.equal(await page.isChecked('.options input >> nth=0'), true);
  console.log('back:', page.url());
  await page.goForward();
  await page.waitForFunction((t) => document.querySelector('#main-heading')?.textContent === t, q2);
  // The browser's Back twice: the start screen.
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#main-heading')?.textContent === 'Do you need an ICP Filing?');
  // Answer every question with its last option until the flow hands a place over.
  await page.click('button[type=submit]');
  for (let i = 0; i < 30 && !(await page.$('.screen.pending')); i++) {
    await page.check('.options input >> nth=-1');
    await page.click('button[type=submit]');
  }
  const handed = await page.evaluate(() => window.handedOver);
  console.log('handed over at', page.url(), 'record:', JSON.stringify(handed));
  assert.equal(handed.length, 1);
  assert.match(await page.textContent('.pending-line'), /Loading the rest/);
  // The FAQ link (another place the full module shows) and a failed handover.
  // The place was saved as the Yew app saves it; with a place saved, this module hands the
  // page over at once (the full module offers to resume it).
  const saved = await page.evaluate(() => localStorage.getItem('icp-advisor:place:need'));
  assert.match(saved, /\|#\/need\//, `saved: ${saved}`);
  await page.goto(base + '#/');
  await page.reload();
  await page.waitForFunction(() => window.handedOver.length === 1);
  assert.equal(await page.$('html[data-app-ready]'), null);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('html[data-app-ready]');
  await page.click('nav a[href="#/faq"]');
  assert.equal((await page.evaluate(() => window.handedOver)).length, 1);
  // The full module could not come: why, and Try again (which asks the loader again).
  await page.evaluate(() => window.handOverFailed('offline'));
  assert.match(await page.textContent('[role=alert]'), /\(offline\)/);
  await page.click('.screen.pending button');
  assert.equal((await page.evaluate(() => window.handedOver)).length, 2);
  assert.match(await page.textContent('.pending-line'), /Loading the rest/);
  // The browser's Back from there: the start screen again, shown by this module.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#main-heading')?.textContent === 'Do you need an ICP Filing?');
  console.log('errors', errors);
  assert.deepEqual(errors, []);
  console.log('ok');
} finally {
  await browser.close();
  server.close();
}
