// Saved answers are never lost and never overwritten silently (issue 21): each flow keeps its
// own saved place; a link — even a broken one — for a flow whose saved answers differ offers a
// choice and keeps both until the person decides, across a reload and in a new tab; a place
// saved by an earlier release under the one key of old moves under its flow; the element and
// mount() keep their answers in memory and leave the page's saved ones alone. (The update from
// the previous release is in update.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSite,
  newContext,
  track,
  assertClean,
  waitForApp,
  answer,
  answerAll,
  waitForQuestion,
  waitForResult,
  hashOf,
  STEP_TIMEOUT,
  OFFICE,
} from './harness.mjs';

const site = withSite();

const KEY = (flow) => `icp-advisor:place:${flow}`;
const saved = (page, flow) => page.evaluate((k) => localStorage.getItem(k), KEY(flow));
const choice = (page) => page.getByRole('region', { name: 'Saved answers' });
const notice = (page) => page.getByRole('status', { name: 'Notices' });

/** A context whose pages share one localStorage (tabs of one browser), closed after the test. */
async function browserTabs(t) {
  const context = await newContext(site.browser);
  t.after(() => context.close());
  return async (hash = '') => {
    const page = await context.newPage();
    const seen = track(page);
    await page.goto(site.server.url + hash);
    await waitForApp(page);
    return { page, seen };
  };
}

/** Completes the need flow along OFFICE (ten answers) from its first question. */
async function officeResult(page) {
  await page.goto(site.server.url + '#/need');
  await waitForApp(page);
  await answerAll(page, OFFICE);
  return waitForResult(page);
}

test('a broken link for a flow with saved answers offers a choice and keeps them, across a reload and a new tab', async (t) => {
  const tab = await browserTabs(t);
  const { page: first, seen } = await tab();
  const outcome = await officeResult(first);
  const mine = await saved(first, 'need');
  assert.match(mine, /^v\d+\|#\/need\/result\?hosting=mainland-ecs&access=domain/, mine);

  // The broken link of the issue, in a new tab: the saved ten answers stay saved.
  const { page: link, seen: seenLink } = await tab('#/need?hostin=outside');
  await waitForQuestion(link, 'hosting');
  await choice(link).waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await choice(link).innerText(), /This link opens other answers to “Do I need an ICP Filing, and which one\?”/);
  assert.equal(await saved(link, 'need'), mine, 'the link did not replace the saved answers');
  // Answering on is no choice: still offered, still not saved over.
  await answer(link, 'hosting', 'outside');
  await choice(link).waitFor();
  assert.equal(await saved(link, 'need'), mine);
  // A reload keeps both: the link's place in the address, the saved one in storage.
  await link.reload();
  await waitForApp(link);
  await choice(link).waitFor({ timeout: STEP_TIMEOUT });
  assert.match(hashOf(link), /hosting=outside/);
  assert.equal(await saved(link, 'need'), mine);
  // Another new tab at the start offers the saved answers, which lead to the saved result.
  const { page: fresh } = await tab();
  const resume = fresh.getByRole('link', { name: 'Resume', exact: true });
  await resume.click();
  assert.equal(await waitForResult(fresh), outcome, 'the ten saved answers, whole');
  await fresh.close();

  // "Go back to my saved answers": the saved place, and nothing is offered any more.
  await choice(link).getByRole('link', { name: 'Go back to my saved answers' }).click();
  assert.equal(await waitForResult(link), outcome);
  assert.equal(await choice(link).count(), 0);
  assert.equal(await saved(link, 'need'), mine);
  assertClean(seen, 'the first tab');
  assertClean(seenLink, 'the link tab');
});

test("the link's answers replace the saved ones only when the person chooses them", async (t) => {
  const tab = await browserTabs(t);
  const { page } = await tab('#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const mine = await saved(page, 'need');
  const { page: link, seen } = await tab('#/need/result?hosting=hong%2Dkong&cdn=none');
  // (A percent-encoded link is decoded: this is the Hong Kong result.)
  await waitForResult(link);
  assert.match(hashOf(link), /hosting=hong-kong/);
  await choice(link).waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await saved(link, 'need'), mine);
  await choice(link).getByRole('button', { name: "Use the link's answers instead of mine" }).click();
  await choice(link).waitFor({ state: 'detached' });
  await link.waitForFunction((k) => localStorage.getItem(k)?.includes('hosting=hong-kong'), KEY('need'), { timeout: STEP_TIMEOUT });
  // The same answers as saved: nothing to choose.
  const { page: same } = await tab('#/need/result?hosting=hong-kong&cdn=none');
  await waitForResult(same);
  assert.equal(await choice(same).count(), 0);
  assertClean(seen);
});

test('each flow keeps its own saved answers; Start over on a link leaves the saved ones', async (t) => {
  const tab = await browserTabs(t);
  const { page, seen } = await tab('#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const need = await saved(page, 'need');
  // A link for another flow saves that flow's place, beside the first one.
  await page.goto(site.server.url + '#/service-code/result?sc-server=none');
  await waitForResult(page);
  assert.equal(await saved(page, 'need'), need, 'the need answers are still saved');
  assert.match(await saved(page, 'service-code'), /sc-server=none/);
  const { page: start } = await tab();
  const resumes = start.locator('.resume a');
  await resumes.first().waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await resumes.count(), 2, 'one Resume per saved flow');
  assert.match(await start.locator('.resume').innerText(), /Do I need an ICP Filing.*\n[\s\S]*service code/);
  // Start over on a link's result while the saved answers are kept apart: they stay saved.
  const { page: link } = await tab('#/need/result?hosting=hong-kong&cdn=none');
  await choice(link).waitFor({ timeout: STEP_TIMEOUT });
  await link.getByRole('button', { name: 'Start over' }).click();
  await link.locator('input[name="flow"]').first().waitFor();
  assert.equal(await saved(link, 'need'), need);
  // Discard forgets one flow's place, not the other's.
  await start.reload();
  await waitForApp(start);
  await start.locator('#resume-need').waitFor({ timeout: STEP_TIMEOUT });
  await start.locator('.resume-flow', { has: start.locator('#resume-need') }).getByRole('button', { name: 'Discard saved answers' }).click();
  assert.equal(await saved(start, 'need'), null);
  assert.match(await saved(start, 'service-code'), /sc-server=none/);
  assertClean(seen);
});

test('a place saved under the one key of earlier releases moves under its flow and is offered', async (t) => {
  const tab = await browserTabs(t);
  const { page } = await tab('#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const value = await saved(page, 'need');
  await page.evaluate(([k, v]) => {
    localStorage.clear();
    localStorage.setItem('icp-advisor:place', v);
  }, [KEY('need').replace(/:need$/, ''), value]);
  const { page: start, seen } = await tab();
  await start.getByRole('link', { name: 'Resume', exact: true }).waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await saved(start, 'need'), value);
  assert.equal(await start.evaluate(() => localStorage.getItem('icp-advisor:place')), null);
  assertClean(seen);
});

test('answers saved by a newer version of the rules get a message of their own, not "updated"', async (t) => {
  const tab = await browserTabs(t);
  const { page } = await tab('#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const now = Number(/^v(\d+)\|/.exec(await saved(page, 'need'))[1]);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY('need'), `v${now + 1}|#/need/cdn?hosting=outside&future-question=yes`]);
  const { page: start, seen } = await tab();
  const text = await notice(start).innerText();
  assert.match(text, new RegExp(`^Your saved answers come from a newer version of the advisor \\(rules version ${now + 1}; this copy has version ${now}`), text);
  assert.match(text, /future-question/);
  assert.doesNotMatch(text, /updated/);
  assertClean(seen);
});

test('a query on the start screen or the FAQ is said to be left out', async (t) => {
  const tab = await browserTabs(t);
  for (const hash of ['#/?hosting=outside', '#/faq?hosting=outside&lang=en']) {
    const { page, seen } = await tab(hash);
    assert.match(await notice(page).innerText(), /^This page takes no answers: “hosting=outside” in the link was left out\./, hash);
    assertClean(seen, hash);
  }
});

test('the <icp-advisor> element and mount() keep their answers in memory: the saved ones are untouched', async (t) => {
  const tab = await browserTabs(t);
  const { page } = await tab('#/need/result?hosting=outside&cdn=none');
  await waitForResult(page);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.goto(site.server.url + 'examples/element.html');
  const element = page.locator('icp-advisor#need');
  await answerAll(element, [['hosting', 'hong-kong'], ['cdn', 'none']]);
  await waitForResult(element);
  await page.goto(site.server.url + 'examples/mount.html');
  await page.locator('html[data-advisors-mounted]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
  await answer(page.locator('#advisor-need'), 'hosting', 'mainland-ecs');
  await page.goto(site.server.url);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
  await page.getByRole('link', { name: 'Resume', exact: true }).click();
  await waitForResult(page);
  assert.match(hashOf(page), /hosting=outside&cdn=none/);
});
