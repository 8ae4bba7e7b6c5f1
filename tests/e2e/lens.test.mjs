// The lens: "the FAQ's advice and notes on current practice" (the default) or "the FAQ's advice
// alone (as published in 2019)". Switching changes what is shown, the choice is remembered in
// this browser, links (and share links) carry it as `lens=faq`; notes on current practice are
// shown apart from the FAQ's advice — beside the card they qualify or in a group of their own —
// each with its badge and its sources' dates.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSite,
  openApp,
  newContext,
  track,
  assertClean,
  waitForApp,
  waitForResult,
  hashOf,
  shownRecs,
  STEP_TIMEOUT,
  engine,
} from './harness.mjs';

const site = withSite();
const open = (t, hash = '', options = {}) => openApp(t, site.browser, site.server, hash, options);

// A foreign company with a representative office on a mainland ECS instance: FAQ advice with
// notes attached to some cards, and notes in a group of their own.
const OFFICE =
  '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none' +
  '&subject-filing=none&entity=outside&presence=office&file-in=shanghai&slb=no&app=no';
const ANSWERS = Object.fromEntries(OFFICE.split('?')[1].split('&').map((p) => p.split('=')));

/** The engine's advice for OFFICE in a lens (the app page's JS API). */
const advise = (page, lens) => engine(page, 'evaluate', { flow: 'need', answers: ANSWERS }, { lens });

/** Which lens the switch shows as chosen. */
const chosenLens = (page) => page.locator('input[type="radio"][name="lens"]:checked').getAttribute('value');

/** Chooses a lens by clicking its label. */
async function chooseLens(page, lens) {
  await page.locator(`label[for="lens-${lens}"]`).click();
  await page.waitForFunction((l) => document.querySelector(`input[name="lens"][value="${l}"]`)?.checked, lens, { timeout: STEP_TIMEOUT });
}

/** The recommendations of the plan's steps, in order (each step folds its card). */
const planLinks = (page) =>
  page.locator('.plan-steps > li').evaluateAll((lis) => lis.map((li) => li.querySelector('details.step-details > .step-body > article.rec')?.id.slice(4)));

/** Where the lens switch is on the screen (its top edge, in CSS pixels). */
const switchTop = (page) => page.locator('fieldset.lens').evaluate((f) => f.getBoundingClientRect().top);

test('switching the lens changes what is shown, and the address says which lens', async (t) => {
  const { page, seen } = await open(t, OFFICE);
  await waitForResult(page);
  const all = await advise(page, 'all');
  const faq = await advise(page, 'faq');
  const practice = all.recommendations.filter((r) => r.layer === 'practice').map((r) => r.id);
  assert.ok(practice.length >= 3, `this result has notes on current practice (${practice})`);
  assert.ok(faq.recommendations.every((r) => r.layer === 'faq'), 'the FAQ lens has none');

  // The default: both layers, the switch saying so.
  assert.equal(await chosenLens(page), 'all');
  assert.deepEqual([...(await shownRecs(page))].sort(), all.recommendations.map((r) => r.id).sort());
  assert.deepEqual(await planLinks(page), all.plan.map((p) => p.recommendation));
  assert.ok((await page.locator('.plan-steps .practice-badge').count()) > 0, 'practice is badged in the plan');
  const title = await page.title();

  // The FAQ's advice alone: every note goes, from the cards and from the plan. The switch keeps
  // its place on the screen although the plan above and around it changes.
  const before = await switchTop(page);
  await chooseLens(page, 'faq');
  await page.locator('.plan-steps .practice-badge').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
  assert.ok(Math.abs((await switchTop(page)) - before) <= 2, `the switch stayed where it was (${before} → ${await switchTop(page)})`);
  assert.deepEqual([...(await shownRecs(page))].sort(), faq.recommendations.map((r) => r.id).sort());
  assert.deepEqual(await planLinks(page), faq.plan.map((p) => p.recommendation));
  for (const id of practice) assert.equal(await page.locator(`#rec-${id}`).count(), 0, `#rec-${id} hidden`);
  assert.equal(await page.locator('.practice-badge').count(), 0, 'no "Since 2019" badge left');
  assert.match(hashOf(page), /[?&]lens=faq(&|$)/, `the address carries the lens: ${hashOf(page)}`);
  assert.equal(await page.title(), title, 'the outcome stays the same');

  // And back.
  await chooseLens(page, 'all');
  await page.locator('.plan-steps .practice-badge:visible').first().waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual([...(await shownRecs(page))].sort(), all.recommendations.map((r) => r.id).sort());
  assert.doesNotMatch(hashOf(page), /lens=/, 'the default lens is not written into the address');
  assertClean(seen);
});

test('the lens is remembered across reloads and applies to the FAQ page too', async (t) => {
  const { page, seen } = await open(t, OFFICE);
  await waitForResult(page);
  await chooseLens(page, 'faq');

  // A link without a lens, in this browser: the remembered lens.
  await page.goto(site.server.url + '#/');
  await page.goto(site.server.url + OFFICE);
  await page.reload();
  await waitForApp(page);
  await waitForResult(page);
  assert.equal(await chosenLens(page), 'faq', 'remembered after a reload');
  assert.equal(await page.locator('.practice-badge').count(), 0, 'and applied');

  // The FAQ page follows it: no notes under the FAQ entries; with the other lens, notes.
  await page.getByRole('link', { name: 'Browse the FAQ' }).click();
  await page.locator('article.faq-entry').first().waitFor();
  assert.equal(await chosenLens(page), 'faq');
  assert.equal(await page.locator('article.faq-entry aside').count(), 0, 'no practice notes on the FAQ page');
  await chooseLens(page, 'all');
  await page.locator('article.faq-entry aside').first().waitFor({ timeout: STEP_TIMEOUT });
  const note = page.locator('article.faq-entry aside').first();
  assert.match(await note.innerText(), /Since 2019\s+Since then \(notes gathered \d{4}-\d{2}\):/, 'a dated note under the FAQ answer');

  // Remembered the other way too.
  await page.reload();
  await waitForApp(page);
  assert.equal(await chosenLens(page), 'all');
  assertClean(seen);
});

test('the share link keeps the lens, and a link\'s lens wins over the remembered one', async (t) => {
  const { page, seen } = await open(t, OFFICE, { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitForResult(page);
  await chooseLens(page, 'faq');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[?&]lens=faq(&|$)/, `the share link carries the lens: ${link}`);

  // A fresh browser (which remembers nothing) opens it in the FAQ lens.
  const other = await newContext(site.browser);
  t.after(() => other.close());
  const p2 = await other.newPage();
  const seen2 = track(p2);
  await p2.goto(link);
  await waitForApp(p2);
  await waitForResult(p2);
  assert.equal(await chosenLens(p2), 'faq');
  assert.equal(await p2.locator('.practice-badge').count(), 0);

  // A browser that remembers the FAQ lens opens a link naming the other lens in that one.
  await p2.goto(site.server.url + OFFICE + '&lens=all');
  await p2.reload();
  await waitForApp(p2);
  await waitForResult(p2);
  assert.equal(await chosenLens(p2), 'all');
  assert.ok((await p2.locator('.practice-badge').count()) > 0);
  assertClean(seen);
  assertClean(seen2, 'the opened link');
});

test('notes on current practice are shown apart from the FAQ advice, each with its dates', async (t) => {
  const { page, seen } = await open(t, OFFICE);
  await waitForResult(page);
  const all = await advise(page, 'all');
  // Everything opened, as a reader would by tapping each disclosure.
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
  const where = await page.evaluate((recs) =>
    recs.map((r) => {
      const el = document.getElementById(`rec-${r.id}`);
      const aside = el.parentElement.closest('aside');
      const group = el.closest('section[aria-labelledby="practice-heading"]');
      const owner = aside?.parentElement.querySelector(':scope > article[id^="rec-"]');
      const step = el.closest('.plan-steps > li');
      const badge = el.querySelector(':scope > .practice-label .practice-badge');
      return {
        id: r.id,
        layer: r.layer,
        place: r.place,
        attached_to: r.attached_to,
        inAside: !!aside,
        asideName: aside?.getAttribute('aria-label') ?? null,
        owner: owner ? owner.id.slice(4) : null,
        inGroup: !!group,
        stepBadge: step && !aside ? step.querySelector('summary .badge')?.textContent.trim() ?? null : null,
        badge: badge?.textContent.trim() ?? null,
        badgeShown: !!badge && badge.checkVisibility(),
        label: el.querySelector(':scope > .practice-label')?.textContent.trim() ?? null,
      };
    }),
  all.recommendations);
  for (const w of where) {
    if (w.layer === 'faq') {
      assert.ok(!w.inAside && !w.inGroup && w.badge === null, `${w.id}: FAQ advice is not marked as a note`);
      continue;
    }
    assert.equal(w.badge, 'Since 2019', `${w.id}: badged`);
    assert.ok(w.badgeShown, `${w.id}: the badge is visible`);
    assert.match(w.label, /As of \d{4}-\d{2}/, `${w.id}: says when its facts are from (${w.label})`);
    assert.match(w.label, /per (Alibaba Cloud|Tencent Cloud|Huawei Cloud|[A-Z])/, `${w.id}: says whose page`);
    if (w.attached_to) {
      // Inside the FAQ card it qualifies (folded under its step), in a labelled aside.
      assert.ok(w.inAside, `${w.id}: in an aside`);
      assert.equal(w.asideName, 'Since 2019', `${w.id}: the aside is named`);
      assert.equal(w.owner, w.attached_to, `${w.id}: beside the card it qualifies`);
    } else if (w.place === 'plan') {
      // A step of its own, badged in its line.
      assert.equal(w.stepBadge, 'Since 2019', `${w.id}: its step is badged`);
    } else {
      assert.ok(w.inGroup, `${w.id}: in the group of notes`);
    }
  }
  assert.ok(where.some((w) => w.inAside) && where.some((w) => w.stepBadge), 'notes inside a step and steps of their own occur here');
  // Set apart visibly: a rule in the practice colour beside each aside, unlike the FAQ cards.
  const styles = await page.evaluate(() => {
    const aside = document.querySelector('aside.since');
    const faqCard = document.querySelector('.good-to-know article[id^="rec-"]:not(.practice)');
    const badge = document.querySelector('.practice-badge');
    const s = (el) => getComputedStyle(el);
    return {
      asideRule: [s(aside).borderLeftStyle, parseFloat(s(aside).borderLeftWidth), s(aside).borderLeftColor],
      faqRule: s(faqCard).borderLeftColor,
      badge: s(badge).color,
    };
  });
  assert.equal(styles.asideRule[0], 'solid');
  assert.ok(styles.asideRule[1] >= 2, 'a visible rule beside the notes');
  assert.notEqual(styles.asideRule[2], styles.faqRule, 'in another colour than the FAQ cards');
  assert.equal(styles.asideRule[2], styles.badge, 'the colour of the badge');
  assertClean(seen);
});
