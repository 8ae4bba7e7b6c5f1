// The province layer in the browser: the province question (31 options, asked by the full
// module) travels in the link like every answer; the province's own rules are a step of the
// plan; the documents to prepare are a checklist whose ticks are kept in this browser with the
// answers (a reload keeps them, a share link carries them only when the person chooses so,
// starting over forgets them);
// the timeline is a picture with a title and a description, in both languages, light and dark.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newContext,
  waitForApp,
  waitForResult,
  waitForQuestion,
  questionForm,
  answer,
  showCard,
  shownRecs,
  hashOf,
  withSite,
} from './harness.mjs';

const site = withSite();

const COMPANY = 'hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=mainland&can-complete=yes';
const JIANGSU = `#/need/result?${COMPANY}&file-in=jiangsu&slb=no&app=no`;

async function open(t, fragment, options = {}) {
  const context = await newContext(site.browser, options);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(site.server.url + fragment);
  await waitForApp(page);
  return page;
}

test('the province question lists the 31 provincial-level regions and its answer travels in the link', async (t) => {
  const page = await open(t, `#/need/file-in?${COMPANY}`);
  await waitForQuestion(page, 'file-in');
  assert.equal(await questionForm(page, 'file-in').locator('input[type="radio"]').count(), 31);
  await answer(page, 'file-in', 'jiangsu');
  await waitForQuestion(page, 'slb');
  assert.ok(hashOf(page).includes('file-in=jiangsu'), hashOf(page));
});

test("the province's own rules are a step of the plan, dated and marked with their sources' quality", async (t) => {
  const page = await open(t, JIANGSU);
  await waitForResult(page);
  assert.ok((await shownRecs(page)).includes('jiangsu-company-rules'));
  const steps = await page.locator('.plan-steps > li .step-text').allTextContents();
  assert.ok(steps.some((s) => s.startsWith('Jiangsu:')), steps.join('\n'));
  const card = await showCard(page, 'jiangsu-company-rules');
  const sources = await card.locator('.citation figcaption').allTextContents();
  assert.ok(sources.some((s) => /31 December 2025|2025-12-31/.test(s) && /quality A/.test(s)), sources.join('\n'));
  assert.ok(sources.some((s) => /no date shown/.test(s) && /read/.test(s)), sources.join('\n'));
});

test('the documents checklist keeps its ticks in this browser, not in the link, and forgets them on starting over', async (t) => {
  const page = await open(t, JIANGSU);
  await waitForResult(page);
  const id = (await shownRecs(page)).find((r) => r.startsWith('documents-'));
  assert.ok(id, 'a documents checklist is shown');
  let card = await showCard(page, id);
  const boxes = card.locator('.checklist input[type="checkbox"]');
  assert.ok((await boxes.count()) >= 3, 'one box per document');
  const before = hashOf(page);
  await boxes.nth(1).check();
  assert.equal(hashOf(page), before, 'a tick does not change the link');
  assert.ok(await page.evaluate(() => (localStorage.getItem('icp-advisor:ticks:need') || '').length > 0));
  await page.reload();
  await waitForApp(page);
  await waitForResult(page);
  card = await showCard(page, id);
  assert.equal(await card.locator('.checklist input[type="checkbox"]').nth(1).isChecked(), true, 'kept after a reload');
  assert.equal(await card.locator('.checklist input[type="checkbox"]').nth(0).isChecked(), false);
  await page.getByRole('button', { name: 'Start over' }).first().click();
  await page.waitForFunction(() => localStorage.getItem('icp-advisor:ticks:need') === null);
});

for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']]) {
  test(`the timeline is a picture with a title and a description (${lang}, ${scheme})`, async (t) => {
    const page = await open(t, `${JIANGSU}&lang=${lang}`, { colorScheme: scheme });
    await waitForResult(page);
    const id = (await shownRecs(page)).find((r) => r === 'how-long');
    assert.ok(id, 'the timeline is shown');
    const card = await showCard(page, id);
    const svg = card.locator('svg.timeline-picture');
    assert.equal(await svg.getAttribute('role'), 'img');
    const title = await svg.locator('title').textContent();
    const desc = await svg.locator('desc').textContent();
    assert.ok(title.length > 3 && desc.length > 20, `${title} / ${desc}`);
    if (lang === 'zh-CN') assert.match(desc, /个工作日/);
    else assert.match(desc, /working days/);
    assert.ok((await svg.locator('rect').count()) >= 4, 'a bar per phase');
    const fill = await svg.locator('rect.timeline-span').first().evaluate((r) => getComputedStyle(r).fill);
    assert.ok(fill && fill !== 'none', fill);
  });
}

test('the domain question checks a name in the page: the split, the answer chosen, a known problem named, nothing sent', async (t) => {
  const page = await open(t, '#/need/domain-kind?hosting=mainland-ecs&access=domain&cdn=none');
  await waitForQuestion(page, 'domain-kind');
  const origin = new URL(site.server.url).origin;
  const elsewhere = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) elsewhere.push(r.url());
  });
  await page.getByLabel(/Your domain name/).fill('shop.example.com.cn');
  await page.getByRole('button', { name: 'Check the name' }).click();
  const status = page.locator('.lookup-result');
  await status.waitFor();
  assert.match(await status.innerText(), /Registered domain: example\.com\.cn\. Name under it: shop\./);
  assert.equal(await page.locator('input[name="domain-kind"][value="second-level"]').isChecked(), true, 'the answer is chosen');
  await page.getByLabel(/Your domain name/).fill('example.io');
  await page.getByRole('button', { name: 'Check the name' }).click();
  await page.waitForFunction(() => /stands in the way/.test(document.querySelector('.lookup-result')?.textContent ?? ''));
  assert.equal(await page.locator('input[name="domain-kind"][value="top-level"]').isChecked(), true);
  await page.getByLabel(/Your domain name/).fill('https://example.com/x');
  await page.getByRole('button', { name: 'Check the name' }).click();
  assert.match(await page.locator('.lookup-error').innerText(), /give the name only/);
  assert.deepEqual(elsewhere, [], 'nothing is sent anywhere');
});

test('a share link carries the ticks only when the person chooses so; opening it adds them to the ticks kept here', async (t) => {
  const page = await open(t, JIANGSU, { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitForResult(page);
  const id = (await shownRecs(page)).find((r) => r.startsWith('documents-'));
  const card = await showCard(page, id);
  await card.locator('.checklist input[type="checkbox"]').nth(2).check();
  const copyLink = async () => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const plain = await copyLink();
  assert.doesNotMatch(plain, /ticks=/, 'not unless chosen');
  const include = page.getByRole('checkbox', { name: 'Include the documents I ticked in the share link' });
  await include.check();
  const withTicks = await copyLink();
  assert.match(withTicks, new RegExp(`ticks=${id}/[0-9a-f]{8}(&|$)`), withTicks);

  // Another browser: the link's tick joins its own (a link never takes one away), the address
  // then names no ticks, and an item that is not a tick is said.
  const context = await newContext(site.browser, {});
  t.after(() => context.close());
  await context.addInitScript((k) => {
    if (!localStorage.getItem('icp-advisor:ticks:need')) localStorage.setItem('icp-advisor:ticks:need', k);
  }, `${id}/00000000`);
  const other = await context.newPage();
  await other.goto(site.server.url + withTicks.slice(withTicks.indexOf('#')) + ',not-a-tick');
  await waitForApp(other);
  await waitForResult(other);
  const theirs = await showCard(other, id);
  assert.equal(await theirs.locator('.checklist input[type="checkbox"]').nth(2).isChecked(), true, 'the link\'s tick');
  const kept = await other.evaluate(() => localStorage.getItem('icp-advisor:ticks:need'));
  assert.ok(kept.includes(`${id}/00000000`), `their own tick is kept: ${kept}`);
  assert.doesNotMatch(hashOf(other), /ticks=/, 'the address names no ticks once read');
  assert.match((await other.locator('.notice').allInnerTexts()).join('\n'), /not-a-tick/);
});
