// The FAQ: the browse page (every FAQ question with the advisor's answer, a filter, links into
// the flows), deep links to one question, citation links from a result, and the way back to
// the screen the person came from with the answers intact.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSite,
  openApp,
  assertClean,
  waitForQuestion,
  waitForResult,
  hashOf,
  answerSummary,
  selected,
  assertFocused,
  showCard,
  answer,
  startFlow,
  STEP_TIMEOUT,
} from './harness.mjs';

const site = withSite();
const open = (t, hash = '', options = {}) => openApp(t, site.browser, site.server, hash, options);

const FAQ_COUNT = 24;
const RESULT =
  '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none' +
  '&subject-filing=none&entity=outside&presence=office&file-in=shanghai&slb=no&app=no';

const inView = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });

test('the FAQ page lists every question with the advisor\'s answer, by section, with a filter', async (t) => {
  const { page, seen } = await open(t);
  await page.getByRole('link', { name: 'Browse the FAQ' }).click();
  await page.locator('article.faq-entry').first().waitFor();
  assert.ok(hashOf(page).startsWith('#/faq'), hashOf(page));
  assert.equal(await page.locator('#main-heading').innerText(), 'The ICP FAQ, answered');
  assert.equal(await page.title(), 'FAQ — ICP Filing Advisor');
  await assertFocused(page, 'main-heading', 'after opening the FAQ');

  const entries = page.locator('article.faq-entry');
  assert.equal(await entries.count(), FAQ_COUNT);
  const sections = await page.locator('section[aria-label^="Section "] > h2').allInnerTexts();
  assert.deepEqual(sections, ['§1.1', '§1.2', '§1.3', '§1.4']);
  // Each entry: the FAQ's question in its own words (English), the answer, a way to work it out.
  const shape = await entries.evaluateAll((es) =>
    es.map((e) => ({
      id: e.id,
      question: e.querySelector('h3 [lang="en"]')?.textContent.trim() ?? '',
      answer: e.querySelector(':scope > p')?.textContent.trim() ?? '',
      flowLink: e.querySelector('.related a')?.getAttribute('href') ?? '',
    })),
  );
  for (const s of shape) {
    assert.match(s.id, /^faq-[a-z0-9-]+$/);
    assert.match(s.question, /^“.+”$/, `${s.id}: the FAQ's own question, quoted`);
    assert.ok(s.answer.length > 30, `${s.id}: the advisor's answer`);
    assert.match(s.flowLink, /^#\/(need|service-code|icp-number)\//, `${s.id}: a link into a flow`);
  }
  // "Work it out" opens that flow's first question.
  await page.locator('#faq-no-apply-button .related a').click();
  await waitForQuestion(page, 'sc-server');
  await page.goBack();
  await page.locator('#faq-filter').waitFor();

  // The filter narrows the list as one types, and says how many are shown.
  await page.locator('#faq-filter').fill('Hong Kong');
  await page.waitForFunction(() => document.getElementById('faq-count')?.textContent.startsWith('2 of') || document.querySelectorAll('article.faq-entry').length < 24, null, { timeout: STEP_TIMEOUT });
  const shown = await entries.count();
  assert.ok(shown >= 1 && shown < FAQ_COUNT, `the filter narrows the list (${shown})`);
  assert.equal(await page.locator('#faq-count').innerText(), `${shown} of ${FAQ_COUNT} questions shown`);
  for (const text of await entries.allInnerTexts()) assert.match(text, /hong kong/i);
  await page.locator('#faq-filter').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('article.faq-entry').length === n, FAQ_COUNT, { timeout: STEP_TIMEOUT });
  assertClean(seen);
});

test('a deep link to one FAQ question shows it: marked, scrolled into view and focused', async (t) => {
  const { page, seen } = await open(t, '#/faq/hosted-outside');
  const entry = page.locator('#faq-hosted-outside');
  await entry.waitFor();
  await assertFocused(page, 'faq-hosted-outside', 'on opening the link');
  assert.ok(await inView(entry), 'the question is in view');
  assert.match(await entry.getAttribute('class'), /\bfocused\b/);
  assert.equal(await page.locator('article.faq-entry.focused').count(), 1, 'only that one is marked');
  assert.match(await entry.locator('h3').innerText(), /Do I need an ICP Filing if my website is hosted outside mainland China\?/);
  assertClean(seen);
});

/** From RESULT: opens the service-code step and follows its source's FAQ link. */
async function followCitation(page) {
  const card = await showCard(page, 'get-service-code');
  const link = card.locator(':scope > .source figcaption a[href*="#/faq/"]').first();
  const href = await link.getAttribute('href');
  const id = /#\/faq\/([a-z0-9-]+)/.exec(href)[1];
  await link.click();
  await page.locator(`#faq-${id}`).waitFor();
  return id;
}

test('a citation link opens the FAQ at the cited question; the back link returns to the result with the answers intact', async (t) => {
  const { page, seen } = await open(t, RESULT);
  const outcome = await waitForResult(page);
  const answers = await answerSummary(page);
  const resultHash = hashOf(page);

  const id = await followCitation(page);
  assert.ok(hashOf(page).startsWith(`#/faq/${id}`), hashOf(page));
  assert.match(await page.locator(`#faq-${id}`).getAttribute('class'), /\bfocused\b/, 'the cited question is marked');
  const back = page.getByRole('link', { name: 'Back to your result' });
  assert.equal(await back.count(), 1, 'a way back to the result');

  await back.click();
  assert.equal(await waitForResult(page), outcome);
  assert.equal(hashOf(page), resultHash, 'the same result');
  assert.deepEqual(await answerSummary(page), answers, 'with the same answers');
  await assertFocused(page, 'main-heading', 'back on the result');
  // The back link went back through the history: Forward returns to the FAQ question.
  await page.goForward();
  await page.locator(`#faq-${id}`).waitFor();
  assertClean(seen);
});

test('following a citation link moves the focus to the cited question and scrolls it into view', async (t) => {
  const { page, seen } = await open(t, RESULT);
  await waitForResult(page);
  const id = await followCitation(page);
  await assertFocused(page, `faq-${id}`, 'after following the citation');
  assert.ok(await inView(page.locator(`#faq-${id}`)), 'the cited question is in view');
  // Within the FAQ page too: a question's own link focuses it.
  await page.locator('#faq-hong-kong h3 a').click();
  await assertFocused(page, 'faq-hong-kong', 'after following a question link on the FAQ page');
  assertClean(seen);
});

test('the FAQ opened from a question leads back to that question with its answers', async (t) => {
  const { page, seen } = await open(t);
  await startFlow(page, 'need');
  await answer(page, 'hosting', 'outside');
  await waitForQuestion(page, 'cdn');
  await page.getByRole('link', { name: 'Browse the FAQ' }).click();
  await page.locator('article.faq-entry').first().waitFor();
  await page.getByRole('link', { name: 'Back to your question' }).click();
  await waitForQuestion(page, 'cdn');
  assert.ok(hashOf(page).startsWith('#/need/cdn?hosting=outside'), hashOf(page));
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'outside');
  assertClean(seen);
});
