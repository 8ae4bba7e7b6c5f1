// The advisor at home in documentation sites: host pages kept apart from the project
// (tests/e2e/fixtures/hosts/), each imitating one generator's theme signal and navigation —
// Docusaurus (<html data-theme>), MkDocs Material (<body data-md-color-scheme>, instant
// navigation), VitePress (<html class="dark">, client-side routing), Starlight (<html
// data-theme> with color-scheme), a plain light page, a plain dark page and a page that says
// nothing — each holding the three embeddings: <icp-advisor>, mount() and the iframe (embed.js).
//
//  * Theme: with the default theme ("auto") every embedding takes the page's theme, whatever the
//    reader's system prefers (each page is opened in both of its themes under a light and a dark
//    system preference, and switched over while open); every text of the advisor contrasts at
//    least 4.5:1 with the background actually painted behind it. Screenshots of each page in
//    each theme go to target/screenshots/host-*.png.
//  * Navigation: instant navigation (the page's container swapped) and client-side routing
//    (elements removed and added, or moved) keep each advisor's answers while it is in the page
//    and clean it up when it is removed; the host page's own address changes (in-page links,
//    history) never move an advisor.
//
// The system preference is Chromium's own (--blink-settings=preferredColorScheme), not
// Playwright's emulation: only then does an iframe's colour scheme reach the frame's
// prefers-color-scheme, as it does in a browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIST,
  serve,
  launch,
  CHROMIUM_ARGS,
  track,
  assertClean,
  answer,
  waitForQuestion,
  selected,
  questionForm,
  screenshot,
  STEP_TIMEOUT,
} from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hosts');

/** Each host page, the theme it opens in without `?theme=`, and whether it can switch. */
const HOSTS = {
  docusaurus: { switches: true },
  'mkdocs-material': { switches: true },
  vitepress: { switches: true },
  starlight: { switches: true },
  'plain-light': { fixed: 'light' },
  'plain-dark': { fixed: 'dark' },
  'no-signal': { fixed: null }, // follows the reader's preference
};

let server;
const browsers = {};
before(async () => {
  server = await serve();
  // Two "systems": one that prefers light, one that prefers dark.
  for (const [os, v] of [['light', 1], ['dark', 0]]) {
    browsers[os] = await launch({ args: [...CHROMIUM_ARGS, `--blink-settings=preferredColorScheme=${v}`] });
  }
});
after(async () => {
  for (const b of Object.values(browsers)) await b.close();
  await server?.close();
});

/** A page of a browser whose system prefers `os`, with the host fixtures served under hosts/. */
async function hostPage(t, os, { viewport = { width: 1100, height: 900 }, locale = 'en-US' } = {}) {
  const context = await browsers[os].newContext({ viewport, locale, colorScheme: null });
  t.after(() => context.close());
  await context.route(`${server.url}hosts/**`, (route) => {
    const file = path.join(FIXTURES, path.basename(new URL(route.request().url()).pathname));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'no such fixture' });
    return route.fulfill({
      contentType: file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
      body: fs.readFileSync(file),
    });
  });
  // The advisors' events, recorded from the start (they bubble out of the shadow roots).
  await context.addInitScript(() => {
    window.__events = [];
    window.__warnings = [];
    for (const type of ['icp-advisor-change', 'icp-advisor-result', 'icp-advisor-warning']) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id, detail: e.detail }));
    }
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      window.__warnings.push(args.map(String).join(' '));
      warn(...args);
    };
  });
  const page = await context.newPage();
  const seen = track(page);
  return { context, page, seen };
}

/** Opens a host fixture (in `theme`, if it switches) and waits for its three advisors. */
async function openHost(page, name, theme) {
  await page.goto(`${server.url}hosts/${name}.html${theme ? `?theme=${theme}` : ''}`);
  await page.waitForSelector('html[data-fixture-ready]', { state: 'attached', timeout: STEP_TIMEOUT });
  await waitForQuestion(page.locator('icp-advisor#el'), 'hosting');
  await waitForQuestion(page.locator('#mounted'), 'num-topic');
  await waitForQuestion(page.frameLocator('#frame'), 'sc-server');
}

/** The theme each embedding shows: its container's data-theme; for the frame, its colour scheme. */
function themes(page) {
  return page.evaluate(() => {
    const container = (id) => document.getElementById(id).shadowRoot.querySelector('[data-theme]')?.getAttribute('data-theme');
    const frame = document.getElementById('frame');
    return {
      element: container('el'),
      mounted: container('mounted'),
      frame: frame.contentWindow.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
      frameColorScheme: frame.style.colorScheme,
    };
  });
}

/**
 * Every text of the advisor in `root` (a shadow root, or a frame's document) with its contrast
 * against the background painted behind it: the element's and its ancestors' backgrounds
 * (across the shadow boundary, into the host page) laid over the canvas. Returns the worst few.
 */
function contrastIn(page, where) {
  const measure = (where) => {
    const parse = (c) => {
      const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/.exec(c || '');
      return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : [0, 0, 0, 0];
    };
    const over = (top, below) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const up = (el) => el.parentElement || el.getRootNode().host || null;
    const background = (el) => {
      const layers = [];
      for (let n = el; n; n = up(n)) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      // The canvas: dark when the document's root is in a dark colour scheme (Chromium's #121212).
      const doc = el.ownerDocument;
      const dark = /\bdark\b/.test(getComputedStyle(doc.documentElement).colorScheme) &&
        !/\blight\b/.test(getComputedStyle(doc.documentElement).colorScheme);
      let paint = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
      for (const l of layers.reverse()) paint = over(l, paint);
      return paint;
    };
    const root = where === 'frame' ? document.getElementById('frame').contentDocument : document.getElementById(where).shadowRoot;
    const out = [];
    const walker = (root.ownerDocument || root).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.textContent.trim()) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width <= 1 || rect.height <= 1 || rect.right < 0 || style.visibility !== 'visible' || el.closest('[hidden], noscript, script, style, title')) continue;
      if (el.ownerDocument.defaultView.getComputedStyle(el).opacity !== '1') continue;
      const fg = parse(style.color);
      const bg = background(el);
      out.push({ text: t.textContent.trim().slice(0, 40), ratio: Math.round(ratio(over(fg, bg), bg) * 100) / 100 });
    }
    out.sort((a, b) => a.ratio - b.ratio);
    return { count: out.length, worst: out.slice(0, 3) };
  };
  return page.evaluate(measure, where);
}

async function assertReadable(page, where) {
  for (const id of ['el', 'mounted', 'frame']) {
    const { count, worst } = await contrastIn(page, id);
    assert.ok(count > 5, `${where}: ${id} shows text (${count})`);
    assert.ok(worst[0].ratio >= 4.5, `${where}: ${id}'s text "${worst[0].text}" contrasts ${worst[0].ratio}:1 with what is behind it (needs 4.5)`);
  }
}

async function waitForThemes(page, expected, where) {
  await page
    .waitForFunction(
      (expected) => {
        const c = (id) => document.getElementById(id)?.shadowRoot?.querySelector('[data-theme]')?.getAttribute('data-theme');
        const f = document.getElementById('frame');
        return c('el') === expected && c('mounted') === expected && f.contentWindow.matchMedia(`(prefers-color-scheme: ${expected})`).matches;
      },
      expected,
      { timeout: STEP_TIMEOUT },
    )
    .catch(() => {});
  const got = await themes(page);
  assert.deepEqual(
    { element: got.element, mounted: got.mounted, frame: got.frame },
    { element: expected, mounted: expected, frame: expected },
    `${where}: every embedding in the ${expected} theme (frame color-scheme ${got.frameColorScheme})`,
  );
}

// ───────────────────────────── theme × system preference ─────────────────────────────

for (const [name, host] of Object.entries(HOSTS)) {
  for (const os of ['light', 'dark']) {
    test(`${name} host, system prefers ${os}: the advisor follows the page's theme and stays readable`, async (t) => {
      const { page, seen } = await hostPage(t, os);
      const opposite = os === 'light' ? 'dark' : 'light';
      if (host.switches) {
        // Opened in the theme opposite to the system's, then switched while open.
        await openHost(page, name, opposite);
        await waitForThemes(page, opposite, `${name} opened ${opposite}`);
        await assertReadable(page, `${name} ${opposite}, system ${os}`);
        await screenshot(page, `host-${name}-${opposite}-system-${os}`);
        await page.evaluate((theme) => window.setHostTheme(theme), os);
        await waitForThemes(page, os, `${name} switched to ${os}`);
        await assertReadable(page, `${name} switched to ${os}, system ${os}`);
        await page.evaluate((theme) => window.setHostTheme(theme), opposite);
        await waitForThemes(page, opposite, `${name} switched back to ${opposite}`);
      } else {
        await openHost(page, name);
        const expected = host.fixed ?? os;
        await waitForThemes(page, expected, name);
        await assertReadable(page, `${name}, system ${os}`);
        await screenshot(page, `host-${name}-system-${os}`);
      }
      assertClean(seen, `${name}`);
    });
  }
}

test('a theme named on the element, mount() or the iframe is kept whatever the page does; a theme change keeps the answers', async (t) => {
  const { page, seen } = await hostPage(t, 'light');
  await openHost(page, 'docusaurus', 'light');
  await answer(page.locator('icp-advisor#el'), 'hosting', 'outside');
  await waitForQuestion(page.locator('icp-advisor#el'), 'cdn');
  await page.evaluate(async () => {
    document.getElementById('el').setAttribute('theme', 'dark');
    window.__mounted.setTheme('dark');
  });
  const dark = () =>
    page.evaluate(() => ['el', 'mounted'].map((id) => document.getElementById(id).shadowRoot.querySelector('[data-theme]').getAttribute('data-theme')));
  await page.waitForFunction(() => document.getElementById('el').shadowRoot.querySelector('[data-theme]').getAttribute('data-theme') === 'dark');
  assert.deepEqual(await dark(), ['dark', 'dark']);
  await page.evaluate(() => window.setHostTheme('light'));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.deepEqual(await dark(), ['dark', 'dark'], 'a named theme does not follow the page');
  // Back to auto: it follows the page again.
  await page.evaluate(() => {
    document.getElementById('el').removeAttribute('theme');
    window.__mounted.setTheme('auto');
  });
  await page.waitForFunction(() => document.getElementById('el').shadowRoot.querySelector('[data-theme]').getAttribute('data-theme') === 'light');
  assert.equal((await dark())[1], 'light');
  // An iframe whose address names its theme keeps it too (embed.js sets it as its colour scheme).
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'named';
    f.setAttribute('data-icp-advisor', '');
    f.setAttribute('data-src', '../index.html?embed=1&flow=need&theme=dark');
    document.querySelector('main').append(f);
  });
  await waitForQuestion(page.frameLocator('#named'), 'hosting');
  await page.evaluate(() => window.setHostTheme('dark'));
  await page.evaluate(() => window.setHostTheme('light'));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.equal(await page.locator('#named').evaluate((f) => f.style.colorScheme), 'dark');
  assert.equal(await page.frameLocator('#named').locator('html').getAttribute('data-theme'), 'dark');
  // The element kept its place through the theme changes (they recolour, not re-render).
  await waitForQuestion(page.locator('icp-advisor#el'), 'cdn');
  assertClean(seen, 'named themes');
});

test('CSS custom properties set on the element style the advisor inside (accent, text, background, font, radius)', async (t) => {
  const { page, seen } = await hostPage(t, 'light');
  await openHost(page, 'plain-light');
  await page.addStyleTag({
    content: `#el { --icp-advisor-accent: rgb(128, 0, 64); --icp-advisor-accent-text: rgb(255, 255, 0); --icp-advisor-text: rgb(10, 20, 30);
      --icp-advisor-background: rgb(240, 250, 255); --icp-advisor-font: "Courier New", monospace; --icp-advisor-radius: 0px; }`,
  });
  const look = await page.evaluate(() => {
    const root = document.getElementById('el').shadowRoot;
    const c = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      button: c('form button[type="submit"]').backgroundColor,
      buttonText: c('form button[type="submit"]').color,
      radius: c('form button[type="submit"]').borderTopLeftRadius,
      text: c('h1').color,
      background: c('[data-theme]').backgroundColor,
      font: c('h1').fontFamily,
      link: c('nav a').color,
    };
  });
  assert.deepEqual(look, {
    button: 'rgb(128, 0, 64)',
    buttonText: 'rgb(255, 255, 0)',
    radius: '0px',
    text: 'rgb(10, 20, 30)',
    background: 'rgb(240, 250, 255)',
    font: '"Courier New", monospace',
    link: 'rgb(128, 0, 64)',
  });
  // Only where they are set: the advisor mounted beside it keeps its own.
  const other = await page.evaluate(() => getComputedStyle(document.getElementById('mounted').shadowRoot.querySelector('h1')).fontFamily);
  assert.doesNotMatch(other, /Courier/);
  assertClean(seen, 'custom properties');
});

test('the element paints its own background as a block, and keeps the page\'s styles out', async (t) => {
  const { page, seen } = await hostPage(t, 'dark');
  await openHost(page, 'docusaurus', 'light');
  const box = await page.evaluate(() => {
    const el = document.getElementById('el');
    return { display: getComputedStyle(el).display, bg: getComputedStyle(el.shadowRoot.querySelector('[data-theme]')).backgroundColor };
  });
  assert.deepEqual(box, { display: 'block', bg: 'rgb(247, 247, 245)' });
  assertClean(seen, 'the element box');
});

// ───────────────────────────── navigation ─────────────────────────────

/** The place an embedding is at: its question and the answer selected there. */
async function at(scope, q) {
  await waitForQuestion(scope, q);
  return selected(scope, q);
}

test('MkDocs Material instant navigation: the swapped-out advisors are destroyed, the new page\'s start afresh, in-page links move nothing', async (t) => {
  const { page, seen } = await hostPage(t, 'light');
  await openHost(page, 'mkdocs-material', 'dark');
  const el = page.locator('icp-advisor#el');
  await answer(el, 'hosting', 'mainland-ecs');
  await waitForQuestion(el, 'access');
  await answer(page.locator('#mounted'), 'num-topic', 'validity');

  // The page's own table of contents (a fragment link) and history: the advisors stay put.
  await page.click('a[href="#further"]');
  await page.evaluate(() => history.back());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await waitForQuestion(el, 'access');
  await waitForQuestion(page.locator('#mounted'), 'num-update');
  assert.equal(await page.evaluate(() => location.hash), '', 'the page is back where it was');

  // Instant navigation: the container is swapped for the next page's.
  const before = await page.evaluate(() => window.__events.length);
  const old = await page.evaluateHandle(() => document.getElementById('el'));
  await page.evaluate(() => window.navigate());
  await waitForQuestion(page.locator('icp-advisor#el2'), 'sc-server');
  await page.waitForFunction((old) => !old.isConnected && old.shadowRoot.childElementCount === 0, old, { timeout: STEP_TIMEOUT });
  // Its theme still follows the page.
  await page.evaluate(() => window.setHostTheme('light'));
  await page.waitForFunction(() => document.getElementById('el2').shadowRoot.querySelector('[data-theme]').getAttribute('data-theme') === 'light');
  // The old advisor sends nothing any more; the new one works.
  await answer(page.locator('icp-advisor#el2'), 'sc-server', 'none');
  const events = (await page.evaluate(() => window.__events)).slice(before);
  assert.ok(events.some((e) => e.target === 'el2'), 'the new page\'s advisor sends events');
  assert.ok(events.every((e) => e.target !== 'el'), `the old one sends none: ${JSON.stringify(events.map((e) => e.target))}`);
  // Back: the first page's content comes back as new elements, starting afresh.
  await page.goBack();
  await waitForQuestion(page.locator('icp-advisor#el'), 'hosting');
  await waitForQuestion(page.locator('#mounted'), 'num-topic');
  assertClean(seen, 'instant navigation');
});

for (const name of ['docusaurus', 'vitepress']) {
  test(`${name} client-side routing: elements removed and added; each keeps its answers while in the page`, async (t) => {
    const { page, seen } = await hostPage(t, 'dark');
    await openHost(page, name, 'light');
    const el = page.locator('icp-advisor#el');
    await answer(el, 'hosting', 'outside');
    await waitForQuestion(el, 'cdn');
    await answer(page.frameLocator('#frame'), 'sc-server', 'mainland');
    await waitForQuestion(page.frameLocator('#frame'), 'sc-problem');

    if (name === 'docusaurus') {
      // React moves the element (removed and put back at once): it keeps its place and answers.
      await page.evaluate(() => window.moveAdvisor());
      await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      assert.equal(await page.evaluate(() => document.getElementById('el').parentElement.id), 'elsewhere');
      await waitForQuestion(el, 'cdn');
      await questionForm(el, 'cdn').getByRole('link', { name: 'Back', exact: true }).click();
      assert.equal(await at(el, 'hosting'), 'outside', 'the answer given before the move');
    }

    // The router leaves for another page: the old elements go, the new page's render.
    const second = name === 'docusaurus' ? ['el2', 'sc-server'] : ['el2', 'num-topic'];
    const old = await page.evaluateHandle(() => document.getElementById('el'));
    await page.evaluate((to) => window.navigate(to), name === 'docusaurus' ? '/docs/other' : '/guide/other');
    await waitForQuestion(page.locator(`icp-advisor#${second[0]}`), second[1]);
    await page.waitForFunction((old) => old.shadowRoot.childElementCount === 0, old, { timeout: STEP_TIMEOUT });
    if (name === 'docusaurus') {
      // A frame the router added: embed.js gave it its address and follows its height.
      await waitForQuestion(page.frameLocator('#frame2'), 'num-topic');
      await page.waitForFunction(() => parseFloat(document.getElementById('frame2').style.height) > 200, null, { timeout: STEP_TIMEOUT });
      assert.equal(await page.locator('#frame2').evaluate((f) => f.style.colorScheme), 'light');
    } else {
      assert.match(await page.locator('icp-advisor#el2 #main-heading').innerText(), /ICP备案号/);
    }
    // Back: the first page renders anew.
    await page.goBack();
    await waitForQuestion(page.locator('icp-advisor#el'), 'hosting');
    await waitForQuestion(page.frameLocator('#frame'), 'sc-server');
    assertClean(seen, `${name} routing`);
  });
}

test('importing icp-advisor.js where there is no page (server-side rendering) is harmless', async () => {
  const before = Object.keys(globalThis).sort();
  const lib = await import(path.join(DIST, 'icp-advisor.js'));
  assert.deepEqual(Object.keys(lib).sort(), ['IcpAdvisorElement', 'checkDomain', 'evaluate', 'mount', 'questions', 'version']);
  assert.deepEqual(Object.keys(globalThis).sort(), before, 'no globals added');
  assert.equal(typeof globalThis.window, 'undefined');
  await assert.rejects(lib.mount(null), { message: /mount\(\) needs a page/ });
  // The Wasm cannot be fetched from a file in Node: a clear Error, not a crash.
  await assert.rejects(lib.evaluate({ hosting: 'outside' }), (e) => e instanceof Error && /ICP Filing Advisor/.test(e.message));
});
