// Smoke test: the release build in dist/ loads in headless Chromium, the Yew
// app mounts and replaces the static loading state, and every asset URL is
// relative (the site works under a sub-path and fetches nothing external).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serve, launch, newContext, track, assertClean, waitForApp, screenshot } from './harness.mjs';

const LOADING_TEXT = 'Loading the ICP Filing Advisor';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const basePath of ['/', '/tools/icp-advisor/']) {
  test(`dist/ mounts the app when served under ${basePath}`, async (t) => {
    const server = await serve(DIST, { basePath });
    t.after(() => server.close());
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = track(page);
    const foreign = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin + '/')) foreign.push(r.url());
    });

    const response = await page.goto(server.url);
    assert.equal(response?.status(), 200);
    await waitForApp(page);

    await page.locator('#app form input[name="flow"]').first().waitFor();
    const appText = await page.locator('#app').innerText();
    assert.ok(!appText.includes(LOADING_TEXT), `loading text still shown: ${appText}`);
    assert.match(appText, /Do you need an ICP Filing\?/, 'the start screen');
    assert.equal(await page.title(), 'ICP Filing Advisor');
    assert.ok(server.requests.some((p) => p.endsWith('.wasm')), `no .wasm requested: ${server.requests}`);
    // Chromium asks for /favicon.ico by itself when the page declares no icon.
    for (const entry of server.log.filter((e) => e.path !== '/favicon.ico')) {
      assert.ok(entry.path.startsWith(basePath), `request outside ${basePath}: ${entry.path}`);
      assert.equal(entry.status, 200, `${entry.path} -> ${entry.status}`);
    }
    assert.deepEqual(foreign, [], 'requests to other origins');
    assertClean(seen);

    await screenshot(page, basePath === '/' ? 'smoke' : 'smoke-subpath');
  });
}
