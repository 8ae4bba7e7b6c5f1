// Two languages: switching changes every text (nothing left in English outside the quoted
// FAQ, which is marked lang="en"), <html lang> follows, the choice is remembered, and a
// shared link opens in the sender's language.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp, screenshot, withSite } from './harness.mjs';

// Latin words allowed in Chinese text: product and standard names, and examples.
const ALLOWED = new Set([
  'ICP', 'FAQ', 'ECS', 'CDN', 'SLB', 'DNS', 'VPC', 'IP', 'English', 'example', 'com', 'shop', 'www', 'Rule',
]);

const site = withSite();

/** Latin words in the app's visible text outside elements marked lang="en". */
async function strayEnglish(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('#app'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el.closest('[lang="en"]') || el.closest('.rule-ids') || el.closest('noscript')) continue;
      for (const w of n.textContent.match(/[A-Za-z]{2,}/g) || []) out.push(w);
    }
    return out;
  });
}

const SCREENS = [
  ['start', '#/'],
  ['question', '#/need/cdn?hosting=outside'],
  ['result', '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none&subject-filing=alibaba&entity=outside&presence=office&slb=yes'],
  ['service-code result', '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=no&sc-billing=pay-as-you-go&sc-bandwidth=no'],
  ['number result', '#/icp-number/result?num-topic=revoked&num-cause=unknown'],
  ['faq', '#/faq'],
];

for (const [name, fragment] of SCREENS) {
  test(`${name} in Chinese has no English left outside the quotes`, async (t) => {
    const context = await site.browser.newContext({ locale: 'en-US' });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(site.server.url + fragment + (fragment.includes('?') ? '&' : '?') + 'lang=zh-CN');
    await waitForApp(page);
    await page.locator('#main-heading').waitFor();
    for (const d of await page.locator('details').all()) await d.evaluate((e) => (e.open = true));
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const stray = (await strayEnglish(page)).filter((w) => !ALLOWED.has(w));
    assert.deepEqual(stray, [], `English words left on the ${name} screen`);
    assert.match(await page.title(), /ICP备案顾问/);
    if (name === 'result') await screenshot(page, 'i18n-zh-result');
  });
}

test('switching language changes the page, is remembered, and travels in links', async (t) => {
  const context = await site.browser.newContext({ locale: 'en-US' });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(site.server.url + '#/need/cdn?hosting=outside');
  await waitForApp(page);
  assert.equal(await page.locator('legend h1').innerText(), 'Will you use Alibaba Cloud CDN for this website?');
  await page.locator('.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await page.locator('legend h1').innerText(), /CDN/);
  assert.doesNotMatch(await page.locator('legend h1').innerText(), /Will you use/);
  assert.match(page.url(), /lang=zh-CN/);
  // Remembered: a link without a language opens in Chinese in this browser…
  await page.goto(site.server.url + '#/faq');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  // …but a shared English link opens in English in a fresh browser that prefers Chinese.
  const other = await site.browser.newContext({ locale: 'zh-CN' });
  t.after(() => other.close());
  const p2 = await other.newPage();
  await p2.goto(site.server.url + '#/need/cdn?hosting=outside&lang=en');
  await waitForApp(p2);
  assert.equal(await p2.locator('html').getAttribute('lang'), 'en');
  // And with no language in the link, the browser's language decides.
  await p2.goto(site.server.url + '#/');
  await p2.reload();
  await waitForApp(p2);
  assert.equal(await p2.locator('html').getAttribute('lang'), 'zh-CN');
});
