// The result, answer first, on a phone: for the six results the design is checked on, the
// verdict and the first step of the plan are on the first screen (390 × 844), the plan is the
// one numbered list, the first action is its first step, what shows before anything is opened
// stays within its budget (400 words; 1,000 characters in Chinese), and the other ways lead to
// their results with the other answers kept. A share link names the language only when the
// sender chose one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSite, openApp, assertClean, waitForResult, hashOf, answersOf, screenshot, engine, STEP_TIMEOUT } from './harness.mjs';

const site = withSite();
const PHONE = { width: 390, height: 844 };
const open = (t, hash = '', options = {}) => openApp(t, site.browser, site.server, hash, { viewport: PHONE, ...options });

const SIX = [
  {
    name: 'first filing of a mainland company (Chinese)',
    hash: '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=mainland&can-complete=yes&file-in=zhejiang&slb=no&app=no&lang=zh-CN',
    lang: 'zh-CN',
  },
  {
    name: 'a foreign company without a presence, hosted outside, on mainland CDN',
    hash: '#/need/result?hosting=outside&cdn=mainland&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=outside&presence=none',
    other: 'With international CDN only: No ICP Filing is needed',
  },
  {
    name: 'an individual on a mainland ECS instance',
    hash: '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=individual&can-complete=yes&file-in=gansu&id-local=yes&slb=no&app=no',
    other: 'If you host in Hong Kong: No ICP Filing is needed',
  },
  {
    name: 'service code: no Apply button, Pay-As-You-Go',
    hash: '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=yes&sc-billing=pay-as-you-go&sc-bandwidth=yes',
    first: 'Switch the instance from Pay-As-You-Go to a subscription of more than three months.',
  },
  {
    name: 'ICP number revoked because the domain expired',
    hash: '#/icp-number/result?num-topic=revoked&num-cause=domain-expired',
  },
  { name: 'Hong Kong hosting without CDN', hash: '#/need/result?hosting=hong-kong&cdn=none' },
];

/** What the result shows before anything is opened (its rendered text), without the buttons and the lens switch. */
const visibleText = (page) =>
  page.locator('.result').evaluate((r) => {
    let text = r.innerText;
    for (const e of r.querySelectorAll('.result-actions, fieldset.lens')) text = text.replace(e.innerText, ' ');
    return text.replace(/\s+/g, ' ').trim();
  });

for (const [i, r] of SIX.entries()) {
  test(`on a phone, the answer and the first step come first: ${r.name}`, async (t) => {
    const { page, seen } = await open(t, r.hash);
    await waitForResult(page);
    const [path, query] = r.hash.slice(2).split('?');
    const flow = path.split('/')[0];
    const advice = await engine(page, 'evaluate', { flow, answers: answersOf('#?' + query) }, { lang: r.lang ?? 'en' });

    // The verdict and the plan's first step are on the first screen, without scrolling.
    const bottom = (sel) => page.locator(sel).first().evaluate((el) => el.getBoundingClientRect().bottom);
    for (const sel of ['#main-heading', '.verdict-line', '.first-action', '#step-1 .step-text']) {
      assert.ok((await bottom(sel)) <= PHONE.height, `${sel} is on the first screen (bottom ${await bottom(sel)})`);
    }
    assert.equal((await page.locator('.verdict-line').innerText()).trim(), advice.verdict.text);
    // One numbered list, the plan; the first action is its first step.
    assert.equal(await page.locator('main ol').count(), 1, 'one numbered list');
    const stepOne = (await page.locator('#step-1 .step-text').innerText()).trim();
    assert.equal(stepOne, advice.plan[0].text);
    assert.ok((await page.locator('.first-action').innerText()).includes(stepOne), 'Do this first is step 1');
    if (r.first) assert.equal(stepOne, r.first, 'the fix first');

    // The budget of what shows before anything is opened.
    const text = await visibleText(page);
    if (r.lang === 'zh-CN') {
      const chars = text.replace(/\s/g, '').length;
      assert.ok(chars <= 1000, `${chars} characters shown before anything is opened`);
    } else {
      const words = text.split(' ').length;
      assert.ok(words <= 400, `${words} words shown before anything is opened`);
    }
    await screenshot(page, `result-phone-${i + 1}${r.lang ? '-' + r.lang : ''}`);
    if (r.lang === 'zh-CN') {
      // A step opened: its sources, the English words labelled and rendered.
      await page.locator('#step-1-summary').click();
      await page.locator('#step-1 .rendering').first().waitFor();
      await screenshot(page, `result-phone-${i + 1}-${r.lang}-step-1`);
    }

    // The other way: a line with the verdict it leads to; its link opens that result with every
    // other answer kept.
    if (r.other) {
      const link = page.locator('.other-ways a', { hasText: r.other });
      assert.equal(await link.count(), 1, `"${r.other}" offered`);
      const before = answersOf(hashOf(page));
      await link.click();
      await page.waitForFunction(() => document.getElementById('main-heading')?.textContent === 'No ICP Filing is needed', null, { timeout: STEP_TIMEOUT });
      assert.equal(await waitForResult(page), 'No ICP Filing is needed');
      const after = answersOf(hashOf(page));
      const changed = Object.keys(after).filter((q) => after[q] !== before[q]);
      assert.equal(changed.length, 1, `one answer changed: ${JSON.stringify(after)}`);
      for (const [q, o] of Object.entries(after)) if (q !== changed[0]) assert.equal(o, before[q], `${q} kept`);
    }
    assertClean(seen);
  });
}

/** Clicks "Copy share link" and returns what it copied. */
async function shareLink(page) {
  await page.getByRole('button', { name: /^(Copy share link|复制分享链接)$/ }).click();
  await page.getByRole('status').filter({ hasText: /Copied\.|已复制。/ }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a share link names the language only when the sender chose one', async (t) => {
  const permissions = ['clipboard-read', 'clipboard-write'];
  const { page, seen } = await open(t, '#/need/result?hosting=outside&cdn=none', { permissions });
  await waitForResult(page);
  // English came from the browser, not a choice: the link leaves it to its reader.
  assert.doesNotMatch(await shareLink(page), /lang=/);
  // Chosen with the switch: the link carries it.
  await page.locator('nav button[lang="zh-CN"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: STEP_TIMEOUT });
  assert.match(await shareLink(page), /[?&]lang=zh-CN(&|$)/);
  assertClean(seen);

  // A link that named a language counts as chosen too.
  const { page: p2, seen: seen2 } = await open(t, '#/need/result?hosting=outside&cdn=none&lang=en', { permissions });
  await waitForResult(p2);
  assert.match(await shareLink(p2), /[?&]lang=en(&|$)/);
  assertClean(seen2, 'a link naming English');
});
