// End-to-end flows: the release build driven in headless Chromium the way a person uses it —
// clicking labels, Continue, Back, Change, the browser's Back/Forward, reloading, opening
// shared and broken links, following "Your plan" and "Continue with" links.
//
// Every test gets a fresh browser context (no shared storage) and fails on any console error,
// uncaught exception, failed request, HTTP error response or dialog. Options are picked by
// their ids through the shared `answer`/`answerAll` helpers (harness.mjs); expectations about
// the advice come from the rulebook (see `icp-advisor evaluate`), and where the UI should show
// exactly what the engine says, from the JS API (icp-advisor.js, imported into the app page).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSite,
  openApp,
  newContext,
  track,
  assertClean,
  waitForApp,
  screenshot,
  answer,
  answerAll,
  choose,
  selected,
  startFlow,
  waitForQuestion,
  waitForResult,
  hashOf,
  answersOf,
  answerSummary,
  shownRecs,
  showCard,
  openAnswers,
  assertFocused,
  questionForm,
  STEP_TIMEOUT,
  OFFICE,
  engine,
} from './harness.mjs';

const site = withSite();
const open = (t, hash = '', options = {}) => openApp(t, site.browser, site.server, hash, options);

const APP = 'ICP Filing Advisor';

/** What the engine says for these answers (the JS API of the app page). */
function evaluate(page, flow, answers, lens) {
  return engine(page, 'evaluate', { flow, answers: Object.fromEntries(answers) }, lens ? { lens } : undefined);
}

/** The result link for [[q, o], …]. */
const resultLink = (flow, steps) => `#/${flow}/result?` + steps.map(([q, o]) => `${q}=${o}`).join('&');

/** Waits for the result screen and checks it against the engine's advice for `steps`. */
async function checkResult(page, flow, steps) {
  const heading = await waitForResult(page);
  const advice = await evaluate(page, flow, steps);
  assert.ok(advice.complete, 'the answers make a result');
  // The answer first: the outcome is the h1 and the title, the verdict line under it.
  const outcome = advice.verdict.title;
  assert.equal(heading, outcome, 'the heading is the outcome');
  assert.equal(await page.title(), `${outcome} — ${APP}`, 'the document title follows the outcome');
  assert.equal((await page.locator('.verdict-line').innerText()).trim(), advice.verdict.text, 'the verdict line');
  // The one thing to do first is the plan's first step.
  if (advice.first_action) {
    assert.equal((await page.locator('.first-action a').innerText()).trim(), stepText(advice.first_action), 'Do this first');
  } else {
    assert.equal(await page.locator('.first-action').count(), 0);
  }
  // The plan: one numbered list, the engine's steps in its order.
  assert.deepEqual(
    await page.locator('.plan-steps > li .step-text').allInnerTexts(),
    advice.plan.map(stepText),
    'the plan',
  );
  assert.deepEqual(
    await page.locator('.other-ways li').allInnerTexts(),
    advice.alternatives.map((a) => `${a.text}: ${a.title}`),
    'the other ways',
  );
  assert.ok(hashOf(page).startsWith(`#/${flow}/result?`), `the address names the result: ${hashOf(page)}`);
  assert.deepEqual(answersOf(hashOf(page)), Object.fromEntries(steps), 'the address holds exactly the answers');
  // "Your answers" lists exactly the answers given, in order, as the engine words them.
  assert.deepEqual(
    await answerSummary(page),
    advice.answers.map((a) => [a.prompt, a.label]),
    'the Your answers summary',
  );
  // Every recommendation of the engine is shown, once.
  assert.deepEqual(
    [...(await shownRecs(page))].sort(),
    advice.recommendations.map((r) => r.id).sort(),
    'the recommendations shown',
  );
  return advice;
}

/** A plan step's line as the result shows it. */
const stepText = (p) => (p.alternative ? `Or instead: ${p.text}` : p.text);

/**
 * Everything but the answer is one tap away: every plan step starts folded and, opened, shows
 * its card's why and sources (FAQ advice: a quote naming its FAQ section; current practice: a
 * quote or a recorded summary with its publisher and date); "Good to know" starts folded and,
 * opened, shows its cards, each with a closed "Why?" and "Source" that open on a click.
 */
async function checkDisclosures(page) {
  const shown = (sel) => page.locator(sel).evaluateAll((els) => els.map((el) => el.checkVisibility()));
  const steps = page.locator('.plan-steps > li > details.step-details');
  const n = await steps.count();
  assert.ok(n > 0, 'a plan');
  assert.deepEqual(await steps.evaluateAll((ds) => ds.map((d) => d.open)), Array(n).fill(false), 'steps start folded');
  assert.ok((await shown('.plan-steps article.rec')).every((v) => !v), 'their details hidden');
  // A real click on the first step; the rest in one go.
  await steps.nth(0).locator(':scope > summary').click();
  await steps.evaluateAll((ds) => ds.slice(1).forEach((d) => d.querySelector(':scope > summary').click()));
  const cards = await page.locator('.plan-steps article.rec').evaluateAll((els) =>
    els.map((card) => ({
      id: card.id,
      practice: card.classList.contains('practice'),
      whyShown: !!card.querySelector(':scope > .why p')?.checkVisibility(),
      words: card.querySelector(':scope > .source :is(blockquote, .summary)')?.textContent.trim() ?? '',
      wordsShown: !!card.querySelector(':scope > .source :is(blockquote, .summary)')?.checkVisibility(),
      sourceText: card.querySelector(':scope > .source')?.textContent ?? '',
    })),
  );
  for (const c of cards) {
    assert.ok(c.whyShown, `${c.id}: Why? shown in the opened step`);
    assert.ok(c.wordsShown && c.words.length > 10, `${c.id}: the quote shown in the opened step`);
    if (c.practice) assert.match(c.sourceText, /read \d{4}-\d{2}/, `${c.id}: a practice source says when it was read`);
    else assert.match(c.sourceText, /§1\.\d/, `${c.id}: an FAQ source names its section`);
  }
  const good = page.locator('details.good-to-know');
  if (await good.count()) {
    assert.equal(await good.evaluate((d) => d.open), false, 'Good to know starts folded');
    await good.locator(':scope > summary').click();
    const gtk = page.locator('details.good-to-know article.rec');
    assert.ok((await shown('details.good-to-know article.rec')).every(Boolean), 'opened, its cards show');
    const summaries = gtk.locator(':scope > details > summary');
    assert.equal(await summaries.count(), 2 * (await gtk.count()), 'each card has a Why? and a Source');
    await summaries.evaluateAll((els) => els.forEach((el) => el.click()));
    assert.ok((await shown('details.good-to-know article.rec > details.source :is(blockquote, .summary)')).every(Boolean));
  }
}

// ───────────────────────────── 1. complete scenarios by clicking ─────────────────────────────

const SCENARIOS = [
  {
    name: 'foreign enterprise with a representative office, mainland ECS with a domain',
    flow: 'need',
    steps: OFFICE,
    outcome: 'Apply for an initial ICP Filing (首次备案)',
    recs: ['initial-filing', 'mainland-documents-only', 'get-service-code', 'review-checks'],
  },
  {
    name: 'IP-only website',
    flow: 'need',
    steps: [
      ['hosting', 'mainland-ecs'],
      ['access', 'ip-only'],
      ['entity', 'mainland'],
      ['can-complete', 'yes'],
      ['file-in', 'zhejiang'],
      ['app', 'no'],
    ],
    outcome: 'File the IP-only website with the provincial authorities',
    recs: ['ip-only-file-with-province', 'file-in-licence-province'],
  },
  {
    name: 'hosted outside mainland China with CDN covering mainland China',
    flow: 'need',
    steps: [
      ['hosting', 'outside'],
      ['cdn', 'mainland'],
      ['domain-kind', 'top-level'],
      ['domain-filing', 'none'],
      ['subject-filing', 'none'],
      ['entity', 'mainland'],
      ['can-complete', 'yes'],
      ['file-in', 'zhejiang'],
      ['app', 'no'],
    ],
    outcome: 'Apply for an initial ICP Filing (首次备案)',
    recs: ['temporary-mainland-ecs', 'mainland-cdn-after-approval'],
    absent: ['no-filing-hosted-outside'],
  },
  {
    name: 'service code: no Apply button, Pay-As-You-Go',
    flow: 'service-code',
    steps: [
      ['sc-server', 'mainland'],
      ['sc-problem', 'no-apply-button'],
      ['sc-account', 'yes'],
      ['sc-billing', 'pay-as-you-go'],
      ['sc-bandwidth', 'yes'],
    ],
    outcome: 'Your instance cannot get a service code yet',
    recs: ['switch-to-subscription', 'instance-not-eligible-yet'],
  },
  {
    name: 'ICP number revoked, cause unknown',
    flow: 'icp-number',
    steps: [
      ['num-topic', 'revoked'],
      ['num-cause', 'unknown'],
    ],
    outcome: 'File again for your domain name as soon as possible',
    recs: ['revocation-causes', 'no-restoration'],
  },
];

for (const s of SCENARIOS) {
  test(`scenario by clicking: ${s.name}`, async (t) => {
    const { page, seen } = await open(t);
    await startFlow(page, s.flow);
    // Each step is its question, numbered in order, with the fragment naming it.
    for (const [i, [q, o]] of s.steps.entries()) {
      await waitForQuestion(page, q);
      assert.ok(hashOf(page).startsWith(`#/${s.flow}/${q}`), `the fragment ${hashOf(page)} names ${q}`);
      assert.match(await page.locator('#progress').innerText(), new RegExp(`^Question ${i + 1} — `), `${q} is question ${i + 1}`);
      await answer(page, q, o);
    }
    await checkResult(page, s.flow, s.steps);
    assert.equal(await page.locator('#main-heading').innerText(), s.outcome);
    for (const id of s.recs) assert.equal(await page.locator(`#rec-${id}`).count(), 1, `#rec-${id} shown`);
    for (const id of s.absent ?? []) assert.equal(await page.locator(`#rec-${id}`).count(), 0, `#rec-${id} not shown`);
    await checkDisclosures(page);
    assertClean(seen);
  });
}

// ───────────────────────────── 2. the result leads with the outcome ─────────────────────────────

// A foreign company with no presence in mainland China: a blocking first step leads. (The
// office path of the harness up to its presence question, answered "none".)
const NO_PRESENCE = [...OFFICE.slice(0, OFFICE.findIndex(([q]) => q === 'presence')), ['presence', 'none']];

test('the result leads with the answer: the outcome as the h1, the verdict line, the first thing to do, then the plan', async (t) => {
  const { page, seen } = await open(t, resultLink('need', OFFICE));
  const advice = await checkResult(page, 'need', OFFICE);
  // The h1 is the first heading of the screen and the start of the main content.
  const order = await page.locator('main :is(h1, h2, h3)').evaluateAll((hs) => hs.map((h) => h.tagName));
  assert.equal(order[0], 'H1', `the first heading is the outcome (${order.slice(0, 3)})`);
  assert.equal(await page.locator('main h1').count(), 1, 'one h1');
  // Then, in this order: the verdict line, the first action, the plan, the other ways, and the
  // collapsed sections.
  const sequence = await page.locator('.result > *').evaluateAll((els) => els.map((e) => e.className.split(' ')[0]).filter(Boolean));
  const at = (c) => sequence.indexOf(c);
  assert.ok(at('verdict') < at('first-action') && at('first-action') < at('plan'), `order: ${sequence}`);
  assert.ok(at('plan') < at('good-to-know') && at('good-to-know') < at('answers'), `order: ${sequence}`);
  // No numbered list before the plan; the plan is the only one.
  assert.equal(await page.locator('main ol').count(), 1, 'one numbered list: the plan');
  assert.equal(await page.locator('.verdict ol, .first-action ol').count(), 0);
  assert.ok(advice.plan.length > 3);
  assertClean(seen);
});

test('a blocking first step leads the plan, with its alternative next to it', async (t) => {
  const { page, seen } = await open(t, resultLink('need', NO_PRESENCE));
  const advice = await checkResult(page, 'need', NO_PRESENCE);
  assert.equal(advice.verdict.recommendation, 'initial-filing');
  assert.equal(await page.locator('#main-heading').innerText(), 'Apply for an initial ICP Filing (首次备案)');
  assert.equal(advice.first_action.recommendation, 'permanent-office-certificate');
  assert.match(await page.locator('.first-action').innerText(), /^Do this first: Get a Registration Certificate of Foreign Enterprises Permanent Office in China\./);
  const lines = await page.locator('.plan-steps > li .step-text').allInnerTexts();
  assert.equal(lines[1], 'Or instead: Host the website on ECS in Hong Kong, which needs no filing.', 'the alternative says it is one');
  assertClean(seen);
});

test('"Your plan" is one numbered list in the order a person acts; "Do this first" opens its first step', async (t) => {
  const { page, seen } = await open(t, resultLink('need', NO_PRESENCE));
  const advice = await checkResult(page, 'need', NO_PRESENCE);
  const plan = page.locator('section[aria-labelledby="plan-heading"]');
  assert.equal(await plan.locator('#plan-heading').innerText(), 'Your plan');
  // The plan comes right after the verdict and the first action, before anything collapsed.
  const sections = await page.locator('main section[aria-labelledby]').evaluateAll((ss) => ss.map((s) => s.getAttribute('aria-labelledby')));
  assert.deepEqual(sections.slice(0, 2), ['main-heading', 'plan-heading'], `sections in order: ${sections}`);
  // Phase labels in the order a person acts, each where its phase starts.
  assert.deepEqual(
    await plan.locator('.phase-label').allInnerTexts(),
    ['FIRST', 'BEFORE FILING', 'FILING', 'WHILE THE FILING IS REVIEWED', 'AFTER APPROVAL'],
  );
  const items = await plan.locator('.plan-steps > li').evaluateAll((lis) =>
    lis.map((li) => ({ id: li.id, badge: li.querySelector('summary .step-text + .badge')?.textContent.trim() ?? null })),
  );
  assert.deepEqual(items.map((i) => i.id), advice.plan.map((p) => `step-${p.number}`), 'numbered from 1, in order');
  for (const [i, p] of advice.plan.entries()) {
    assert.equal(items[i].badge, p.layer === 'practice' ? 'Since 2019' : null, `${p.recommendation}: badge`);
    assert.equal(await page.locator(`#step-${p.number} #rec-${p.recommendation}`).count(), 1, `step ${p.number} folds its card`);
  }
  // "Do this first" opens the first step and moves the focus there; the address is unchanged.
  const before = page.url();
  await page.locator('.first-action a').click();
  assert.equal(await page.locator('#step-1-details').evaluate((d) => d.open), true, 'the first step opened');
  await assertFocused(page, 'step-1-summary', 'after following Do this first');
  assert.equal(page.url(), before, 'the address is unchanged');
  assertClean(seen);
});

// ───────────────────────────── 3. Back and Forward ─────────────────────────────

const TO_CDN = [
  ['hosting', 'mainland-ecs'],
  ['access', 'domain'],
];

/** From the start screen: the need flow up to its cdn question. */
async function toCdnQuestion(page) {
  await startFlow(page, 'need');
  await answerAll(page, TO_CDN);
  await waitForQuestion(page, 'cdn');
}

const backLink = (page, q) => questionForm(page, q).getByRole('link', { name: 'Back', exact: true });

test('the Back link returns to the previous question with the earlier answer selected', async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);

  await backLink(page, 'cdn').click();
  await waitForQuestion(page, 'access');
  assert.ok(hashOf(page).startsWith('#/need/access'), hashOf(page));
  assert.equal(await selected(page, 'access'), 'domain', 'the earlier answer to access is still selected');
  await assertFocused(page, 'main-heading', 'after Back');

  await backLink(page, 'access').click();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'mainland-ecs', 'the earlier answer to hosting is still selected');

  // Continue with the kept answers goes forward again, still pre-filled.
  await questionForm(page, 'hosting').locator('button[type="submit"]').click();
  await waitForQuestion(page, 'access');
  assert.equal(await selected(page, 'access'), 'domain');
  assertClean(seen);
});

test('the in-app Back goes back through the history: the browser\'s Forward then retraces the steps', async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);
  const length = await page.evaluate(() => history.length);

  await backLink(page, 'cdn').click();
  await waitForQuestion(page, 'access');
  await backLink(page, 'access').click();
  await waitForQuestion(page, 'hosting');
  await backLink(page, 'hosting').click();
  await page.locator('input[name="flow"]').first().waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await page.evaluate(() => history.length), length, 'Back made no new history entries');

  // Forward walks the same screens again, one at a time, with the answers.
  await page.goForward();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'mainland-ecs');
  await page.goForward();
  await waitForQuestion(page, 'access');
  assert.equal(await selected(page, 'access'), 'domain');
  await page.goForward();
  await waitForQuestion(page, 'cdn');
  // And the browser's Back from there retraces them backwards.
  await page.goBack();
  await waitForQuestion(page, 'access');
  assertClean(seen);
});

test("the browser's Back and Forward move between questions and the result, keeping the answers", async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);
  const cdnHash = hashOf(page);
  await answer(page, 'cdn', 'none');
  await waitForQuestion(page, 'domain-kind');

  await page.goBack();
  await waitForQuestion(page, 'cdn');
  const withCdn = cdnHash.includes('&lang=') ? cdnHash.replace('&lang=', '&cdn=none&lang=') : `${cdnHash}&cdn=none`;
  assert.equal(hashOf(page), withCdn, 'the entry records the answer given');
  assert.equal(await selected(page, 'cdn'), 'none', 'the answer is kept');
  await page.goBack();
  await waitForQuestion(page, 'access');
  assert.equal(await selected(page, 'access'), 'domain');
  await page.goBack();
  await waitForQuestion(page, 'hosting');
  assert.equal(await selected(page, 'hosting'), 'mainland-ecs');

  await page.goForward();
  await waitForQuestion(page, 'access');
  await page.goForward();
  await page.goForward();
  await waitForQuestion(page, 'domain-kind');

  // A result: Back returns to its last question, Forward to the result again.
  await page.goto(site.server.url + resultLink('service-code', [['sc-server', 'none']]));
  await waitForResult(page);
  await page.goBack();
  await waitForQuestion(page, 'domain-kind');
  await page.goForward();
  assert.equal(await waitForResult(page), 'Buy a server that supports ICP registration');
  assertClean(seen);
});

// ───────────────────────────── 4. Change from the summary ─────────────────────────────

const OUTSIDE = [
  ['hosting', 'outside'],
  ['cdn', 'none'],
];

/** Opens "Your answers" and returns the Change link of the summary row of question `prompt`. */
async function changeLink(page, prompt) {
  await openAnswers(page);
  return page.locator('details.answers > dl > div').filter({ has: page.locator('dt', { hasText: prompt }) }).getByRole('link', { name: /^Change/ });
}

const CDN_PROMPT = 'Will you use Alibaba Cloud CDN for it?';

test('Change returns to that question, asks only what has newly become necessary, then shows the summary again', async (t) => {
  const { page, seen } = await open(t);
  await startFlow(page, 'need');
  await answerAll(page, OUTSIDE);
  await checkResult(page, 'need', OUTSIDE);

  await (await changeLink(page, CDN_PROMPT)).click();
  await waitForQuestion(page, 'cdn');
  assert.ok(hashOf(page).startsWith('#/need/cdn/change?'), hashOf(page));
  assert.equal(await selected(page, 'cdn'), 'none', 'the current answer is selected');
  await assertFocused(page, 'main-heading', 'after Change');
  assert.equal(await questionForm(page, 'cdn').getByRole('link', { name: 'Back to your result' }).count(), 1);

  await answer(page, 'cdn', 'mainland');
  // The next screen is the first newly necessary question, not a replay of the flow.
  await waitForQuestion(page, 'domain-kind');
  assert.ok(hashOf(page).startsWith('#/need/domain-kind/change?'), hashOf(page));
  const rest = [
    ['domain-kind', 'top-level'],
    ['domain-filing', 'none'],
    ['subject-filing', 'none'],
    ['entity', 'mainland'],
    ['can-complete', 'yes'],
    ['file-in', 'zhejiang'],
    ['app', 'no'],
  ];
  await answerAll(page, rest);
  await checkResult(page, 'need', [...OUTSIDE.slice(0, 1), ['cdn', 'mainland'], ...rest]);
  assert.equal(await page.locator('#rec-no-filing-hosted-outside').count(), 0);
  await assertFocused(page, 'main-heading', 'back on the result');
  assertClean(seen);
});

test('a Change that needs no new answer goes straight back to the result; "Back to your result" changes nothing', async (t) => {
  const { page, seen } = await open(t, resultLink('need', OUTSIDE));
  await checkResult(page, 'need', OUTSIDE);

  await (await changeLink(page, CDN_PROMPT)).click();
  await answer(page, 'cdn', 'international');
  await checkResult(page, 'need', [['hosting', 'outside'], ['cdn', 'international']]);
  assert.equal(await page.locator('#rec-no-filing-hosted-outside').count(), 1);

  await (await changeLink(page, CDN_PROMPT)).click();
  await choose(page, 'cdn', 'mainland'); // chosen, but not confirmed
  await questionForm(page, 'cdn').getByRole('link', { name: 'Back to your result' }).click();
  await checkResult(page, 'need', [['hosting', 'outside'], ['cdn', 'international']]);
  assertClean(seen);
});

test('on a question a Change has made necessary, Back leads to the changed question, never to a half result', async (t) => {
  const { page, seen } = await open(t, resultLink('need', OUTSIDE));
  await waitForResult(page);
  await (await changeLink(page, CDN_PROMPT)).click();
  await answer(page, 'cdn', 'mainland');
  const back = questionForm(page, 'domain-kind').getByRole('link', { name: /^Back/ });
  assert.equal(await back.innerText(), 'Back', 'not "Back to your result": there is no result for these answers yet');
  await back.click();
  await waitForQuestion(page, 'cdn');
  assert.equal(await selected(page, 'cdn'), 'mainland');
  assert.equal(await page.locator('#answers-heading').count(), 0, 'no result screen');
  assertClean(seen);
});

// ───────────────────────────── 5. continue with another flow ─────────────────────────────

test('"Continue with" another flow carries the shared answers over ([[carry]] in the rulebook)', async (t) => {
  const { page, seen } = await open(t, resultLink('need', OFFICE));
  await waitForResult(page);
  // hosting = mainland-ecs carries over as sc-server = mainland: the service-code flow opens at
  // its second question.
  const link = (await showCard(page, 'get-service-code')).getByRole('link', { name: "Continue with: Why can't I get an ICP Filing service code?" });
  await link.click();
  await waitForQuestion(page, 'sc-problem');
  assert.ok(hashOf(page).startsWith('#/service-code/sc-problem?sc-server=mainland'), hashOf(page));
  assert.match(await page.locator('#progress').innerText(), /^Question 2 — /);
  await backLink(page, 'sc-problem').click();
  await waitForQuestion(page, 'sc-server');
  assert.equal(await selected(page, 'sc-server'), 'mainland', 'the carried answer is there');

  // And the other way: a server outside mainland China carries over as hosting = outside.
  await page.goto(site.server.url + resultLink('service-code', [['sc-server', 'outside']]));
  await waitForResult(page);
  await (await showCard(page, 'server-not-in-mainland')).getByRole('link', { name: 'Continue with: Do I need an ICP Filing, and which one?' }).click();
  await waitForQuestion(page, 'cdn');
  assert.ok(hashOf(page).startsWith('#/need/cdn?hosting=outside'), hashOf(page));
  await answer(page, 'cdn', 'none');
  await checkResult(page, 'need', OUTSIDE);
  assertClean(seen);
});

// ───────────────────────────── 6. reload and resume ─────────────────────────────

test('after a reload at the root URL the start screen offers Resume, which restores the place', async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);
  const place = hashOf(page);

  await page.goto(site.server.url); // no fragment: a fresh load of the start screen
  await waitForApp(page);
  assert.equal(hashOf(page), '');
  const resume = page.getByRole('link', { name: 'Resume', exact: true });
  await resume.waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await page.locator('section[aria-labelledby="resume-heading"]').innerText(), /Do I need an ICP Filing, and which one\?/);

  await resume.click();
  await waitForQuestion(page, 'cdn');
  assert.equal(hashOf(page), place);
  await backLink(page, 'cdn').click();
  await waitForQuestion(page, 'access');
  assert.equal(await selected(page, 'access'), 'domain', 'the answers came back with the place');

  // "Start over" on a result forgets the saved place. (A link to other answers than the saved
  // ones first asks which to keep: the person takes the link's, which become the saved place.)
  await page.goto(site.server.url + resultLink('need', OUTSIDE));
  await waitForResult(page);
  await page.getByRole('button', { name: "Use the link's answers instead of mine" }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.locator('input[name="flow"]').first().waitFor();
  await page.goto(site.server.url);
  await page.reload();
  await waitForApp(page);
  await page.locator('input[name="flow"]').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Resume', exact: true }).count(), 0, 'nothing to resume after Start over');
  assertClean(seen);
});

// ───────────────────────────── 7. share links ─────────────────────────────

/** Clicks "Copy share link" and returns what it copied. */
async function copyShareLink(page) {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor({ timeout: STEP_TIMEOUT });
  return page.evaluate(() => navigator.clipboard.readText());
}

test('the copied share link restores the answers in a fresh browser', async (t) => {
  const { page, seen } = await open(t, '', { permissions: ['clipboard-read', 'clipboard-write'] });
  await startFlow(page, 'need');
  await answerAll(page, OFFICE);
  await checkResult(page, 'need', OFFICE);
  const link = await copyShareLink(page);
  assert.equal(link, page.url(), 'the link is the address of the result');
  assert.deepEqual(answersOf(decodeURIComponent(new URL(link).hash)), Object.fromEntries(OFFICE));

  const other = await newContext(site.browser);
  t.after(() => other.close());
  const p2 = await other.newPage();
  const seen2 = track(p2);
  await p2.goto(link);
  await waitForApp(p2);
  await checkResult(p2, 'need', OFFICE);
  assert.equal(await p2.getByRole('status', { name: 'Notices' }).count(), 0, 'no notice for a valid link');
  assertClean(seen);
  assertClean(seen2, 'the opened link');
});

// Answers to questions the path does not ask (slb and commercial-license are not asked for an
// IP-only website).
const IP_ONLY = [
  ['hosting', 'mainland-ecs'],
  ['access', 'ip-only'],
  ['entity', 'mainland'],
  ['can-complete', 'yes'],
  ['file-in', 'zhejiang'],
  ['app', 'no'],
];
const EXTRA = [
  ['slb', 'no'],
  ['commercial-license', 'no'],
];

test('a share link with answers the path does not use opens the result without them', async (t) => {
  const { page, seen } = await open(t, resultLink('need', [...IP_ONLY, ...EXTRA]), { permissions: ['clipboard-read', 'clipboard-write'] });
  await checkResult(page, 'need', IP_ONLY); // the address and the summary hold only the path's answers
  assert.ok(!/slb|commercial-license/.test(await copyShareLink(page)), 'nor does the share link');
  assertClean(seen);
});

// (Answers a path does not use are left out of the address silently: they are the person's own
// answers from another branch, kept for this session, not an error in the link.)

test('a result link without enough answers opens the first unanswered question, and says so', async (t) => {
  const { page, seen } = await open(t, '#/need/result?hosting=outside');
  await waitForQuestion(page, 'cdn');
  assert.ok(hashOf(page).startsWith('#/need/cdn?hosting=outside'), `the address is corrected: ${hashOf(page)}`);
  const notice = page.getByRole('status', { name: 'Notices' });
  assert.match(await notice.innerText(), /showing the right step instead/);
  await answer(page, 'cdn', 'none');
  await checkResult(page, 'need', OUTSIDE);
  assert.equal(await notice.count(), 0, 'the notice goes once the person moves on');
  assertClean(seen);
});

const IMG = encodeURIComponent('<img src=x onerror=alert(1)>');
const BROKEN_LINKS = [
  // garbage question and option ids, the valid rest kept
  { hash: '#/need/result?hosting=nowhere&zzz=1&cdn=none', screen: 'hosting', says: /not recognised/ },
  // a truncated pair
  { hash: '#/need/result?hosting=outside&cd', screen: 'cdn', says: /malformed/ },
  // markup, percent-encoded, as a question id, as an option, as the flow, as the language
  { hash: `#/need/result?hosting=outside&cdn=none&${IMG}=1`, screen: 'result', says: /not recognised/ },
  { hash: `#/need/result?hosting=${IMG}`, screen: 'hosting', says: /not recognised/ },
  { hash: `#/${IMG}?hosting=outside`, screen: 'start', says: /unknown flow/ },
  { hash: `#/need?hosting=outside&lang=${IMG}`, screen: 'cdn', says: /language this advisor does not have/ },
  { hash: '#/faq/no-such-question', screen: 'faq', says: /page that does not exist/ },
  // the same markup typed raw into the address bar
  { hash: '#/need/cdn?hosting=outside&<img src=x onerror=alert(1)>', screen: 'cdn', says: /malformed|not recognised/ },
];

test('broken links show a clear notice and a working page, never markup or dialogs', async (t) => {
  const context = await newContext(site.browser);
  t.after(() => context.close());
  const failures = [];
  for (const { hash, screen, says } of BROKEN_LINKS) {
    const page = await context.newPage();
    try {
      const seen = track(page);
      await page.goto(site.server.url + hash);
      await waitForApp(page);
      const notice = page.getByRole('status', { name: 'Notices' });
      await notice.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await notice.innerText(), says, 'the notice says what was wrong');
      assert.equal(await page.locator('#app img').count(), 0, 'no img element');
      // The page works: the expected screen is shown and can be used.
      if (screen === 'start') {
        await startFlow(page, 'service-code');
        await waitForQuestion(page, 'sc-server');
      } else if (screen === 'result') {
        await checkResult(page, 'need', OUTSIDE);
        await page.getByRole('button', { name: 'Dismiss' }).click();
        await notice.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
      } else if (screen === 'faq') {
        assert.equal(await page.locator('#main-heading').innerText(), 'The ICP FAQ, answered');
      } else {
        const first = await questionForm(page, screen).locator('input[type="radio"]').first().getAttribute('value');
        await answer(page, screen, first);
      }
      assertClean(seen);
    } catch (e) {
      failures.push(`${hash}: ${e?.message ?? e}`);
    } finally {
      await page.close();
    }
  }
  assert.deepEqual(failures, [], 'broken links the page did not cope with');
});

// ───────────────────────────── 8. validation ─────────────────────────────

test('Continue without a choice shows an error tied to the question, and stays', async (t) => {
  const { page, seen } = await open(t);
  await startFlow(page, 'need');
  const form = await waitForQuestion(page, 'hosting');
  const fieldset = form.locator('fieldset');
  const before = hashOf(page);
  assert.doesNotMatch((await fieldset.getAttribute('aria-describedby')) || '', /hosting-error/);

  await form.locator('button[type="submit"]').click();
  const error = page.locator('#hosting-error');
  await page.waitForFunction(() => document.getElementById('hosting-error')?.textContent.trim().length > 0, null, { timeout: STEP_TIMEOUT });
  assert.equal((await error.innerText()).trim(), 'Choose one of the options to continue.');
  assert.ok(await error.isVisible(), 'error visible');
  const describedBy = ((await fieldset.getAttribute('aria-describedby')) || '').split(/\s+/);
  assert.ok(describedBy.includes('hosting-error') && describedBy.includes('hosting-help'), `aria-describedby: ${describedBy}`);
  assert.equal(hashOf(page), before, 'did not move on');
  await assertFocused(page, 'hosting-0', 'after the error');

  await choose(page, 'hosting', 'outside');
  assert.equal((await error.innerText()).trim(), '', 'choosing clears the error');
  assertClean(seen);
});

// ───────────────────────────── 9. screenshots ─────────────────────────────

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 375, height: 740 }],
]) {
  test(`screenshots at ${device} width (${viewport.width}x${viewport.height}), no sideways scrolling`, async (t) => {
    const { page, seen } = await open(t, '', { viewport });
    const noSideScroll = async (where) =>
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${device} ${where}: no horizontal scrolling`);
    await page.locator('input[name="flow"]').first().waitFor();
    await noSideScroll('start');
    await screenshot(page, `flows-${device}-1-start`);
    await startFlow(page, 'need');
    await answer(page, 'hosting', 'mainland-ecs');
    await choose(page, 'access', 'domain');
    await noSideScroll('question');
    await screenshot(page, `flows-${device}-2-question`);
    await page.goto(site.server.url + resultLink('need', NO_PRESENCE));
    await waitForResult(page);
    await checkDisclosures(page);
    await noSideScroll('result');
    await screenshot(page, `flows-${device}-3-result`);
    assertClean(seen);
  });
}

// ───────────────────────────── 10. nothing missing ─────────────────────────────

test('the page requests nothing that is missing, not even a favicon', async (t) => {
  const { page, seen } = await open(t);
  await page.waitForLoadState('load');
  await page.waitForResponse((r) => /icon/i.test(new URL(r.url()).pathname), { timeout: 1_000 }).catch(() => {});
  assertClean(seen);
  assert.deepEqual(seen.favicon, [], 'favicon problems on this page');
  // Every request any test above made to the server was answered (tests run in order).
  const missing = site.server.log.filter((e) => e.status !== 200).map((e) => `${e.status} ${e.method} ${e.path}`);
  assert.deepEqual([...new Set(missing)], [], 'requests to the server that were not answered with 200');
});
