// Embedding in documentation pages: the iframe mode (auto height via postMessage and
// embed.js) and the JS mount API (several advisors in shadow roots), each in the sample
// pages of static/examples/, with the host page's own styles left alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, watchErrors, waitForApp, withSite } from './harness.mjs';

const site = withSite({ basePath: '/docs/', headers: { 'Content-Security-Policy': CSP } });

async function hostStyles(page) {
  return page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    font: getComputedStyle(document.body).fontFamily,
    h1: getComputedStyle(document.querySelector('h1')).color,
  }));
}
const HOST = { bg: 'rgb(253, 246, 227)', h1: 'rgb(107, 62, 0)' };

async function noViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
}

test('iframe embed: a flow completes inside the frame and the iframe follows its height', async (t) => {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await noViolations(page);
  await page.goto(site.server.url + 'examples/iframe.html');
  const frame = page.frameLocator('#advisor');
  await frame.locator('html[data-app-ready]').waitFor({ state: 'attached' });
  // The flow option opened the first question directly, with minimal chrome.
  await frame.locator('legend h1').waitFor();
  assert.equal(await frame.locator('html').getAttribute('class'), 'embed');
  const heightOf = () => page.locator('#advisor').evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () =>
    page.locator('#advisor').evaluate((f) => f.contentDocument.documentElement.scrollHeight);
  await page.waitForFunction(() => document.querySelector('#advisor').style.height !== '');
  for (const option of ['hosting-2', 'cdn-0']) {
    await frame.locator(`label[for="${option}"]`).click();
    await frame.getByRole('button', { name: 'Continue' }).click();
  }
  await frame.locator('#rec-no-filing-hosted-outside').waitFor();
  await page.waitForFunction(
    () => {
      const f = document.querySelector('#advisor');
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.scrollHeight) <= 2;
    },
    null,
    { timeout: 5000 },
  );
  assert.ok(Math.abs((await heightOf()) - (await contentHeight())) <= 2, 'iframe fits its content');
  const styles = await hostStyles(page);
  assert.equal(styles.bg, HOST.bg);
  assert.equal(styles.h1, HOST.h1);
  assert.match(styles.font, /Georgia/);
  // The host page's URL is untouched; the frame's own fragment carries the answers.
  assert.ok(!page.url().includes('#'));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
});

test('iframe embed: messages from anything but the advisor frame are ignored', async (t) => {
  const context = await site.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(site.server.url + 'examples/iframe.html');
  await page.frameLocator('#advisor').locator('legend h1').waitFor();
  await page.waitForFunction(() => document.querySelector('#advisor').style.height !== '');
  const before = await page.locator('#advisor').evaluate((f) => f.style.height);
  await page.evaluate(() => {
    window.postMessage({ type: 'icp-advisor:height', height: 9999 }, '*');
    window.postMessage('icp-advisor:height', '*');
    window.postMessage({ type: 'icp-advisor:height', height: '<img src=x onerror=alert(1)>' }, '*');
  });
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#advisor').evaluate((f) => f.style.height), before);
  // Garbage sent into the frame does nothing either.
  await page.locator('#advisor').evaluate((f) => {
    f.contentWindow.postMessage({ type: 'icp-advisor:navigate', to: '#/faq' }, '*');
    f.contentWindow.postMessage('<script>alert(1)</script>', '*');
  });
  await page.waitForTimeout(200);
  assert.equal(await page.frameLocator('#advisor').locator('legend h1').count(), 1);
});

test('embed options: theme and language come from the URL', async (t) => {
  const context = await site.browser.newContext({ colorScheme: 'light' });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(site.server.url + 'index.html?embed=1&theme=dark&lang=zh-CN&flow=icp-number');
  await waitForApp(page);
  await page.locator('legend h1').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgba(0, 0, 0, 0)', 'transparent background');
  const text = await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color);
  assert.equal(text, 'rgb(236, 238, 241)', 'dark theme text colour');
});

test('JS mount API: two independent advisors, host styles and URL untouched', async (t) => {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await noViolations(page);
  await page.goto(site.server.url + 'examples/mount.html');
  await page.waitForFunction(() => document.documentElement.dataset.advisorsMounted === 'true');
  const need = page.locator('#advisor-need');
  const code = page.locator('#advisor-code');
  await need.locator('legend h1').waitFor();
  await code.locator('legend h1').waitFor();
  assert.equal(await page.evaluate(() => !!document.getElementById('advisor-need').shadowRoot), true);

  // Complete the service-code flow in the second advisor only.
  await code.locator('label[for="sc-server-0"]').click();
  await code.getByRole('button', { name: 'Continue' }).click();
  await code.locator('#rec-buy-eligible-server').waitFor();
  // Links inside it (the FAQ source link) move the advisor, not the page.
  await code.locator('details.source summary').first().click();
  await code.locator('figcaption a').first().click();
  await code.locator('article.faq-entry').first().waitFor();

  assert.equal(await need.locator('legend h1').innerText(), "Where will the website's server be?");
  assert.ok(!page.url().includes('#'), `host URL changed: ${page.url()}`);
  const styles = await hostStyles(page);
  assert.equal(styles.bg, HOST.bg);
  assert.equal(styles.h1, HOST.h1);
  assert.match(styles.font, /Georgia/);
  // The advisor's own styles apply inside its shadow root only.
  const inner = await need.locator('.button.primary').evaluate((b) => getComputedStyle(b).fontFamily);
  assert.doesNotMatch(inner, /Georgia/);
  assert.equal(await page.title(), 'Example documentation page — the advisor mounted with JavaScript');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);

  // The library rejects bad options with a clear Error.
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
});

test('embed mode paints the requested first question before the Wasm, and the app takes over without a shift', async (t) => {
  for (const [flow, lang, heading] of [
    ['need', 'en', "Where will the website's server be?"],
    ['service-code', 'zh-CN', null],
    ['icp-number', 'en', null],
  ]) {
    const url = `${site.server.url}index.html?embed=1&flow=${flow}&lang=${lang}&theme=dark`;
    // Without the Wasm: the static copy for this flow and language, not the start screen.
    const held = await site.browser.newContext({ serviceWorkers: 'block' });
    t.after(() => held.close());
    const still = await held.newPage();
    await still.route('**/*.wasm', (route) => route.abort());
    await still.goto(url);
    const visible = still.locator(`#app > [data-first-screen="${flow}:${lang}"]`);
    assert.ok(await visible.isVisible(), `${flow}:${lang} shown`);
    assert.equal(await still.locator('[data-prerendered]:visible').count(), 1, 'only that copy shows');
    assert.equal(await still.locator('html').getAttribute('lang'), lang);
    assert.equal(await still.locator('html').getAttribute('data-theme'), 'dark');
    const staticText = await visible.innerText();
    if (heading) assert.equal(await visible.locator('legend h1').innerText(), heading);

    // With it: the live app shows the same screen, and nothing moves.
    const live = await site.browser.newContext({ serviceWorkers: 'block' });
    t.after(() => live.close());
    const page = await live.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url);
    await waitForApp(page);
    await page.locator('#app > [data-live]:not([hidden]) .screen.question').waitFor();
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static copies are gone');
    assert.equal(await page.locator('#app > [data-live]').innerText(), staticText, `${flow}:${lang} matches`);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `layout shift ${shift}`);
    assert.deepEqual(errors, []);
  }
  // Not embedded, or a link that names a place: the start screen (or nothing) as before.
  const plain = await site.browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: true });
  t.after(() => plain.close());
  const page = await plain.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${site.server.url}index.html?flow=need`);
  assert.equal(await page.locator('[data-prerendered]:visible h1').innerText(), 'Do you need an ICP Filing?');
  await page.goto(`${site.server.url}index.html?embed=1&flow=nope`);
  assert.equal(await page.locator('[data-prerendered]:visible h1').innerText(), 'Do you need an ICP Filing?');
});
