// End-to-end flows: the release build in dist/ driven in headless Chromium the way a
// person uses it — clicking labels, Continue, Back, Change, the browser's Back/Forward,
// reloading, opening shared and broken links, and the keyboard alone.
//
// Every test gets a fresh browser context (no shared storage) and fails on any console
// error, uncaught exception, failed request or HTTP error response; a missing favicon is
// checked by a test of its own so that it does not hide everything else.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serve, launch, waitForApp, screenshot } from './harness.mjs';

const STEP_TIMEOUT = 5_000;

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launch(), serve(DIST)]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ───────────────────────────── helpers ─────────────────────────────

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (s) => new RegExp(`^\\s*${escapeRe(s)}\\s*$`);
const isFavicon = (url) => /\/favicon\.ico(\?|$)/.test(url || '');

/**
 * Collects everything a page reports that a person would count as broken: uncaught
 * exceptions, console errors, failed requests, HTTP responses >= 400 and any dialog
 * (alert/confirm/prompt, dismissed at once). Favicon problems are kept apart in `favicon`.
 */
function track(page) {
  const problems = [];
  const favicon = [];
  const dialogs = [];
  const put = (url, msg) => (isFavicon(url) ? favicon : problems).push(msg);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url || '';
    put(where, `console.error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('requestfailed', (r) => put(r.url(), `requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) put(r.url(), `HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { problems, favicon, dialogs };
}

/** A fresh context and page for one test (closed afterwards), with its problems tracked. */
async function open(t, { viewport = { width: 1280, height: 900 }, hash = '' } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = track(page);
  await page.goto(server.url + hash);
  await waitForApp(page);
  return { context, page, seen };
}

function assertClean(seen) {
  assert.deepEqual(seen.dialogs, [], 'dialogs were opened');
  assert.deepEqual(seen.problems, [], 'console errors, failed requests or HTTP errors');
}

const hashOf = (page) => new URL(page.url()).hash;

/** Waits until the fragment starts with `prefix`. */
async function waitForHash(page, prefix) {
  await page.waitForURL((u) => decodeURIComponent(new URL(u).hash).startsWith(prefix), { timeout: STEP_TIMEOUT });
}

/** Waits for the question screen of question `q` and returns its progress numbers. */
async function waitForQuestion(page, q) {
  await page.waitForSelector(`.screen.question input[type=radio][name="${q}"]`, { timeout: STEP_TIMEOUT });
  const progress = (await page.locator('.screen.question .progress').innerText()).trim();
  const m = /^Question (\d+) of at most (\d+)$/.exec(progress);
  assert.ok(m, `progress text on ${q}: ${JSON.stringify(progress)}`);
  const [n, max] = [Number(m[1]), Number(m[2])];
  assert.ok(n >= 1 && max >= n, `progress on ${q}: ${progress}`);
  return { n, max };
}

async function waitForResult(page, flow) {
  await waitForHash(page, `#/${flow}/result?`);
  await page.waitForSelector('.screen.result h1#main-heading', { timeout: STEP_TIMEOUT });
  assert.equal((await page.locator('#main-heading').innerText()).trim(), 'Your result');
}

/** The <label> of an option, found by its visible label text (hints excluded). */
function optionLabel(page, text) {
  return page.locator('.options .option label').filter({ has: page.locator('span.label', { hasText: exactly(text) }) });
}

/** Clicks the option labelled `text` and checks that its radio is now selected. */
async function choose(page, text) {
  const label = optionLabel(page, text);
  assert.equal(await label.count(), 1, `exactly one option labelled ${JSON.stringify(text)}`);
  await label.click();
  const id = await label.getAttribute('for');
  assert.ok(await page.locator(`input[type=radio][id="${id}"]`).isChecked(), `${text} selected`);
}

/** The label text of the selected option on the current question (or null). */
async function selectedLabel(page) {
  const checked = page.locator('.options input[type=radio]:checked');
  if ((await checked.count()) === 0) return null;
  const id = await checked.getAttribute('id');
  return (await page.locator(`label[for="${id}"] span.label`).innerText()).trim();
}

const clickContinue = (page) => page.getByRole('button', { name: 'Continue', exact: true }).click();

/** On the start screen: choose a flow by clicking its label, then Start. */
async function startFlow(page, flowTitle, flow, firstQuestion) {
  await page.waitForSelector('.screen.start');
  await optionLabel(page, flowTitle).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForHash(page, `#/${flow}/${firstQuestion}`);
  return waitForQuestion(page, firstQuestion);
}

/**
 * Answers `steps` ([question id, option label]) from the current question on, checking
 * that each step's screen is that question with sound progress, and that the question
 * number counts up from `firstNumber`. Ends on the next question or the result.
 */
async function answerAll(page, flow, steps, { firstNumber = 1, changing = false } = {}) {
  for (const [i, [q, label]] of steps.entries()) {
    const { n } = await waitForQuestion(page, q);
    assert.equal(n, firstNumber + i, `question number of ${q}`);
    assert.ok(hashOf(page).startsWith(`#/${flow}/${q}${changing ? '/change' : ''}`), `fragment ${hashOf(page)} names ${q}`);
    await choose(page, label);
    await clickContinue(page);
    const next = steps[i + 1];
    if (next) await waitForHash(page, `#/${flow}/${next[0]}`);
  }
}

/**
 * Checks the result: every card has one "Why?" and one "Source" disclosure, both closed;
 * opens them all by clicking their summaries, then checks that each is open and visible,
 * and that each Source quotes the FAQ (a blockquote) and names its section ("§1.").
 */
async function checkDisclosures(page) {
  const cards = () =>
    page.locator('article.rec').evaluateAll((els) =>
      els.map((card) => {
        const why = card.querySelectorAll(':scope > details.why');
        const source = card.querySelectorAll(':scope > details.source');
        const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
        const quote = source[0]?.querySelector('blockquote');
        return {
          id: card.id,
          why: why.length,
          source: source.length,
          whySummary: why[0]?.querySelector('summary')?.textContent.trim(),
          sourceSummary: source[0]?.querySelector('summary')?.textContent.trim(),
          whyOpen: why[0]?.open,
          sourceOpen: source[0]?.open,
          whyContent: shown(why[0]?.querySelector('p')),
          blockquotes: source[0]?.querySelectorAll('blockquote').length ?? 0,
          quote: quote?.textContent.trim() ?? '',
          quoteShown: shown(quote),
          sourceText: source[0]?.textContent ?? '',
        };
      }),
    );
  const closed = await cards();
  assert.ok(closed.length > 0, 'at least one recommendation card');
  for (const c of closed) {
    assert.match(c.id, /^rec-[a-z0-9-]+$/, 'card id');
    assert.equal(c.why, 1, `${c.id}: one Why? disclosure`);
    assert.equal(c.source, 1, `${c.id}: one Source disclosure`);
    assert.equal(c.whySummary, 'Why?', `${c.id}: Why? summary`);
    assert.equal(c.sourceSummary, 'Source', `${c.id}: Source summary`);
    assert.ok(!c.whyOpen && !c.sourceOpen, `${c.id}: disclosures start closed`);
    assert.ok(!c.quoteShown, `${c.id}: quote hidden while closed`);
  }
  // A real click on the first card's two summaries; the rest are clicked in one go (the
  // same click event, without a round trip each) to keep the run fast.
  const summaries = page.locator('article.rec > details > summary');
  await summaries.nth(0).click();
  await summaries.nth(1).click();
  await summaries.evaluateAll((els) => els.slice(2).forEach((el) => el.click()));
  for (const c of await cards()) {
    assert.ok(c.whyOpen && c.sourceOpen, `${c.id}: disclosures open after a click`);
    assert.ok(c.whyContent, `${c.id}: Why? content visible`);
    assert.ok(c.blockquotes >= 1, `${c.id}: Source has a blockquote`);
    assert.ok(c.quoteShown && c.quote.length > 10, `${c.id}: quote visible once opened`);
    assert.match(c.sourceText, /§1\./, `${c.id}: Source names the FAQ section`);
  }
  return closed.length;
}

async function assertRecs(page, ids, absent = []) {
  for (const id of ids) {
    assert.equal(await page.locator(`article.rec#rec-${id}`).count(), 1, `#rec-${id} shown`);
  }
  for (const id of absent) {
    assert.equal(await page.locator(`#rec-${id}`).count(), 0, `#rec-${id} not shown`);
  }
}

/** The "Your answers" summary as [[prompt, label], …]. */
async function summary(page) {
  return page.locator('.summary .summary-row').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()]),
  );
}

const FLOW = {
  need: 'Do I need an ICP Filing, and which one?',
  'service-code': "Why can't I get an ICP Filing service code?",
  'icp-number': 'My ICP number',
};

// ───────────────────────────── 1. complete scenarios by clicking ─────────────────────────────

const SCENARIOS = [
  {
    name: 'foreign enterprise with only a physical office, mainland ECS with a domain',
    flow: 'need',
    steps: [
      ['hosting', 'On an Alibaba Cloud ECS instance in mainland China'],
      ['access', 'Through a domain name that points to the server'],
      ['cdn', 'No CDN'],
      ['domain-kind', 'A top-level domain name'],
      ['domain-filing', 'No, it has no ICP number'],
      ['subject-filing', "No, this is the subject's first filing"],
      ['entity', 'Outside mainland China'],
      ['presence', 'A physical office (“ban shi chu”) only'],
      ['slb', 'No'],
    ],
    recs: ['office-filing-limits', 'foreign-documents-not-accepted', 'foreign-enterprise-must-file'],
  },
  {
    name: 'IP-only website',
    flow: 'need',
    steps: [
      ['hosting', 'On an Alibaba Cloud ECS instance in mainland China'],
      ['access', "Only through the server's IP address"],
      ['entity', 'In mainland China'],
    ],
    recs: ['ip-only-file-with-province'],
    verdict: 'File the IP-only website with your province',
  },
  {
    name: 'hosted outside mainland China with CDN covering mainland China',
    flow: 'need',
    steps: [
      ['hosting', 'Elsewhere outside mainland China'],
      ['cdn', 'Yes, CDN that covers mainland China'],
      ['domain-kind', 'A top-level domain name'],
      ['domain-filing', 'No, it has no ICP number'],
      ['subject-filing', "No, this is the subject's first filing"],
      ['entity', 'In mainland China'],
    ],
    recs: ['temporary-mainland-ecs', 'cdn-mainland-needs-filing'],
    absent: ['no-filing-hosted-outside'],
  },
  {
    name: 'service code: no Apply button, Pay-As-You-Go',
    flow: 'service-code',
    steps: [
      ['sc-server', 'An ECS instance in mainland China'],
      ['sc-problem', 'There is no Apply button for my instance'],
      ['sc-account', 'Yes, the same account'],
      ['sc-billing', 'Pay-As-You-Go'],
      ['sc-bandwidth', 'Yes, it has a public IP address'],
    ],
    recs: ['switch-to-subscription'],
  },
  {
    name: 'ICP number revoked, cause unknown',
    flow: 'icp-number',
    steps: [
      ['num-topic', 'It was revoked: why, and what now?'],
      ['num-cause', "I don't know"],
    ],
    recs: ['revocation-causes', 'no-restoration'],
  },
];

for (const s of SCENARIOS) {
  test(`scenario by clicking: ${s.name}`, async (t) => {
    const { page, seen } = await open(t);
    await startFlow(page, FLOW[s.flow], s.flow, s.steps[0][0]);
    await answerAll(page, s.flow, s.steps);
    await waitForResult(page, s.flow);
    assert.equal((await page.locator('.screen.result .flow-name').innerText()).trim(), FLOW[s.flow]);
    await assertRecs(page, s.recs, s.absent);
    if (s.verdict) {
      assert.equal((await page.locator('.verdict .verdict-title').innerText()).trim(), s.verdict, 'verdict');
    }
    // The summary lists exactly the answers given, in order.
    assert.deepEqual(
      (await summary(page)).map(([, label]) => label),
      s.steps.map(([, label]) => label),
      'Your answers summary',
    );
    await checkDisclosures(page);
    assertClean(seen);
  });
}

// ───────────────────────────── 2. Back and Forward ─────────────────────────────

const HOSTING_ECS = 'On an Alibaba Cloud ECS instance in mainland China';
const ACCESS_DOMAIN = 'Through a domain name that points to the server';
const CDN_PROMPT = 'Will you use Alibaba Cloud CDN for this website?';

/** Need flow: answers hosting and access by clicking, ends on the cdn question. */
async function toCdnQuestion(page) {
  await startFlow(page, FLOW.need, 'need', 'hosting');
  await answerAll(page, 'need', [
    ['hosting', HOSTING_ECS],
    ['access', ACCESS_DOMAIN],
  ]);
  await waitForHash(page, '#/need/cdn?');
  return waitForQuestion(page, 'cdn');
}

test('the Back link returns to the previous question with the earlier answer selected', async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);

  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await waitForHash(page, '#/need/access');
  assert.equal((await waitForQuestion(page, 'access')).n, 2);
  assert.equal(await selectedLabel(page), ACCESS_DOMAIN, 'earlier answer to access still selected');

  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await waitForHash(page, '#/need/hosting');
  assert.equal((await waitForQuestion(page, 'hosting')).n, 1);
  assert.equal(await selectedLabel(page), HOSTING_ECS, 'earlier answer to hosting still selected');

  // Continue with the kept answers goes forward again, still pre-filled.
  await clickContinue(page);
  await waitForHash(page, '#/need/access');
  await waitForQuestion(page, 'access');
  assert.equal(await selectedLabel(page), ACCESS_DOMAIN);
  assertClean(seen);
});

test("the browser's Back and Forward move between questions, keeping the answers", async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);
  const cdnHash = hashOf(page);

  await page.goBack();
  await waitForHash(page, '#/need/access');
  assert.equal((await waitForQuestion(page, 'access')).n, 2);
  const accessSelected = await selectedLabel(page);

  await page.goForward();
  await waitForHash(page, '#/need/cdn');
  assert.equal(hashOf(page), cdnHash);
  assert.equal((await waitForQuestion(page, 'cdn')).n, 3);
  assert.equal(await page.locator('#main-heading').innerText(), CDN_PROMPT);

  await page.goBack();
  await page.goBack();
  await waitForHash(page, '#/need/hosting');
  assert.equal((await waitForQuestion(page, 'hosting')).n, 1);
  const hostingSelected = await selectedLabel(page);

  assert.deepEqual(
    { access: accessSelected, hosting: hostingSelected },
    { access: ACCESS_DOMAIN, hosting: HOSTING_ECS },
    'after browser Back, the earlier answers are still selected',
  );
  assertClean(seen);
});

// ───────────────────────────── 3. Change from the summary ─────────────────────────────

/** Need flow, hosting outside + no CDN → result; returns on the result screen. */
async function toOutsideResult(page) {
  await startFlow(page, FLOW.need, 'need', 'hosting');
  await answerAll(page, 'need', [
    ['hosting', 'Elsewhere outside mainland China'],
    ['cdn', 'No CDN'],
  ]);
  await waitForResult(page, 'need');
  await assertRecs(page, ['no-filing-hosted-outside']);
}

async function clickChange(page, prompt) {
  const row = page.locator('.summary .summary-row').filter({ has: page.locator('dt', { hasText: exactly(prompt) }) });
  assert.equal(await row.count(), 1, `one summary row for ${prompt}`);
  await row.getByRole('link', { name: /^Change/ }).click();
}

test('Change from the summary asks only the newly necessary questions', async (t) => {
  const { page, seen } = await open(t);
  await toOutsideResult(page);

  await clickChange(page, CDN_PROMPT);
  await waitForHash(page, '#/need/cdn/change?');
  await waitForQuestion(page, 'cdn');
  assert.equal(await selectedLabel(page), 'No CDN', 'current answer pre-selected');
  assert.equal(await page.getByRole('link', { name: 'Back to your result' }).count(), 1);

  await choose(page, 'Yes, CDN that covers mainland China');
  await clickContinue(page);
  // The next screen is the first newly necessary question, not a replay of the flow.
  await waitForHash(page, '#/need/domain-kind/change?');
  await answerAll(
    page,
    'need',
    [
      ['domain-kind', 'A top-level domain name'],
      ['domain-filing', 'No, it has no ICP number'],
      ['subject-filing', "No, this is the subject's first filing"],
      ['entity', 'In mainland China'],
    ],
    { firstNumber: 3, changing: true },
  );
  await waitForResult(page, 'need');
  await assertRecs(page, ['cdn-mainland-needs-filing', 'temporary-mainland-ecs'], ['no-filing-hosted-outside']);
  const rows = await summary(page);
  assert.deepEqual(rows.slice(0, 2), [
    ["Where will the website's server be?", 'Elsewhere outside mainland China'],
    [CDN_PROMPT, 'Yes, CDN that covers mainland China'],
  ]);
  assert.equal(rows.length, 6);
  assertClean(seen);
});

test('a Change that needs no new answer goes straight back to the result', async (t) => {
  const { page, seen } = await open(t);
  await toOutsideResult(page);

  await clickChange(page, CDN_PROMPT);
  await waitForHash(page, '#/need/cdn/change?');
  await waitForQuestion(page, 'cdn');
  await choose(page, 'Yes, international CDN only');
  await clickContinue(page);
  await waitForResult(page, 'need');
  await assertRecs(page, ['no-filing-hosted-outside', 'cdn-international-no-filing']);
  assert.deepEqual(await summary(page), [
    ["Where will the website's server be?", 'Elsewhere outside mainland China'],
    [CDN_PROMPT, 'Yes, international CDN only'],
  ]);
  assertClean(seen);
});

// ───────────────────────────── 4. reload and resume ─────────────────────────────

test('after a reload at the root URL the start screen offers Resume, which restores the place', async (t) => {
  const { page, seen } = await open(t);
  await toCdnQuestion(page);
  const place = hashOf(page);

  await page.goto(server.url); // no fragment: a fresh load of the start screen
  await waitForApp(page);
  assert.equal(hashOf(page), '');
  await page.waitForSelector('.screen.start');
  const resume = page.getByRole('link', { name: 'Resume', exact: true });
  await resume.waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await page.locator('.resume').innerText(), new RegExp(escapeRe(FLOW.need)));

  await resume.click();
  await waitForHash(page, '#/need/cdn?');
  assert.equal(hashOf(page), place);
  assert.equal((await waitForQuestion(page, 'cdn')).n, 3);
  // The answers came back with the place: Back shows them selected.
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await waitForHash(page, '#/need/access');
  await waitForQuestion(page, 'access');
  assert.equal(await selectedLabel(page), ACCESS_DOMAIN);
  assertClean(seen);
});

// ───────────────────────────── 5. shared link ─────────────────────────────

test('a shared result link opens the result directly in a fresh browser', async (t) => {
  const link =
    '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none' +
    '&subject-filing=none&entity=outside&presence=office&slb=no';
  const { page, seen } = await open(t, { hash: link });
  await waitForResult(page, 'need');
  assert.equal(await page.locator('.notice').count(), 0, 'no notice for a valid link');
  assert.equal(await page.locator('.screen.start').count(), 0);
  await assertRecs(page, ['initial-filing', 'office-filing-limits', 'foreign-documents-not-accepted']);
  assert.equal((await page.locator('.verdict .verdict-title').innerText()).trim(), 'Apply for an initial ICP Filing (首次备案)');
  assert.equal((await summary(page)).length, 9);
  assert.match(await page.title(), /^Your result: /);
  assertClean(seen);
});

// ───────────────────────────── 6. corrupted links ─────────────────────────────

const IMG = encodeURIComponent('<img src=x onerror=alert(1)>');
const BROKEN_LINKS = [
  // garbage question and option ids, the valid rest kept
  { hash: '#/need/result?hosting=nowhere&zzz=1&cdn=none', screen: 'hosting' },
  // a truncated pair
  { hash: '#/need/result?hosting=outside&cd', screen: 'cdn' },
  // markup, percent-encoded, as a question id, as an option, as the flow, as the language
  { hash: `#/need/result?hosting=outside&cdn=none&${IMG}=1`, screen: 'result' },
  { hash: `#/need/result?hosting=${IMG}`, screen: 'hosting' },
  { hash: `#/${IMG}?hosting=outside`, screen: 'start' },
  { hash: `#/need?hosting=outside&lang=${IMG}`, screen: 'cdn' },
  // the same markup typed raw into the address bar
  { hash: '#/need/cdn?hosting=outside&<img src=x onerror=alert(1)>', screen: 'cdn' },
];

/** Opens one broken link in a new page of `context` and checks the page copes with it. */
async function checkBrokenLink(context, { hash, screen }) {
  const page = await context.newPage();
  try {
    const seen = track(page);
    await page.goto(server.url + hash);
    await waitForApp(page);
    const notice = page.locator('.notice');
    await notice.waitFor({ timeout: STEP_TIMEOUT });
    assert.ok((await notice.locator('li').count()) >= 1, 'the notice lists what was dropped');
    assert.equal(await page.locator('img').count(), 0, 'no img element');

    // The page works: the expected screen is shown and can be used.
    if (screen === 'start') {
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await waitForHash(page, '#/need/hosting');
      await waitForQuestion(page, 'hosting');
    } else if (screen === 'result') {
      await page.waitForSelector('.screen.result');
      assert.ok((await page.locator('article.rec').count()) >= 1, 'advice shown');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await notice.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    } else {
      await waitForQuestion(page, screen);
      await page.locator(`label[for="${screen}-0"]`).click();
      await clickContinue(page);
      await page.waitForSelector(`input[name="${screen}"]`, { state: 'detached', timeout: STEP_TIMEOUT });
    }
    assert.equal(await page.locator('img').count(), 0, 'no img element after use');
    assertClean(seen);
  } finally {
    await page.close();
  }
}

test('corrupted links show a notice and a working page, never markup or dialogs', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  t.after(() => context.close());
  // Each link freshly loaded in a page of its own; every link is tried, then all failures reported.
  const failures = [];
  for (const link of BROKEN_LINKS) {
    await checkBrokenLink(context, link).catch((e) => failures.push(`${link.hash}: ${e?.message ?? e}`));
  }
  assert.deepEqual(failures, [], 'broken links the page did not cope with');
});

// ───────────────────────────── 7. keyboard only ─────────────────────────────

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

/** Waits (briefly) for focus to land on #main-heading; asserts it did. */
async function assertFocusOnHeading(page, where) {
  await page
    .waitForFunction(() => document.activeElement?.id === 'main-heading', null, { timeout: 2_000 })
    .catch(() => {});
  assert.equal(await focusedId(page), 'main-heading', `focus on the heading after ${where}`);
}

test('the service-code flow can be completed with the keyboard alone', async (t) => {
  const { page, seen } = await open(t);
  await page.waitForSelector('.screen.start');
  const kb = page.keyboard;

  // Tab to the flow radio group (the first flow is pre-selected), arrow to the second.
  for (let i = 0; i < 12 && (await focusedId(page)) !== 'flow-need'; i++) await kb.press('Tab');
  assert.equal(await focusedId(page), 'flow-need', 'Tab reaches the flow choice');
  await kb.press('ArrowDown');
  assert.ok(await page.locator('#flow-service-code').isChecked(), 'ArrowDown selects the next flow');
  await kb.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start');
  await kb.press('Enter');
  await waitForHash(page, '#/service-code/sc-server');
  await waitForQuestion(page, 'sc-server');
  await assertFocusOnHeading(page, 'Start');

  // [question, option index]; index 0 is chosen with Space, others with ArrowDown.
  const steps = [
    ['sc-server', 1],
    ['sc-problem', 0],
    ['sc-account', 0],
    ['sc-billing', 1],
    ['sc-bandwidth', 0],
  ];
  for (const [i, [q, option]] of steps.entries()) {
    await waitForQuestion(page, q);
    await kb.press('Tab');
    assert.equal(await focusedId(page), `${q}-0`, `Tab from the heading reaches the options of ${q}`);
    if (option === 0) await kb.press('Space');
    for (let k = 0; k < option; k++) await kb.press('ArrowDown');
    assert.ok(await page.locator(`#${q}-${option}`).isChecked(), `${q}: option ${option} selected`);
    await kb.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Continue');
    await kb.press('Enter');
    const next = steps[i + 1];
    await waitForHash(page, next ? `#/service-code/${next[0]}` : '#/service-code/result?');
    if (next) await waitForQuestion(page, next[0]);
    else await waitForResult(page, 'service-code');
    await assertFocusOnHeading(page, `answering ${q}`);
  }
  await assertRecs(page, ['switch-to-subscription']);

  // The disclosures open from the keyboard too: Tab from the heading to the first "Why?".
  for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'SUMMARY'; i++) {
    await kb.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Why?');
  await kb.press('Enter');
  await page.locator('#rec-switch-to-subscription details.why[open]').waitFor({ timeout: STEP_TIMEOUT });
  await kb.press('Tab');
  await kb.press('Space');
  await page.locator('#rec-switch-to-subscription details.source[open] blockquote').first().waitFor({ timeout: STEP_TIMEOUT });
  assertClean(seen);
});

// ───────────────────────────── 8. validation ─────────────────────────────

test('Continue without a choice shows an error tied to the fieldset', async (t) => {
  const { page, seen } = await open(t);
  await startFlow(page, FLOW.need, 'need', 'hosting');
  const before = hashOf(page);
  const fieldset = page.locator('.screen.question fieldset');
  assert.doesNotMatch((await fieldset.getAttribute('aria-describedby')) || '', /hosting-error/);

  await clickContinue(page);
  const error = page.locator('#hosting-error');
  await page.waitForFunction(() => document.getElementById('hosting-error')?.textContent.trim().length > 0, null, {
    timeout: STEP_TIMEOUT,
  });
  assert.equal((await error.innerText()).trim(), 'Choose one of the options to continue.');
  assert.ok(await error.isVisible(), 'error visible');
  const describedBy = ((await fieldset.getAttribute('aria-describedby')) || '').split(/\s+/);
  assert.ok(describedBy.includes('hosting-error'), `aria-describedby ${describedBy} includes hosting-error`);
  assert.ok(describedBy.includes('hosting-help'), 'the help stays in aria-describedby');
  assert.equal(hashOf(page), before, 'did not move on');
  assert.equal(await focusedId(page), 'hosting-0', 'focus moved to the first option');

  // Choosing clears the error.
  await choose(page, 'Elsewhere outside mainland China');
  assert.equal((await error.innerText()).trim(), '');
  assert.ok(!((await fieldset.getAttribute('aria-describedby')) || '').includes('hosting-error'));
  assertClean(seen);
});

// ───────────────────────────── 9. screenshots ─────────────────────────────

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 375, height: 740 }],
]) {
  test(`screenshots at ${device} width (${viewport.width}x${viewport.height})`, async (t) => {
    const { page, seen } = await open(t, { viewport });
    const noSideScroll = async (where) =>
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `${device} ${where}: no horizontal scrolling`,
      );

    await page.waitForSelector('.screen.start');
    await noSideScroll('start');
    await screenshot(page, `flows-${device}-1-start`);

    await startFlow(page, FLOW.need, 'need', 'hosting');
    await answerAll(page, 'need', [['hosting', HOSTING_ECS]]);
    await waitForHash(page, '#/need/access?');
    await waitForQuestion(page, 'access');
    await choose(page, ACCESS_DOMAIN);
    await noSideScroll('question');
    await screenshot(page, `flows-${device}-2-question`);

    await page.goto(server.url + '#/need/result?hosting=mainland-ecs&access=ip-only&entity=mainland');
    await waitForResult(page, 'need');
    await checkDisclosures(page); // opens every Why? and Source
    await noSideScroll('result');
    await screenshot(page, `flows-${device}-3-result`);
    assertClean(seen);
  });
}

// ───────────────────────────── 10. nothing missing ─────────────────────────────

test('the page requests nothing that is missing, not even a favicon', async (t) => {
  const { page, seen } = await open(t);
  await page.waitForSelector('.screen.start');
  // Chromium asks for /favicon.ico by itself, right after load, when the page declares no
  // icon; a declared icon is fetched too. Give either request a moment to be answered.
  await page.waitForLoadState('load');
  await page.waitForResponse((r) => /icon/i.test(new URL(r.url()).pathname), { timeout: 1_000 }).catch(() => {});
  assertClean(seen);
  assert.deepEqual(seen.favicon, [], 'favicon problems on this page');
  // Every request any test above made to the server was answered (tests run in order).
  const missing = server.log.filter((e) => e.status !== 200).map((e) => `${e.status} ${e.method} ${e.path}`);
  assert.deepEqual([...new Set(missing)], [], 'requests to the server that were not answered with 200');
});
