// Embedding in documentation pages, each way in the sample pages of static/examples/, with the
// site served under a sub-path (/docs/) and the strict Content-Security-Policy of dist/csp.txt
// sent as a header (these tests check the policy, so their contexts do not bypass it):
//
//  * the iframe (index.html?embed=1 and embed.js): auto height that follows the content down as
//    well as up, share links that lead to the host page, theme and language from the URL;
//  * the JS API's mount(): independent advisors in shadow roots, in-memory navigation (Back,
//    Source and FAQ links), a handle whose destroy() removes the advisor;
//  * the <icp-advisor> element: attributes (flow, lang, theme, answers, faq-only) and their
//    changes, a styled shadow root, bubbling icp-advisor-change / icp-advisor-result events,
//    two instances side by side;
//  * the example pages load without a console error; embed mode paints its first question
//    before the Wasm arrives, and a choice made then is kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  withSite,
  cspOf,
  newContext,
  track,
  assertClean,
  recordCspViolations,
  cspViolations,
  waitForApp,
  answer,
  answerAll,
  choose,
  selected,
  waitForQuestion,
  waitForResult,
  answerSummary,
  hashOf,
  assertFocused,
  showCard,
  questionForm,
  STEP_TIMEOUT,
  OFFICE,
  holdWasm,
  DIST,
} from './harness.mjs';

const BASE = '/docs/';
const site = withSite({ basePath: BASE, headers: { 'Content-Security-Policy': cspOf() } });

/** A page under the strict CSP (enforced, violations recorded), closed after the test. */
async function cspPage(t, options = {}) {
  const context = await newContext(site.browser, { csp: true, ...options });
  t.after(() => context.close());
  await recordCspViolations(context);
  const page = await context.newPage();
  const seen = track(page);
  return { context, page, seen };
}

/** The page is clean: no console error, failed request or dialog, and no CSP violation. */
async function assertAllClean(page, seen, where) {
  assert.deepEqual(await cspViolations(page), [], `CSP violations on ${where}`);
  assertClean(seen, where);
}

/** The host page's own styles (static/examples/docs.css), which the advisor must leave alone. */
async function assertHostStyles(page) {
  const styles = await page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    font: getComputedStyle(document.body).fontFamily,
    h1: getComputedStyle(document.querySelector('h1')).color,
  }));
  assert.equal(styles.bg, 'rgb(253, 246, 227)', 'host page background');
  assert.equal(styles.h1, 'rgb(107, 62, 0)', 'host page heading colour');
  assert.match(styles.font, /Georgia/, 'host page font');
}


// ───────────────────────────── the iframe ─────────────────────────────


test('iframe: a flow completes inside the frame, which grows and shrinks with its content', async (t) => {
  const { page, seen } = await cspPage(t, { viewport: { width: 1000, height: 800 } });
  const from = site.server.requests.length;
  await page.goto(site.server.url + 'examples/iframe.html');
  const frame = page.frameLocator('#advisor');
  await waitForQuestion(frame, 'hosting');
  assert.equal(await frame.locator('html').getAttribute('class'), 'embed', 'minimal chrome');
  assert.match(await page.locator('#advisor').getAttribute('src'), /[?&]host=/, 'embed.js told the advisor where it is embedded');
  const loads = site.server.requests.slice(from).filter((r) => r.includes('index.html?embed=1'));
  assert.equal(loads.filter((r) => !r.includes('host=')).length, 0, 'with data-src the frame loads once, with host=');

  const size = () =>
    page.locator('#advisor').evaluate((f) => ({
      frame: f.getBoundingClientRect().height,
      content: Math.ceil(f.contentDocument.body.getBoundingClientRect().height),
    }));
  /** Waits until the iframe is as tall as its content (within 3 px); returns the height. */
  const fitted = async (where) => {
    await page
      .waitForFunction(() => {
        const f = document.querySelector('#advisor');
        return Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) <= 3;
      }, null, { timeout: STEP_TIMEOUT })
      .catch(() => {});
    const s = await size();
    assert.ok(Math.abs(s.frame - s.content) <= 3, `${where}: the iframe (${s.frame}px) fits its content (${s.content}px)`);
    return s.frame;
  };
  const question = await fitted('first question');

  await answerAll(frame, OFFICE);
  await waitForResult(frame);
  const result = await fitted('result');
  assert.ok(result > question + 500, `the frame grew for the result (${question} → ${result})`);

  // Back to a short screen: the frame shrinks again.
  await frame.getByRole('button', { name: 'Start over' }).click();
  await frame.locator('input[name="flow"]').first().waitFor();
  const start = await fitted('start screen');
  assert.ok(start < result - 500, `the frame shrank (${result} → ${start})`);

  await assertHostStyles(page);
  assert.ok(!page.url().includes('#'), 'the host page\'s address is untouched');
  await assertAllClean(page, seen, 'the iframe example');
});

test('iframe on a phone: a long result with every section open is never cut off (no height cap)', async (t) => {
  const { page, seen } = await cspPage(t, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(site.server.url + 'examples/iframe.html');
  const frame = page.frameLocator('#advisor');
  await answerAll(frame, OFFICE);
  await waitForResult(frame);
  await page.locator('#advisor').evaluate((f) => f.contentDocument.querySelectorAll('details').forEach((d) => (d.open = true)));
  /** Waits until the frame is as tall as its content; returns both. */
  const fitted = async (where) => {
    await page
      .waitForFunction(() => {
        const f = document.querySelector('#advisor');
        return Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) <= 3;
      }, null, { timeout: STEP_TIMEOUT })
      .catch(() => {});
    const s = await page.locator('#advisor').evaluate((f) => ({
      frame: f.getBoundingClientRect().height,
      content: f.contentDocument.body.getBoundingClientRect().height,
      footer: f.contentDocument.querySelector('footer').getBoundingClientRect().bottom,
    }));
    assert.ok(Math.abs(s.frame - s.content) <= 3, `${where}: the frame (${s.frame}px) is as tall as its content (${s.content}px)`);
    assert.ok(s.footer <= s.frame + 1, `${where}: the advisor's footer (${s.footer}px) is inside the frame`);
    return s;
  };
  const open = await fitted('every section open');
  assert.ok(open.frame > 5000, `a long result (${open.frame}px)`);
  // Taller than any cap a helper might set (embed.js capped at 20,000 px).
  await page.locator('#advisor').evaluate((f) => (f.contentDocument.querySelector('main').style.minHeight = '40000px'));
  const tall = await fitted('a 40,000 px result');
  assert.ok(tall.frame > 40000, `the frame grew past 40,000 px (${tall.frame}px)`);
  await assertAllClean(page, seen, 'the iframe example on a phone');
});

test('iframe: the share link leads to the host page, which opens the advisor at that place', async (t) => {
  const { page, seen } = await cspPage(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(site.server.url + 'examples/iframe.html');
  const frame = page.frameLocator('#advisor');
  await answerAll(frame, [['hosting', 'outside'], ['cdn', 'none']]);
  await waitForResult(frame);
  await frame.getByRole('button', { name: 'Copy share link' }).click();
  await frame.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(site.server.url + 'examples/iframe.html#icp-advisor='), `a link to the host page: ${link}`);

  const p2 = await page.context().newPage();
  const seen2 = track(p2);
  await p2.goto(link);
  const f2 = p2.frameLocator('#advisor');
  assert.equal(await waitForResult(f2), 'No ICP Filing is needed');
  assert.deepEqual((await answerSummary(f2)).map(([, a]) => a), ['Somewhere else outside mainland China', 'No CDN']);
  await assertAllClean(page, seen, 'the iframe example');
  await assertAllClean(p2, seen2, 'the shared link');
});

test('iframe: messages from anything but the advisor frame are ignored, and the advisor takes none', async (t) => {
  const { page } = await cspPage(t);
  await page.goto(site.server.url + 'examples/iframe.html');
  const frame = page.frameLocator('#advisor');
  await waitForQuestion(frame, 'hosting');
  await page.waitForFunction(() => document.querySelector('#advisor').style.height !== '');
  const before = await page.locator('#advisor').evaluate((f) => f.style.height);
  await page.evaluate(() => {
    window.postMessage({ type: 'icp-advisor:height', height: 9999 }, '*');
    window.postMessage('icp-advisor:height', '*');
    window.postMessage({ type: 'icp-advisor:height', height: '<img src=x onerror=alert(1)>' }, '*');
  });
  // A round trip through the frame's own message queue, so the messages above were handled.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal(await page.locator('#advisor').evaluate((f) => f.style.height), before);
  await page.locator('#advisor').evaluate((f) => {
    f.contentWindow.postMessage({ type: 'icp-advisor:navigate', to: '#/faq' }, '*');
    f.contentWindow.postMessage('<script>alert(1)</script>', '*');
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await waitForQuestion(frame, 'hosting');
  assert.equal(await frame.locator('article.faq-entry').count(), 0, 'the frame did not navigate');
});

test('iframe: theme and language come from the URL; a named theme makes the background transparent', async (t) => {
  const { page, seen } = await cspPage(t, { colorScheme: 'light' });
  await page.goto(site.server.url + 'index.html?embed=1&theme=dark&lang=zh-CN&flow=icp-number');
  await waitForApp(page);
  await waitForQuestion(page, 'num-topic');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('#main-heading').innerText(), /ICP备案号/);
  const colours = await page.evaluate(() => ({
    bg: getComputedStyle(document.documentElement).backgroundColor,
    text: getComputedStyle(document.querySelector('h1')).color,
  }));
  assert.deepEqual(colours, { bg: 'rgba(0, 0, 0, 0)', text: 'rgb(236, 238, 241)' }, 'transparent, with the dark theme\'s text');
  await assertAllClean(page, seen, 'the embedded advisor');
});

// ───────────────────────────── mount() ─────────────────────────────

test('mount(): two independent advisors in shadow roots; Back, Source and FAQ links move the advisor, not the page', async (t) => {
  const { page, seen } = await cspPage(t, { viewport: { width: 1000, height: 900 } });
  await page.goto(site.server.url + 'examples/mount.html');
  await page.waitForFunction(() => document.documentElement.dataset.advisorsMounted === 'true');
  const need = page.locator('#advisor-need');
  const code = page.locator('#advisor-code');
  await waitForQuestion(need, 'hosting');
  await waitForQuestion(code, 'sc-server');
  assert.ok(await page.evaluate(() => !!document.getElementById('advisor-need').shadowRoot), 'in a shadow root');

  // The second advisor moves; the first stays where it is.
  await answer(code, 'sc-server', 'mainland');
  await waitForQuestion(code, 'sc-problem');
  await questionForm(code, 'sc-problem').getByRole('link', { name: 'Back', exact: true }).click();
  await waitForQuestion(code, 'sc-server');
  assert.equal(await selected(code, 'sc-server'), 'mainland', 'Back keeps the answer');
  await answer(code, 'sc-server', 'none');
  assert.equal(await waitForResult(code), 'Buy a server that supports ICP registration');
  await waitForQuestion(need, 'hosting');

  // A citation's FAQ link opens the advisor's own FAQ page at that question; its back link
  // returns to the result with the answers.
  const card = await showCard(code, 'buy-eligible-server');
  const cite = card.locator(':scope > .source figcaption a[href*="#/faq/"]').first();
  const id = /#\/faq\/([a-z0-9-]+)/.exec(await cite.getAttribute('href'))[1];
  await cite.click();
  await code.locator(`#faq-${id}`).waitFor();
  await assertFocused(page, `faq-${id}`, 'after following the citation inside the advisor');
  await code.getByRole('link', { name: 'Back to your result' }).click();
  assert.equal(await waitForResult(code), 'Buy a server that supports ICP registration');
  assert.deepEqual(await answerSummary(code), [['Which Alibaba Cloud server do you want the service code for?', 'I have not bought an Alibaba Cloud server']]);

  // The page is untouched: its address, title and styles; the advisor's own styles apply inside.
  assert.ok(!page.url().includes('#'), `the host page's address: ${page.url()}`);
  assert.equal(await page.title(), 'Example documentation page — the advisor mounted with JavaScript');
  await assertHostStyles(page);
  const inner = await need.locator('form button[type="submit"]').evaluate((b) => getComputedStyle(b).fontFamily);
  assert.doesNotMatch(inner, /Georgia/, 'the advisor has its own font');
  await assertAllClean(page, seen, 'the mount example');
});

test('icp-advisor.js on a page with an #app of its own: the advisor goes only where it is mounted', async (t) => {
  const { page, seen } = await cspPage(t);
  // A documentation page built by some other app: its root is #app too.
  await page.route(site.server.url + 'examples/own-app.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><title>Docs</title></head><body><div id="app"><p>The docs app.</p></div><div id="here"></div></body></html>',
    }),
  );
  await page.goto(site.server.url + 'examples/own-app.html');
  await page.evaluate(async () => {
    const { mount, evaluate } = await import('../icp-advisor.js');
    await evaluate({ 'sc-server': 'none' });
    await mount(document.getElementById('here'), { flow: 'service-code' });
  });
  await waitForQuestion(page.locator('#here'), 'sc-server');
  assert.equal(await page.locator('#app').innerHTML(), '<p>The docs app.</p>', "the page's own #app is untouched");
  assert.equal(await page.locator('html').getAttribute('data-app-ready'), null, 'no app was started in the page');
  assertClean(seen, 'a page with its own #app');
});

test('mount(): returns a handle whose destroy() removes the advisor; bad options throw a clear Error', async (t) => {
  const { page, seen } = await cspPage(t);
  await page.goto(site.server.url + 'examples/mount.html');
  await page.waitForFunction(() => document.documentElement.dataset.advisorsMounted === 'true');
  // (Scripts run through the page's own module loader: the strict CSP allows them.)
  await page.evaluate(async () => {
    const { mount } = await import('../icp-advisor.js');
    const el = document.createElement('div');
    el.id = 'extra';
    document.querySelector('main').append(el);
    window.__handle = await mount(el, { flow: 'icp-number', lang: 'zh-CN', answers: '#/icp-number/result?num-topic=validity&num-update=nothing' });
  });
  const extra = page.locator('#extra');
  assert.equal(await waitForResult(extra), '信息没有变化，就不用更新');
  assert.equal(await page.evaluate(() => typeof window.__handle.destroy), 'function');
  await page.evaluate(() => window.__handle.destroy());
  await page.waitForFunction(() => !document.getElementById('extra').shadowRoot.querySelector('#main-heading'), null, { timeout: STEP_TIMEOUT });
  assert.equal(await page.evaluate(() => document.getElementById('extra').shadowRoot.textContent.trim()), '', 'nothing of it is left');
  // The other advisors keep working.
  await answer(page.locator('#advisor-code'), 'sc-server', 'none');
  await waitForResult(page.locator('#advisor-code'));

  const message = await page.evaluate(async () => {
    const { mount } = await import('../icp-advisor.js');
    try {
      await mount(document.createElement('div'), { flow: 'nope' });
      return 'no error';
    } catch (e) {
      return `${e instanceof Error} ${e.message}`;
    }
  });
  assert.match(message, /^true unknown flow "nope"/);
  await assertAllClean(page, seen, 'the mount example');
});

// ───────────────────────────── <icp-advisor> ─────────────────────────────

/** Collects the advisors' events at the document (they bubble out of the shadow roots). */
async function collectEvents(page) {
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ['icp-advisor-change', 'icp-advisor-result']) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id, detail: e.detail }));
    }
  });
  return () => page.evaluate(() => window.__events);
}

test('<icp-advisor>: two elements render in styled shadow roots and work independently, sending bubbling events', async (t) => {
  const { page, seen } = await cspPage(t);
  await page.goto(site.server.url + 'examples/element.html');
  const need = page.locator('icp-advisor#need');
  const code = page.locator('icp-advisor#code');
  await waitForQuestion(need, 'hosting');
  await waitForQuestion(code, 'sc-server');
  const events = await collectEvents(page);

  // Attributes flow in: flow, lang (the second is in Chinese), theme.
  assert.equal(await need.locator('#main-heading').innerText(), 'Where is the server that runs your website, or will run it?');
  assert.equal(await code.locator('#main-heading').innerText(), '要为哪台阿里云服务器申请备案服务号？');
  assert.equal(await code.locator('.app').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the host page\'s language is untouched');
  // In a shadow root, styled by the advisor's stylesheet, not the page's.
  const look = await page.evaluate(() =>
    ['need', 'code'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      const button = root.querySelector('form button[type="submit"]');
      return { shadow: !!root, font: getComputedStyle(button).fontFamily, radius: getComputedStyle(button).borderTopLeftRadius, theme: root.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null };
    }),
  );
  for (const l of look) {
    assert.ok(l.shadow);
    assert.doesNotMatch(l.font, /Georgia/);
    assert.equal(l.radius, '6px', 'the advisor\'s own button style');
  }
  // The first follows the page's theme (docs.css paints a light background), the second names it.
  assert.deepEqual(look.map((l) => l.theme), ['light', 'light']);
  await assertHostStyles(page);

  // The first completes its flow; the second does not move.
  await answerAll(need, [['hosting', 'outside'], ['cdn', 'none']]);
  assert.equal(await waitForResult(need), 'No ICP Filing is needed');
  await waitForQuestion(code, 'sc-server');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'icp-advisor-result'), null, { timeout: STEP_TIMEOUT });
  const got = await events();
  assert.deepEqual(
    got.filter((e) => e.type === 'icp-advisor-change').map((e) => [e.target, e.detail]),
    [
      ['need', { flow: 'need', answers: { hosting: 'outside' }, complete: false }],
      ['need', { flow: 'need', answers: { hosting: 'outside', cdn: 'none' }, complete: true }],
    ],
    'icp-advisor-change: the answers after every move, from the element that moved',
  );
  const results = got.filter((e) => e.type === 'icp-advisor-result');
  assert.equal(results.length, 1);
  assert.equal(results[0].target, 'need');
  assert.equal(results[0].detail.verdict.recommendation, 'no-filing-hosted-outside', 'icp-advisor-result: the advice as JSON');
  assert.equal(results[0].detail.verdict.title, 'No ICP Filing is needed');
  assert.ok(Array.isArray(results[0].detail.recommendations) && results[0].detail.recommendations.length >= 1);
  assert.equal(await page.locator('#event-log').innerText(), 'need: result — No ICP Filing is needed', 'the page\'s own listener saw it');

  // The second, in Chinese, completes on its own.
  await answer(code, 'sc-server', 'none');
  assert.equal(await waitForResult(code), '购买可以备案的服务器');
  assert.equal(await waitForResult(need), 'No ICP Filing is needed');
  await assertAllClean(page, seen, 'the element example');
});

test('<icp-advisor>: attribute changes render it anew (lang, answers, faq-only, flow)', async (t) => {
  const { page, seen } = await cspPage(t, { colorScheme: 'light' });
  await page.goto(site.server.url + 'examples/element.html');
  const need = page.locator('icp-advisor#need');
  await waitForQuestion(need, 'hosting');
  const set = (name, value) =>
    page.evaluate(([name, value]) => {
      const el = document.getElementById('need');
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    }, [name, value]);

  await set('lang', 'zh-CN');
  await need.locator('.app[lang="zh-CN"]').waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await need.locator('#main-heading').innerText(), '网站的服务器在哪里（或打算放在哪里）？');

  // answers: a share link's place.
  await set('lang', 'en');
  await set('answers', '#/need/result?hosting=outside&cdn=none');
  await need.locator('#rec-no-filing-hosted-outside').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
  assert.equal(await waitForResult(need), 'No ICP Filing is needed');
  assert.equal(await need.locator('#rec-moving-offshore').count(), 1, 'with the note on current practice');

  // faq-only: the FAQ's advice alone.
  await set('faq-only', '');
  await need.locator('#rec-moving-offshore').waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
  assert.equal(await need.locator('input[name="lens"][value="faq"]').isChecked(), true);
  await set('faq-only', null);
  await need.locator('#rec-moving-offshore').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });

  // flow: another flow, from its start (the answers attribute removed).
  await set('answers', null);
  await set('flow', 'icp-number');
  await waitForQuestion(need, 'num-topic');
  await assertAllClean(page, seen, 'the element example');
});

for (const [theme, preference, expected] of [
  ['dark', 'light', { bg: 'rgb(21, 23, 26)', text: 'rgb(236, 238, 241)', link: 'rgb(125, 183, 255)' }],
  ['light', 'dark', { bg: 'rgb(247, 247, 245)', text: 'rgb(28, 31, 35)', link: 'rgb(11, 92, 173)' }],
]) {
  test(`<icp-advisor theme="${theme}">: the ${theme} theme's colours throughout, whatever the reader prefers (${preference})`, async (t) => {
    const { page, seen } = await cspPage(t, { colorScheme: preference });
    await page.goto(site.server.url + 'examples/element.html');
    await page.evaluate((theme) => document.getElementById('need').setAttribute('theme', theme), theme);
    const need = page.locator('icp-advisor#need');
    await need.locator(`[data-theme="${theme}"] #main-heading`).waitFor({ timeout: STEP_TIMEOUT });
    const colours = await need.evaluate((host) => {
      const root = host.shadowRoot;
      const c = (el) => getComputedStyle(el);
      return {
        bg: c(root.querySelector('[data-theme]')).backgroundColor,
        text: c(root.querySelector('h1')).color,
        link: c(root.querySelector('nav a')).color,
      };
    });
    assert.deepEqual(colours, expected, 'background, text and links all in the theme');
    await assertAllClean(page, seen, 'the element example');
  });
}

// ───────────────────────────── what the page gets wrong ─────────────────────────────

/** Collects icp-advisor-warning events and console warnings from the start (call before goto). */
async function recordWarnings(page) {
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && /ICP Filing Advisor/.test(m.text())) warnings.push(m.text());
  });
  await page.addInitScript(() => {
    window.__warningEvents = [];
    document.addEventListener('icp-advisor-warning', (e) =>
      window.__warningEvents.push({ target: e.target.id || e.target.nodeName.toLowerCase(), detail: e.detail }),
    );
  });
  return { console: warnings, events: () => page.evaluate(() => window.__warningEvents) };
}

/** A page of the site with one <icp-advisor> whose attributes are `attrs` (served under the CSP). */
async function elementPage(t, attrs, options = {}) {
  const { page, seen } = await cspPage(t, options);
  const warnings = await recordWarnings(page);
  await page.route(site.server.url + 'examples/edge.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>Edge</title><link rel="icon" href="data:,"><script type="module" src="../icp-advisor.js"></script></head><body><main><icp-advisor id="edge" ${attrs}></icp-advisor></main></body></html>`,
    }),
  );
  await page.goto(site.server.url + 'examples/edge.html');
  return { page, seen, warnings, el: page.locator('icp-advisor#edge') };
}

test('<icp-advisor lang="de">: the advisor in the reader\'s language (or English), a notice, a console warning and an icp-advisor-warning event', async (t) => {
  for (const [locale, used, heading] of [
    ['en-US', 'en', 'Where is the server that runs your website, or will run it?'],
    ['zh-CN', 'zh-CN', '网站的服务器在哪里（或打算放在哪里）？'],
  ]) {
    const { page, seen, warnings, el } = await elementPage(t, 'flow="need" lang="de"', { locale });
    await waitForQuestion(el, 'hosting');
    assert.equal(await el.locator('#main-heading').innerText(), heading, `${locale}: the advisor, not an error`);
    const notice = await el.getByRole('status').innerText();
    assert.match(notice, /“de”/, `${locale}: the notice names the value`);
    const events = await warnings.events();
    assert.equal(events.length, 1, JSON.stringify(events));
    assert.equal(events[0].target, 'edge');
    assert.deepEqual({ ...events[0].detail, message: undefined }, { option: 'lang', value: 'de', used, message: undefined });
    assert.match(events[0].detail.message, /unknown language "de"/);
    assert.ok(warnings.console.some((w) => /unknown language "de"/.test(w)), `console: ${warnings.console}`);
    await assertAllClean(page, seen, `<icp-advisor lang="de"> (${locale})`);
  }
});

test('<icp-advisor> attributes are read like a link: what is valid is kept, the rest named in a notice and a warning', async (t) => {
  // Surrounding spaces are no mistake: flow="need " is the need flow, without a notice.
  {
    const { page, seen, warnings, el } = await elementPage(t, 'flow="need " lang=" zh-CN" theme=" Dark"');
    await waitForQuestion(el, 'hosting');
    assert.equal(await el.getByRole('status').count(), 0, 'no notice');
    assert.deepEqual(await warnings.events(), []);
    assert.equal(await el.locator('[data-theme]').getAttribute('data-theme'), 'dark');
    assert.equal(await el.locator('.app').getAttribute('lang'), 'zh-CN');
    await assertAllClean(page, seen, 'attributes with spaces');
  }
  // An unknown flow and theme: the start screen in the page's theme, and each named.
  const { page, seen, warnings, el } = await elementPage(t, 'flow="nope" theme="purple" lang="xx-unknown"');
  await el.locator('input[name="flow"]').first().waitFor({ timeout: STEP_TIMEOUT });
  const notice = await el.getByRole('status').innerText();
  assert.match(notice, /flow it does not have \(“nope”\)/);
  assert.match(notice, /theme it does not have \(“purple”\)/);
  assert.match(notice, /language it does not have \(“xx-unknown”\)/);
  const events = await warnings.events();
  assert.deepEqual(
    events.map((e) => [e.target, e.detail.option, e.detail.value, e.detail.used]),
    [['edge', 'lang', 'xx-unknown', 'en'], ['edge', 'flow', 'nope', null], ['edge', 'theme', 'purple', 'auto']],
  );
  assert.equal(await el.locator('[data-theme]').getAttribute('data-theme'), 'light', 'the page\'s theme (auto)');
  // A valid value afterwards renders it anew, without the notice.
  await page.evaluate(() => {
    const e = document.getElementById('edge');
    e.removeAttribute('lang');
    e.setAttribute('flow', 'icp-number');
    e.setAttribute('theme', 'light');
  });
  await waitForQuestion(el, 'num-topic');
  assert.equal(await el.getByRole('status').count(), 0);
  await assertAllClean(page, seen, 'attributes with unknown values');
});

test('the JS API rejects bad arguments with a clear Error (never a TypeError), takes a language tag for options, and falls back from an unknown language with a warning', async (t) => {
  const { page, seen } = await cspPage(t);
  const warnings = await recordWarnings(page);
  await page.goto(site.server.url + 'examples/mount.html');
  await page.waitForFunction(() => document.documentElement.dataset.advisorsMounted === 'true');
  const bindings = fs.readdirSync(DIST).find((f) => /^icp-advisor-lib-[0-9a-f]+\.js$/.test(f));
  const results = await page.evaluate(async (bindings) => {
    const api = await import('../icp-advisor.js');
    const raw = await import(`../${bindings}`);
    const el = document.createElement('div');
    document.querySelector('main').append(el);
    const answers = { flow: 'need', answers: { hosting: 'outside', cdn: 'none' } };
    const calls = {
      'mount(null)': () => api.mount(null),
      'mount()': () => api.mount(),
      'mount("#icp")': () => api.mount('#icp'),
      'mount(document)': () => api.mount(document),
      'mount(el, 5)': () => api.mount(el, 5),
      'mount(el, [])': () => api.mount(el, []),
      'mount(el, {flow: 5})': () => api.mount(el, { flow: 5 }),
      'mount(el, {theme: "purple"})': () => api.mount(el, { theme: 'purple' }),
      'mount(el, {lens: "x"})': () => api.mount(el, { lens: 'x' }),
      'mount(el, {flows: "need"})': () => api.mount(el, { flows: 'need' }),
      'mount(img)': () => api.mount(document.createElement('img')),
      'evaluate()': () => api.evaluate(),
      'evaluate(answers, 5)': () => api.evaluate(answers, 5),
      'evaluate(answers, {language})': () => api.evaluate(answers, { language: 'zh-CN' }),
      'evaluate(answers, {lang: 5})': () => api.evaluate(answers, { lang: 5 }),
      'questions(true)': () => api.questions(true),
      'questions({lens: 1})': () => api.questions({ lens: 1 }),
      'loadLanguage(5)': () => raw.loadLanguage(5),
      'loadLanguage("de")': () => raw.loadLanguage('de'),
      'loadLanguage("zh-CN", 5)': () => raw.loadLanguage('zh-CN', 5),
      'setTheme("purple")': async () => (await api.mount(el, { flow: 'need' })).setTheme('purple'),
    };
    const out = {};
    for (const [name, call] of Object.entries(calls)) {
      try {
        await call();
        out[name] = 'no error';
      } catch (e) {
        out[name] = `${e instanceof Error ? (e instanceof TypeError ? 'TypeError' : 'Error') : typeof e}: ${e && e.message}`;
      }
    }
    // mount() with a language it does not have: the advisor, with a notice and a warning.
    const de = document.createElement('div');
    de.id = 'de-mount';
    document.querySelector('main').append(de);
    await api.mount(de, { flow: 'need', lang: 'de' });
    const title = async (options) => (await api.evaluate(answers, options)).verdict.title;
    const flow = async (options) => (await api.questions(options))[0].title;
    return {
      out,
      zh: [await title('zh-CN'), await title({ lang: 'zh-CN' })],
      de: [await title({ lang: 'de' }), await title()],
      q: [await flow(' zh-CN '), await flow({ lang: 'zh-CN' })],
    };
  }, bindings);
  const expected = {
    'mount(null)': /^Error: mount\(\) needs an element of the page to render into, got null$/,
    'mount()': /^Error: mount\(\) needs an element .* got undefined$/,
    'mount("#icp")': /^Error: mount\(\) needs an element .* got a string$/,
    'mount(document)': /^Error: mount\(\) needs an element .* got an object that is not an element$/,
    'mount(el, 5)': /^Error: mount\(\)'s options must be an object .* or a language tag, got a number$/,
    'mount(el, [])': /^Error: mount\(\)'s options must be an object .*, got an array$/,
    'mount(el, {flow: 5})': /^Error: "flow" must be a string, got a number$/,
    'mount(el, {theme: "purple"})': /^Error: unknown theme "purple" \(expected auto, light or dark\)$/,
    'mount(el, {lens: "x"})': /^Error: unknown lens "x"/,
    'mount(el, {flows: "need"})': /^Error: unknown option "flows" \(expected flow, lang, /,
    'mount(img)': /^Error: this element cannot hold an advisor/,
    'evaluate()': /^Error: .*undefined/,
    'evaluate(answers, 5)': /^Error: evaluate\(\)'s options must be an object .* got a number$/,
    'evaluate(answers, {language})': /^Error: unknown option "language" \(expected lang, lens\)$/,
    'evaluate(answers, {lang: 5})': /^Error: "lang" must be a string, got a number$/,
    'questions(true)': /^Error: questions\(\)'s options must be an object .* got a boolean$/,
    'questions({lens: 1})': /^Error: "lens" must be a string, got a number$/,
    'loadLanguage(5)': /^Error: loadLanguage\(\) needs a language tag \(a string\), got a number$/,
    'loadLanguage("de")': /^Error: unknown language "de" \(expected one of: en, zh-CN\)$/,
    'loadLanguage("zh-CN", 5)': /^Error: loadLanguage\(\)'s folder must be a URL \(a string\), got a number$/,
    'setTheme("purple")': /^Error: setTheme\(\) needs "auto", "light" or "dark", got "purple"$/,
  };
  for (const [name, pattern] of Object.entries(expected)) assert.match(results.out[name], pattern, name);
  assert.match(results.zh[0], /备案/, "evaluate(answers, 'zh-CN'): in Chinese");
  assert.equal(results.zh[0], results.zh[1], "evaluate(answers, 'zh-CN') is evaluate(answers, { lang: 'zh-CN' })");
  assert.equal(results.q[0], results.q[1], "questions(' zh-CN ') is questions({ lang: 'zh-CN' })");
  assert.match(results.q[0], /备案/);
  assert.equal(results.de[0], results.de[1], 'an unknown language falls back (English for an English reader)');
  const events = await warnings.events();
  assert.deepEqual(events.map((e) => [e.target, e.detail.option, e.detail.value, e.detail.used]), [
    ['de-mount', 'lang', 'de', 'en'],
    ['#document', 'lang', 'de', 'en'],
  ]);
  assert.ok(warnings.console.some((w) => /unknown language "de"/.test(w)));
  const mounted = page.locator('#de-mount');
  await waitForQuestion(mounted, 'hosting');
  assert.match(await mounted.getByRole('status').innerText(), /language it does not have \(“de”\)/);
  await assertAllClean(page, seen, 'the JS API with bad arguments');
});

test('iframe: an unknown lang= shows the advisor with a notice; embed.js turns the frame\'s warning into an icp-advisor-warning event on the iframe', async (t) => {
  const { page, seen } = await cspPage(t);
  const warnings = await recordWarnings(page);
  await page.route(site.server.url + 'examples/iframe-de.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><title>Frame</title><link rel="icon" href="data:,"></head><body>' +
        '<iframe id="de" data-icp-advisor data-src="../index.html?embed=1&flow=need&lang=de" title="ICP Filing Advisor" style="width:100%;border:0"></iframe>' +
        '<script src="../embed.js" defer></script></body></html>',
    }),
  );
  await page.goto(site.server.url + 'examples/iframe-de.html');
  const frame = page.frameLocator('#de');
  await waitForQuestion(frame, 'hosting');
  assert.match(await frame.getByRole('status').innerText(), /“de”/);
  await page.waitForFunction(() => window.__warningEvents.length > 0, null, { timeout: STEP_TIMEOUT });
  const events = await warnings.events();
  assert.deepEqual(events.map((e) => [e.target, e.detail.option, e.detail.value, e.detail.used]), [['de', 'lang', 'de', 'en']]);
  assert.match(events[0].detail.message, /unknown language "de"/);
  await assertAllClean(page, seen, 'an iframe asking for lang=de');
});

// ───────────────────────────── the example pages ─────────────────────────────

for (const example of ['iframe', 'mount', 'element']) {
  test(`the example page ${example}.html loads without a console error or CSP violation`, async (t) => {
    const { page, seen } = await cspPage(t);
    const response = await page.goto(site.server.url + `examples/${example}.html`);
    assert.equal(response.status(), 200);
    const scope = example === 'iframe' ? page.frameLocator('#advisor') : page;
    await scope.locator('#main-heading').first().waitFor({ timeout: STEP_TIMEOUT });
    await page.waitForLoadState('load');
    await assertAllClean(page, seen, `examples/${example}.html`);
    const outside = site.server.log.filter((e) => e.status !== 200 && !e.path.endsWith('/favicon.ico'));
    assert.deepEqual(outside, [], 'every request answered');
  });
}

// ───────────────────────────── the first screen before the Wasm ─────────────────────────────


test('embed mode paints the requested first question before the Wasm, and the app takes over without a shift', async (t) => {
  for (const [flow, lang, q] of [
    ['need', 'en', 'hosting'],
    ['service-code', 'zh-CN', 'sc-server'],
    ['icp-number', 'en', 'num-topic'],
  ]) {
    const url = `${site.server.url}index.html?embed=1&flow=${flow}&lang=${lang}&theme=dark`;
    const { page, seen } = await cspPage(t, { serviceWorkers: 'block' });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdWasm(page);
    await page.goto(url);
    // index.html sends the embed mode to the page its first questions are in (head::EMBED_PAGE),
    // the address's query and fragment kept.
    assert.equal(page.url(), url.replace('index.html?', 'embed.html?'), 'the embed mode is on embed.html');
    // Without the Wasm: the static copy for this flow and language, not the start screen.
    const copy = page.locator(`#app > [data-first-screen="${flow}:${lang}"]`);
    assert.ok(await copy.isVisible(), `${flow}:${lang} shown`);
    assert.equal(await page.locator('[data-prerendered]:visible').count(), 1, 'only that copy shows');
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await copy.locator(`input[name="${q}"]`).count() > 1, true, 'its question');
    const staticText = await copy.innerText();

    // With it: the live app shows the same screen, and nothing moves.
    release();
    await waitForApp(page);
    await waitForQuestion(page, q);
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static copies are gone');
    assert.equal(await page.locator('#app > [data-live]').innerText(), staticText, `${flow}:${lang} matches`);
    assert.ok((await page.evaluate(() => window.__shift)) < 0.01, 'no layout shift');
    await assertAllClean(page, seen, url);
  }
  // Not embedded, or an unknown flow: the start screen.
  const { page } = await cspPage(t, { serviceWorkers: 'block' });
  await page.route('**/*.wasm', (route) => route.abort());
  for (const query of ['?flow=need', '?embed=1&flow=nope']) {
    await page.goto(`${site.server.url}index.html${query}`);
    assert.equal(await page.locator('[data-prerendered]:visible h1').innerText(), 'Do you need an ICP Filing?', query);
  }
});

test('embed mode: an answer given on the static first question before the Wasm is kept', async (t) => {
  const { page, seen } = await cspPage(t, { serviceWorkers: 'block' });
  const release = await holdWasm(page);
  await page.goto(`${site.server.url}index.html?embed=1&flow=need`);
  const copy = page.locator('[data-prerendered]:visible');
  await choose(copy, 'hosting', 'outside');
  await copy.locator('button[type="submit"]').click();
  await page.waitForFunction(() => location.hash.includes('hosting=outside'));
  release();
  await waitForApp(page);
  await waitForQuestion(page, 'cdn');
  assert.ok(hashOf(page).startsWith('#/need/cdn?hosting=outside'), hashOf(page));
  await assertAllClean(page, seen, 'the embedded advisor');
});
