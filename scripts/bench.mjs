// Benchmark of the built site (run by scripts/bench.sh; prints figures, asserts nothing).
//
//  * sizes: every shipped file raw and gzip, the total, and the single-file edition;
//  * page loads in headless Chromium (dist/ served on loopback with gzip), median/min/max over
//    N fresh loads: navigation start → first screen's heading in the DOM and painted
//    (first-contentful-paint), and → interactive (an option can be chosen), beside a plain
//    static HTML page and the advisor's first screen as static HTML (no script) served in the
//    same run, with the ratios;
//  * the first visit (a fresh profile, no service worker): the files fetched before the app
//    is interactive, their number, and their transfer with gzip (measured in Chromium) and
//    with brotli (the .br files beside them, as a server with precompressed files sends
//    them: Chromium does not ask for brotli over plain http), for an English and a Chinese
//    visitor; against the targets (≤ 100 KB brotli, ≤ 120 KB gzip for an English visitor);
//  * answer → next question: from the click on Continue to the frame showing the next question;
//  * the last answer → the result on a warm cache, once the full module has arrived in the
//    background: the first module hands the page over (src/ui/handover.rs);
//  * the JS API's time to evaluate a complete answer set in the browser, and to walk every
//    path of every flow through it;
//  * JS heap and Wasm memory after completing a flow.
// Output: a table on stdout, and the same figures as JSON in target/bench.json.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, ROOT, serve, launch } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 9);
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;

function sizes() {
  const rows = [];
  for (const f of fs.readdirSync(DIST, { recursive: true }).sort()) {
    const p = path.join(DIST, f);
    if (!fs.statSync(p).isFile() || f === 'icp-advisor.html' || f.startsWith('examples') || /\.(br|gz)$/.test(f)) continue;
    const data = fs.readFileSync(p);
    const br = fs.existsSync(p + '.br') ? fs.statSync(p + '.br').size : data.length;
    rows.push({ file: f, raw: data.length, gzip: gz(data), brotli: br });
  }
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const single = fs.readFileSync(path.join(DIST, 'icp-advisor.html'));
  return { files: rows, total, single: { raw: single.length, gzip: gz(single) } };
}

// A plain page with the same kind of first screen: a heading, some text and a radio group.
function plainPage(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<h1 id="main-heading">Do you need an ICP Filing?</h1><p>Answer a few plain questions.</p>
<form><fieldset><legend>What do you need help with?</legend>
<label><input type="radio" name="flow" id="flow-need">Do I need an ICP Filing, and which one?</label>
</fieldset></form></body></html>`,
  );
  return dir;
}

// The advisor's own first screen as a static page: index.html without its scripts (the head
// script's choice of screen made in the markup: the English start screen shown), with its inline
// stylesheet, content and icon. Beside the plain page it shows what the screen itself costs (its
// markup, stylesheet and fonts) and what the app's scripts and modules add to it.
function staticCopy(dir) {
  fs.mkdirSync(dir, { recursive: true });
  let html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const before = html;
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace('<html lang="en"', '<html lang="en" data-app-ready data-first-screen="start:en"');
  if (html === before || /<script/.test(html) || !html.includes('data-first-screen="start:en"')) throw new Error('bench: index.html no longer has the expected shape for its static copy');
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.copyFileSync(path.join(DIST, 'icon.svg'), path.join(dir, 'icon.svg'));
  return dir;
}

// Injected before any page script. Records when the heading is in the DOM with a layout box,
// when the page first paints content (first-contentful-paint: a screen is only seen once
// its stylesheet has arrived and it is painted), and when the first option can be chosen;
// all measured inside the page from navigation start. "Visible" is the later of the first two.
const PROBE = () => {
  window.__bench = {};
  const b = window.__bench;
  const done = () => {
    if (b.dom !== undefined && b.paint !== undefined && b.visible === undefined) b.visible = Math.max(b.dom, b.paint);
    return b.visible !== undefined && b.interactive !== undefined;
  };
  const check = () => {
    // index.html holds a first screen per language and flow, all but one hidden (their ids
    // prefixed per copy); the live app's heading is #main-heading.
    const shown = [...document.querySelectorAll('h1')].some((h) => h.getBoundingClientRect().height > 0);
    if (shown && b.dom === undefined) b.dom = performance.now();
    const radio = document.querySelector('input[type=radio]');
    const appReady = !document.querySelector('#app') || document.documentElement.hasAttribute('data-app-ready');
    if (radio && !radio.disabled && appReady && b.interactive === undefined) b.interactive = performance.now();
    return done();
  };
  new MutationObserver(() => check()).observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && b.paint === undefined) b.paint = e.startTime;
    done();
  }).observe({ type: 'paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};

async function load(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.visible !== undefined && window.__bench.interactive !== undefined, null, { timeout: 30000 });
  // With what was fetched until interactive (the first-visit figures).
  const b = await page.evaluate(() => {
    const until = window.__bench.interactive;
    const nav = performance.getEntriesByType('navigation')[0];
    const fetched = [nav, ...performance.getEntriesByType('resource').filter((e) => e.startTime <= until)];
    return { ...window.__bench, fetched: fetched.map((e) => ({ url: e.name, transfer: e.transferSize, encoded: e.encodedBodySize })) };
  });
  await context.close();
  return b;
}

/** Fresh loads of each page, alternating between them so that a busy machine slows both alike. */
async function loads(browser, urls) {
  const results = urls.map(() => ({ dom: [], visible: [], interactive: [] }));
  for (let i = 0; i < RUNS; i++) {
    for (const [k, url] of urls.entries()) {
      const b = await load(browser, url);
      results[k].dom.push(b.dom);
      results[k].visible.push(b.visible);
      results[k].interactive.push(b.interactive);
    }
  }
  return results.map((r) => ({ dom: stats(r.dom), visible: stats(r.visible), interactive: stats(r.interactive) }));
}

/** What a first visit fetches before the app is interactive (resource timing, in the page). */
async function firstVisit(browser, url) {
  const seen = (await load(browser, url)).fetched;
  const files = seen.map((e) => {
    let file = decodeURIComponent(new URL(e.url).pathname).replace(/^\//, '') || 'index.html';
    if (file.endsWith('/')) file += 'index.html';
    const at = (f) => (fs.existsSync(path.join(DIST, f)) ? fs.statSync(path.join(DIST, f)).size : null);
    const raw = at(file) ?? e.encoded;
    return { file, raw, gzip: e.transfer, brotli: at(file + '.br') ?? raw };
  });
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { requests: files.length, files, gzip: sum('gzip'), brotli: sum('brotli'), raw: sum('raw') };
}

/**
 * Answer → next question: the click on Continue to the frame that shows the next question, on a
 * path the first module shows to its end (`plan`: the option chosen for each question; no
 * question of the `full` kind, which the full module shows), so that each sample is the first
 * module's own; the last answer (the handover to a result) is measured apart (resultTimes).
 */
async function answerTimes(browser, url, plan) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-app-ready]');
  const times = [];
  for (let i = 0; i < 40; i++) {
    const form = page.locator('main form:has(input[type=radio])');
    if (!(await form.count())) break;
    const t = await page.evaluate(
      (plan) =>
        new Promise((resolve, reject) => {
          const form = document.querySelector('main form');
          const before = document.querySelector('#main-heading');
          const radio = plan.map(([q, v]) => form.querySelector(`input[name="${q}"][value="${v}"]`)).find(Boolean);
          if (!radio) return reject(new Error(`bench: no planned option on ${location.hash}`));
          const last = plan[plan.length - 1][0] === radio.name;
          radio.click();
          const start = performance.now();
          const observer = new MutationObserver(() => {
            const h = document.querySelector('#main-heading');
            if (h && h !== before) {
              observer.disconnect();
              // The frame that shows it begins (its paint follows at once): within 16 ms, the
              // answer's screen is in the very next frame.
              requestAnimationFrame(() => resolve(last ? null : performance.now() - start));
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          form.querySelector('button[type=submit]').click();
        }),
      plan,
    );
    if (t !== null) times.push(t);
    if (await page.locator('#answers-heading').count()) {
      await page.goto(url);
      await page.waitForSelector('html[data-app-ready]');
    }
  }
  await context.close();
  return stats(times);
}

/**
 * The last answer → the result, on a warm cache: the page opened at a flow's last question (its
 * files in the HTTP cache from earlier loads), the full module fetched and compiled in the
 * background (<html data-full-ready>), then the click on Continue to the frame that shows the
 * result (the first module hands the page over to the full one: src/ui/handover.rs).
 */
async function resultTimes(browser, url, option) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-app-ready]');
    await page.waitForSelector('html[data-full-ready]', { state: 'attached', timeout: 30000 }).catch(() => {});
    const at = new URL(url).hash.split('?')[0];
    if (i === 0 && (!(await page.evaluate(() => location.hash)).startsWith(at) || (await page.locator(`main form input[type=radio][value="${option}"]`).count()) !== 1)) {
      throw new Error(`bench: ${url} does not show the option ${option} (the rulebook's paths changed?)`);
    }
    const t = await page.evaluate(
      (option) =>
        new Promise((resolve) => {
          const form = document.querySelector('main form');
          form.querySelector(`input[type=radio][value="${option}"]`).click();
          const start = performance.now();
          const done = () => document.querySelector('#answers-heading');
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            }
          });
          observer.observe(document.documentElement, { childList: true, subtree: true });
          form.querySelector('button[type=submit]').click();
        }),
      option,
    );
    if (i > 0) times.push(t); // the first load fills the cache
    await page.close();
  }
  await context.close();
  return stats(times);
}

/**
 * A path of the flow `need` the first module shows to its end (no domain, province or ID card
 * question, which the full module shows): each question and the option chosen, the last one
 * leading to a result.
 */
const FIRST_MODULE_PATH = [
  ['hosting', 'mainland-other'],
  ['access', 'domain'],
  ['cdn', 'none'],
  ['host-filing', 'none'],
  ['entity', 'outside'],
  ['presence', 'branch'],
  ['can-complete', 'no'],
];

/** Says on stderr which measurement runs (a run takes minutes). */
const progress = (what) => console.error(`bench: ${what}…`);

async function main() {
  const result = { runs: RUNS, sizes: sizes() };
  const browser = await launch({ args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'] });
  const app = await serve(DIST, { gzip: true });
  const plain = await serve(plainPage(path.join(ROOT, 'target', 'bench-plain')), { gzip: true });
  const still = await serve(staticCopy(path.join(ROOT, 'target', 'bench-static')), { gzip: true });
  try {
    // One warm-up load each (first compression of each file, Chromium's own start-up).
    await load(browser, app.url);
    await load(browser, plain.url);
    await load(browser, still.url);
    progress('page loads beside a plain page and the static copy of the first screen');
    [result.app, result.plain, result.still] = await loads(browser, [app.url, plain.url, still.url]);
    result.ratio = {
      visible: result.app.visible.median / result.plain.visible.median,
      interactive: result.app.interactive.median / result.plain.interactive.median,
      stillVisible: result.still.visible.median / result.plain.visible.median,
    };

    progress('first visits');
    result.firstVisit = {
      en: await firstVisit(browser, app.url + '#/?lang=en'),
      zh: await firstVisit(browser, app.url + '#/?lang=zh-CN'),
    };
    progress('answer → next question');
    result.answerToNext = await answerTimes(browser, app.url + '#/need?lang=en', FIRST_MODULE_PATH);
    progress('last answer → result');
    // A path the first module shows to its end (no question of the `full` kind — the domain, the
    // province — which the full module shows): its last answer hands the page over.
    result.lastAnswerToResult = await resultTimes(
      browser,
      app.url + '#/need/can-complete?' + FIRST_MODULE_PATH.slice(0, -1).map(([q, v]) => `${q}=${v}`).join('&') + '&lang=en',
      FIRST_MODULE_PATH.at(-1)[1],
    );

    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(app.url + '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none&subject-filing=none&entity=outside&presence=none&slb=yes&commercial-license=yes&lang=en');
    await page.locator('#rec-initial-filing').waitFor({ state: 'attached' }); // (in a folded plan step)
    // The JS API as a page uses it: the library's glue and Wasm (which icp-advisor.js loads;
    // the page's own Wasm leaves the API out), called directly so that each call is timed alone.
    const glue = fs.readdirSync(DIST).find((f) => /^icp-advisor-lib-[0-9a-f]+\.js$/.test(f));
    await page.evaluate(async (glue) => {
      const api = await import(new URL(glue, document.baseURI).href);
      await api.default({ module_or_path: new URL(glue.replace(/\.js$/, '_bg.wasm'), document.baseURI).href });
      window.icpApi = api;
    }, glue);
    result.browserEvaluate = await page.evaluate(() => {
      const input = { flow: 'need', answers: { hosting: 'mainland-ecs', access: 'domain', cdn: 'mainland', 'domain-kind': 'second-level', 'domain-filing': 'none', 'subject-filing': 'none', entity: 'outside', presence: 'none', slb: 'yes', 'commercial-license': 'yes' } };
      const n = 2000;
      for (let i = 0; i < 200; i++) window.icpApi.evaluate(input);
      const t = performance.now();
      for (let i = 0; i < n; i++) window.icpApi.evaluate(input);
      return { perCallMicroseconds: ((performance.now() - t) / n) * 1000, note: 'JS API: evaluate + conversion of the whole advice to JS objects' };
    });
    // Every path of every flow, walked through the JS API as a page would: evaluate the
    // answers so far, then branch on each option of the next question.
    result.browserWalk = await page.evaluate(() => {
      const api = window.icpApi;
      const flows = api.questions().map((f) => f.id);
      let paths = 0;
      let calls = 0;
      const walk = (flow, answers) => {
        const advice = api.evaluate({ flow, answers });
        calls++;
        if (advice.complete || !advice.next_question) {
          paths++;
          return;
        }
        for (const option of advice.next_question.options) walk(flow, { ...answers, [advice.next_question.id]: option.id });
      };
      const t = performance.now();
      for (const flow of flows) walk(flow, {});
      return { paths, evaluateCalls: calls, milliseconds: performance.now() - t };
    });
    result.memory = await page.evaluate(() => ({
      jsHeapUsedBytes: performance.memory?.usedJSHeapSize ?? null,
      wasmMemoryBytes: window.__wasm?.memory?.buffer?.byteLength ?? null,
    }));
    await context.close();
  } finally {
    await app.close();
    await plain.close();
    await still.close();
    await browser.close();
  }

  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
  const ms = (n) => n.toFixed(1).padStart(7) + ' ms';
  console.log('\nSizes (dist/: raw, gzip -9, brotli as shipped in .br):');
  for (const r of result.sizes.files) console.log(`  ${r.file.padEnd(46)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  console.log(`  ${'TOTAL'.padEnd(46)}${kb(result.sizes.total.raw)}${kb(result.sizes.total.gzip)}${kb(result.sizes.total.brotli)}`);
  console.log(`  ${'single-file edition icp-advisor.html'.padEnd(46)}${kb(result.sizes.single.raw)}${kb(result.sizes.single.gzip)}`);
  console.log(`\nPage loads (${RUNS} fresh loads each; from navigation start; median [min–max]):`);
  for (const [name, r] of [['advisor', result.app], ['plain static page', result.plain], ['its screen, static', result.still]]) {
    console.log(`  ${name.padEnd(20)} in DOM ${ms(r.dom.median)}   visible (painted) ${ms(r.visible.median)} [${r.visible.min.toFixed(1)}–${r.visible.max.toFixed(1)}]   interactive ${ms(r.interactive.median)} [${r.interactive.min.toFixed(1)}–${r.interactive.max.toFixed(1)}]`);
  }
  console.log(`  ratio advisor/plain  visible ${result.ratio.visible.toFixed(2)}×   interactive ${result.ratio.interactive.toFixed(2)}×`);
  console.log(`  ratio static copy of the advisor's first screen/plain  visible ${result.ratio.stillVisible.toFixed(2)}× (the screen's own markup, stylesheet and fonts, without any script)`);
  const target = (ok) => (ok ? 'met' : 'NOT met');
  console.log('\nFirst visit (fresh profile, no service worker; files fetched before interactive):');
  for (const [who, v] of [['English visitor', result.firstVisit.en], ['Chinese visitor', result.firstVisit.zh]]) {
    console.log(`  ${who.padEnd(16)} ${String(v.requests).padStart(2)} requests   brotli ${kb(v.brotli)}   gzip ${kb(v.gzip)}   raw ${kb(v.raw)}`);
    for (const f of v.files) console.log(`    ${f.file.padEnd(46)}${kb(f.brotli)} br${kb(f.gzip)} gz`);
  }
  const en = result.firstVisit.en;
  console.log(`  targets (English): brotli ≤ 100 KB: ${target(en.brotli <= 100 * 1024)} (${(en.brotli / 1024).toFixed(1)} KB); gzip ≤ 120 KB: ${target(en.gzip <= 120 * 1024)} (${(en.gzip / 1024).toFixed(1)} KB)`);
  console.log(`  targets: first paint ≤ 1.5× plain: ${target(result.ratio.visible <= 1.5)} (${result.ratio.visible.toFixed(2)}×); interactive ≤ 3× plain: ${target(result.ratio.interactive <= 3)} (${result.ratio.interactive.toFixed(2)}×)`);
  const a = result.answerToNext;
  console.log(`\nAnswer → next question (its frame begins): median ${ms(a.median)} [${a.min.toFixed(1)}–${a.max.toFixed(1)}]; target ≤ 16 ms: ${target(a.median <= 16)}`);
  const r = result.lastAnswerToResult;
  console.log(`Last answer → result, warm cache (the full module taking over): median ${ms(r.median)} [${r.min.toFixed(1)}–${r.max.toFixed(1)}]; target ≤ 50 ms: ${target(r.median <= 50)}`);
  console.log(`\nIn-browser evaluate (JS API, complete answer set): ${result.browserEvaluate.perCallMicroseconds.toFixed(1)} µs per call`);
  console.log(`In-browser walk of every path (JS API): ${result.browserWalk.paths} paths, ${result.browserWalk.evaluateCalls} evaluate calls, ${result.browserWalk.milliseconds.toFixed(1)} ms`);
  console.log(`Memory after a flow: JS heap ${kb(result.memory.jsHeapUsedBytes ?? 0)}, Wasm memory ${kb(result.memory.wasmMemoryBytes ?? 0)}`);
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'bench.json'), JSON.stringify(result, null, 2));
  console.log('\nJSON: target/bench.json');
}

await main();
