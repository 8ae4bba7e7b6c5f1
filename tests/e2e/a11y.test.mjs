// Accessibility: WCAG 2.1 AA, checked on the release build in dist/ in headless Chromium.
//
//  1. axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) finds no violation on any screen kind —
//     start (plain and offering Resume), question, question with its validation error,
//     result with every disclosure open (in both lenses, and with a blocking first step), FAQ,
//     the notice banner, the crash panel, embed mode — in English and Simplified Chinese, in
//     the light and the dark colour scheme; nor on the static pages (faq.html, rules.html in
//     each language) and the page without WebAssembly. Colour contrast that axe cannot decide
//     counts as a failure too (except for text drawn over the rule map's diagrams).
//  2. Non-text contrast (axe checks neither): every control reached with Tab shows an outline
//     at least 2 px wide whose outline or ring contrasts 3:1 with the background, and text
//     fields have a 3:1 border.
//  3. Every flow can be completed with the keyboard alone (Tab, Shift+Tab, arrow keys, Space,
//     Enter); after each step focus is on the new screen's heading, and at the end on the
//     result's heading.
//  4. The accessibility tree: the question names its radio group, the help describes it, the
//     validation error is an alert referenced by aria-describedby, the options are named by
//     their label alone and described by their hint; the document title names the step.
//  5. Layout: no horizontal scrolling at 320 px and at 200 % zoom (a 640 px viewport at
//     device scale factor 2), targets at least 24 × 24 px (WCAG 2.5.8; links inside a
//     sentence are exempt), and no transition or animation under prefers-reduced-motion.
//
// axe-core comes from the pinned npm cache (scripts/tools.sh) and is injected as inline
// script text: nothing is fetched from the network. The pages' meta Content-Security-Policy
// would block that, so these contexts bypass it (the CSP is checked in anywhere/embed tests).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { DIST, serve, launch, newContext, waitForApp, screenshot, requireNpm, OFFICE, engine,
} from './harness.mjs';

const STEP_TIMEOUT = 5_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGS = ['en', 'zh-CN'];
const SCHEMES = ['light', 'dark'];

let browser;
let server;
let axeSource;
before(async () => {
  axeSource = fs.readFileSync(requireNpm.resolve('axe-core/axe.min.js'), 'utf8');
  [browser, server] = await Promise.all([launch(), serve(DIST)]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ───────────────────────────── helpers ─────────────────────────────

/** Adds the language to a fragment (`#/x` → `#/x?lang=zh-CN`, `#/x?a=b` → `…&lang=zh-CN`). */
function withLang(hash, lang) {
  if (lang === 'en') return hash;
  return hash + (hash.includes('?') ? '&' : '?') + `lang=${lang}`;
}

/**
 * A fresh context and page (closed after the test), in a colour scheme and with reduced
 * motion as asked, collecting uncaught exceptions and console errors in `errors`.
 */
async function open(t, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion = 'no-preference', hash = '' } = {}) {
  const context = await newContext(browser, { viewport, deviceScaleFactor });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/\/favicon\.ico/.test(m.location()?.url || '')) errors.push(`console.error: ${m.text()}`);
  });
  await page.emulateMedia({ colorScheme, reducedMotion });
  await page.goto(server.url + hash);
  await waitForApp(page);
  return { context, page, errors };
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? null);
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

/** Waits (briefly) for focus to land on #main-heading, then asserts it did. */
async function assertFocusOnHeading(page, where) {
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading', null, { timeout: 2_000 }).catch(() => {});
  const now = await page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''} “${a.textContent.trim().slice(0, 60)}”` : 'nothing';
  });
  assert.equal(await focusedId(page), 'main-heading', `focus on the screen's heading after ${where} (focus is on ${now})`);
}

/** Waits until the fragment starts with `prefix` (compared decoded). */
async function waitForHash(page, prefix) {
  await page.waitForURL((u) => decodeURIComponent(new URL(u).hash).startsWith(prefix), { timeout: STEP_TIMEOUT });
}

const waitForQuestion = (page, q) => page.waitForSelector(`form:has(input[type=radio][name="${q}"]) #main-heading`, { timeout: STEP_TIMEOUT });
const questionForm = (page, q) => page.locator(`form:has(input[type=radio][name="${q}"])`);

/** The engine's outcome title for a result fragment, in a language (the JS API). */
async function outcomeOf(page, fragment, lang) {
  const [path, query] = fragment.split('?');
  const flow = path.split('/')[1];
  const answers = Object.fromEntries(query.split('&').filter((p) => !/^(lang|lens)=/.test(p)).map((p) => p.split('=')));
  return (await engine(page, 'evaluate', { flow, answers }, { lang })).verdict.title;
}

/** Chromium's own accessibility node for the first element matching `selector`. */
async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    assert.ok(result.objectId, `${selector} exists`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    const n = nodes[0];
    const prop = (name) => n.properties?.find((p) => p.name === name)?.value?.value;
    return {
      role: n.role?.value ?? '',
      name: (n.name?.value ?? '').trim(),
      description: (n.description?.value ?? '').trim(),
      ignored: n.ignored,
      prop,
    };
  } finally {
    await cdp.detach();
  }
}

// ───────────────────────────── screens ─────────────────────────────

const RESULT_LINK =
  '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none' +
  '&subject-filing=none&entity=outside&presence=office&file-in=shanghai&slb=no&app=no';

/**
 * Every screen kind: how to get there and what shows it is there. `prepare` runs after
 * the screen is shown (opening disclosures, triggering the error).
 */
const SCREENS = [
  { name: 'start', hash: '#/', ready: 'form input[name=flow]' },
  {
    name: 'start offering Resume',
    hash: '#/need/cdn?hosting=outside',
    ready: 'input[name=cdn]',
    prepare: async (page, lang) => {
      // A saved place and a fresh load of the start screen: it offers to resume.
      await page.goto('about:blank');
      await page.goto(server.url + withLang('#/', lang));
      await waitForApp(page);
      await page.waitForSelector('#resume-heading', { timeout: STEP_TIMEOUT });
    },
  },
  {
    name: 'a link beside other saved answers (the choice)',
    hash: '#/need/cdn?hosting=outside',
    ready: 'input[name=cdn]',
    prepare: async (page, lang) => {
      // Saved answers of the need flow, then a link to other ones: the page offers a choice.
      await page.evaluate(() => localStorage.clear());
      await page.goto('about:blank');
      await page.goto(server.url + withLang('#/need/result?hosting=hong-kong&cdn=none', lang));
      await page.waitForSelector('#answers-heading', { timeout: STEP_TIMEOUT });
      await page.goto('about:blank');
      await page.goto(server.url + withLang('#/need/cdn?hosting=outside', lang));
      await waitForApp(page);
      await page.waitForSelector('.saved-choice', { timeout: STEP_TIMEOUT });
    },
  },
  { name: 'question', hash: '#/need/cdn?hosting=outside', ready: 'input[name=cdn]' },
  {
    name: 'question with its validation error',
    hash: '#/need/cdn?hosting=outside',
    ready: 'input[name=cdn]',
    prepare: async (page) => {
      await questionForm(page, 'cdn').locator('button[type=submit]').click();
      await page.waitForFunction(() => document.getElementById('cdn-error')?.textContent.trim().length > 0, null, { timeout: STEP_TIMEOUT });
    },
  },
  {
    name: 'result with every disclosure open',
    hash: RESULT_LINK,
    ready: '#answers-heading',
    prepare: async (page) => {
      await page.locator('details').evaluateAll((els) => els.forEach((d) => (d.open = true)));
      assert.ok(await page.locator('details:not([open])').count() === 0, 'every <details> open');
    },
  },
  {
    name: 'result in the FAQ lens, disclosures open',
    hash: RESULT_LINK + '&lens=faq',
    ready: '#answers-heading',
    prepare: async (page) => {
      assert.equal(await page.locator('input[name=lens][value=faq]').isChecked(), true, 'the FAQ lens');
      await page.locator('details').evaluateAll((els) => els.forEach((d) => (d.open = true)));
    },
  },
  {
    name: 'result with a blocking first step',
    hash: '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=outside&presence=none',
    ready: '#plan-heading',
  },
  { name: 'FAQ', hash: '#/faq', ready: 'article.faq-entry' },
  { name: 'FAQ at one question', hash: '#/faq/hosted-outside', ready: 'article.faq-entry.focused' },
  { name: 'notice banner (corrupted link)', hash: '#/need/result?hosting=nowhere&zzz=1&cdn=none', ready: 'main [role=status] li' },
  { name: 'crash panel', hash: '#/__panic', ready: '#crash-heading', crash: true },
  { name: 'embed (iframe mode)', hash: 'index.html?embed=1&flow=need', ready: 'html.embed input[name=hosting]' },
];

/** Opens a screen in a language and colour scheme; returns the page once it is ready. */
async function openScreen(t, screen, lang, colorScheme, options = {}) {
  const { page, errors } = await open(t, { colorScheme, hash: withLang(screen.hash, lang), ...options });
  await page.waitForSelector(screen.ready, { timeout: STEP_TIMEOUT });
  if (screen.prepare) await screen.prepare(page, lang);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  assert.equal(htmlLang, lang, `<html lang> on ${screen.name}`);
  if (!screen.crash) assert.deepEqual(errors, [], `${screen.name}: page errors`);
  return page;
}

// ───────────────────────────── 1. axe-core ─────────────────────────────

/**
 * Runs axe-core on the page; returns its violations, plus any colour contrast it could not
 * decide ("incomplete": text over an image, a gradient or an overlapping element), so that
 * no text escapes the contrast check unnoticed.
 */
async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    // (Text in an SVG diagram — rules.html's flow graphs — sits over lines and boxes by design;
    // it is drawn in the text colour, whose contrast is checked everywhere else.)
    const inDiagram = (n) => /^<(tspan|text)\b/.test(n.html);
    const undecided = r.incomplete
      .filter((v) => v.id === 'color-contrast')
      .map((v) => ({ ...v, id: 'color-contrast (undecided)', nodes: v.nodes.filter((n) => !inDiagram(n)).map((n) => ({ ...n, failureSummary: n.any.map((a) => a.message).join('; ') })) }))
      .filter((v) => v.nodes.length > 0);
    const violations = [...r.violations, ...undecided].map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
    return { violations, passed: r.passes.length };
  }, AXE_TAGS);
}

/** Violations as readable text: rule, impact, then each element and why it fails. */
function formatViolations(violations) {
  return violations
    .map((v) =>
      [
        `• ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((n) => `    at ${n.target}\n      ${n.html}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n');
}

for (const screen of SCREENS) {
  test(`axe-core: no WCAG 2.1 A/AA violation on the ${screen.name}`, async (t) => {
    const failures = [];
    for (const lang of LANGS) {
      for (const scheme of SCHEMES) {
        await t.test(`${lang}, ${scheme}`, async (t2) => {
          const page = await openScreen(t2, screen, lang, scheme);
          const { violations, passed } = await runAxe(page);
          assert.ok(passed >= 5, `axe-core ran its checks (${passed} rules passed)`);
          if (violations.length) {
            await screenshot(page, `a11y-${screen.name}-${lang}-${scheme}`);
            failures.push(`── ${screen.name}, ${lang}, ${scheme}:\n${formatViolations(violations)}`);
          }
        });
      }
    }
    assert.ok(failures.length === 0, `axe-core violations:\n${failures.join('\n')}`);
  });
}

// ───────────────────────────── 2. focus indicators ─────────────────────────────

/** WCAG relative luminance contrast of two `rgb(…)`/`rgba(…)` colours (alpha ignored). */
const CONTRAST_FN = `
  (() => {
    const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = (c) => {
      const [r, g, b] = parse(c).slice(0, 3).map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
  })()`;

/**
 * The focused element's focus indicator: outline width, and the best contrast that the
 * outline or a box-shadow ring has against the background behind the element.
 */
async function focusIndicator(page) {
  return page.evaluate((contrastSrc) => {
    const contrast = eval(contrastSrc);
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const bgOf = (node) => {
      for (let n = node.parentElement; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        const alpha = (c.match(/[\d.]+/g) || []).map(Number)[3];
        if (c !== 'transparent' && alpha !== 0) return c;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const cs = getComputedStyle(el);
    const bg = bgOf(el);
    const outline = cs.outlineStyle !== 'none' ? parseFloat(cs.outlineWidth) : 0;
    const ratios = [];
    if (outline > 0) ratios.push(contrast(cs.outlineColor, bg));
    const shadow = cs.boxShadow && cs.boxShadow !== 'none' ? cs.boxShadow.match(/rgba?\([^)]*\)/) : null;
    if (shadow) ratios.push(contrast(shadow[0], bg));
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} “${el.textContent.trim().slice(0, 40)}”`,
      outline,
      contrast: ratios.length ? Math.max(...ratios) : 0,
    };
  }, CONTRAST_FN);
}

for (const scheme of SCHEMES) {
  test(`every control shows a focus indicator with 3:1 contrast (${scheme})`, async (t) => {
    const problems = [];
    for (const hash of ['#/', '#/need/cdn?hosting=outside', RESULT_LINK, '#/faq', '#/need/result?hosting=nowhere&cdn=none', '#/__panic']) {
      const { page } = await open(t, { colorScheme: scheme, hash });
      await page.waitForSelector('#app h1', { timeout: STEP_TIMEOUT });
      if (hash === RESULT_LINK) await page.locator('details').evaluateAll((els) => els.forEach((d) => (d.open = true)));
      const seen = new Set();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await focusIndicator(page);
        if (!f) break;
        if (seen.has(f.what)) break; // wrapped around
        seen.add(f.what);
        if (f.outline < 2 || f.contrast < 3) problems.push(`${hash} ${f.what}: outline ${f.outline}px, contrast ${f.contrast.toFixed(2)}:1`);
      }
      assert.ok(seen.size >= 2, `${hash}: Tab reached ${seen.size} controls`);
    }
    assert.deepEqual(problems, [], 'focus indicators too thin or too faint');
  });
}

for (const scheme of SCHEMES) {
  test(`text fields have a boundary with 3:1 contrast (${scheme})`, async (t) => {
    // WCAG 1.4.11: the border is what shows where the FAQ filter is.
    const { page } = await open(t, { colorScheme: scheme, hash: '#/faq' });
    await page.waitForSelector('#faq-filter');
    const ratio = await page.evaluate((contrastSrc) => {
      const contrast = eval(contrastSrc);
      const el = document.getElementById('faq-filter');
      let bg = 'rgb(255, 255, 255)';
      for (let n = el.parentElement; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (c !== 'transparent' && (c.match(/[\d.]+/g) || []).map(Number)[3] !== 0) {
          bg = c;
          break;
        }
      }
      const cs = getComputedStyle(el);
      return { page: contrast(cs.borderTopColor, bg), field: contrast(cs.borderTopColor, cs.backgroundColor), width: parseFloat(cs.borderTopWidth) };
    }, CONTRAST_FN);
    assert.ok(ratio.width >= 1, 'the field has a border');
    assert.ok(ratio.page >= 3, `border against the page: ${ratio.page.toFixed(2)}:1`);
    assert.ok(ratio.field >= 3, `border against the field: ${ratio.field.toFixed(2)}:1`);
  });
}

// ───────────────────────────── 3. keyboard only ─────────────────────────────

/**
 * Presses Tab (or Shift+Tab) until `pred(activeElement)` holds, at most `max` times;
 * returns the number of presses.
 */
async function tabUntil(page, pred, { max = 30, shift = false, what = 'the target' } = {}) {
  for (let i = 0; i <= max; i++) {
    if (await page.evaluate(pred)) return i;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${shift ? 'Shift+Tab' : 'Tab'} did not reach ${what} within ${max} presses (focus on ${await focusedId(page)})`);
}

/** The index of option `o` of question `q` (and the number of options). */
async function optionIndex(page, q, o) {
  const values = await page.locator(`input[type=radio][name="${q}"]`).evaluateAll((els) => els.map((el) => el.value));
  const i = values.indexOf(o);
  assert.ok(i >= 0, `${q}: an option ${o} among ${JSON.stringify(values)}`);
  return { index: i, count: values.length };
}

/**
 * On a radio of group `q` (focused), selects option `target` with the arrow keys (or
 * Space when focus is already on it), the way a keyboard user does.
 */
async function selectWithKeys(page, q, target, count, { up = false } = {}) {
  const focused = await focusedId(page);
  const m = new RegExp(`^${q}-(\\d+)$`).exec(focused || '');
  assert.ok(m, `focus is on an option of ${q} (it is on ${focused})`);
  let at = Number(m[1]);
  if (at === target) {
    await page.keyboard.press('Space');
  } else {
    const down = (target - at + count) % count;
    const steps = up ? count - down : down;
    for (let k = 0; k < steps; k++) await page.keyboard.press(up ? 'ArrowUp' : 'ArrowDown');
  }
  assert.ok(await page.locator(`#${q}-${target}`).isChecked(), `${q}: option ${target} selected by keyboard`);
  assert.equal(await focusedId(page), `${q}-${target}`, `${q}: focus follows the selection`);
}

const KEYBOARD_FLOWS = [
  {
    flow: 'need',
    lang: 'en',
    steps: OFFICE,
    rec: 'mainland-documents-only',
  },
  {
    flow: 'service-code',
    lang: 'en',
    steps: [
      ['sc-server', 'mainland'],
      ['sc-problem', 'no-apply-button'],
      ['sc-account', 'yes'],
      ['sc-billing', 'pay-as-you-go'],
      ['sc-bandwidth', 'yes'],
    ],
    rec: 'switch-to-subscription',
  },
  {
    flow: 'icp-number',
    lang: 'en',
    steps: [
      ['num-topic', 'revoked'],
      ['num-cause', 'unknown'],
    ],
    rec: 'no-restoration',
  },
  {
    flow: 'icp-number',
    lang: 'zh-CN',
    steps: [
      ['num-topic', 'revoked'],
      ['num-cause', 'unknown'],
    ],
    rec: 'no-restoration',
  },
];

for (const kf of KEYBOARD_FLOWS) {
  test(`keyboard only: the ${kf.flow} flow from the start screen to the result (${kf.lang})`, async (t) => {
    const { page, errors } = await open(t, { hash: withLang('#/', kf.lang) });
    await page.waitForSelector('form input[name=flow]');
    const kb = page.keyboard;

    // Tab through the header to the flow choice (the first flow is pre-selected), then
    // the arrow keys choose the flow.
    await tabUntil(page, () => document.activeElement?.name === 'flow', { what: 'the flow choice' });
    assert.equal(await focusedId(page), 'flow-need', 'Tab lands on the checked flow');
    const flows = await page.locator('input[name=flow]').evaluateAll((els) => els.map((e) => e.value));
    const target = flows.indexOf(kf.flow);
    for (let k = 0; k < target; k++) await kb.press('ArrowDown');
    assert.ok(await page.locator(`#flow-${kf.flow}`).isChecked(), `${kf.flow} chosen with the arrow keys`);
    await kb.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'submit', 'Tab moves on to Start');
    await kb.press(kf.flow === 'need' ? 'Space' : 'Enter');

    for (const [i, [q, option]] of kf.steps.entries()) {
      await waitForHash(page, `#/${kf.flow}/${q}`);
      await waitForQuestion(page, q);
      await assertFocusOnHeading(page, i === 0 ? 'Start' : `answering ${kf.steps[i - 1][0]}`);
      const prompt = (await page.locator('#main-heading').innerText()).trim();
      assert.ok((await page.title()).includes(prompt), `the title ${JSON.stringify(await page.title())} names the question`);

      const { index, count } = await optionIndex(page, q, option);

      if (i === 0) {
        // Continue before choosing: the error is shown and focus goes to the first option.
        await tabUntil(page, () => document.activeElement?.type === 'submit', { what: 'Continue' });
        await kb.press('Enter');
        await page.waitForFunction((q) => document.getElementById(`${q}-error`)?.textContent.trim().length > 0, q, { timeout: STEP_TIMEOUT });
        assert.equal(await focusedId(page), `${q}-0`, 'after the error, focus is on the first option');
        await selectWithKeys(page, q, index, count, { up: true });
        assert.equal((await page.locator(`#${q}-error`).innerText()).trim(), '', 'choosing clears the error');
      } else {
        await kb.press('Tab');
        await selectWithKeys(page, q, index, count);
      }
      // Tab to Continue, Shift+Tab back to the (checked) option, Tab again, Enter.
      await kb.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.type), 'submit', `${q}: Tab from the options reaches Continue`);
      await kb.press('Shift+Tab');
      assert.equal(await focusedId(page), `${q}-${index}`, `${q}: Shift+Tab returns to the chosen option`);
      await kb.press('Tab');
      await kb.press('Enter');
    }

    await waitForHash(page, `#/${kf.flow}/result?`);
    await page.waitForSelector('#answers-heading', { timeout: STEP_TIMEOUT });
    await assertFocusOnHeading(page, 'the last answer');
    const outcome = await outcomeOf(page, new URL(page.url()).hash, kf.lang);
    assert.equal((await page.locator('#main-heading').innerText()).trim(), outcome, 'the heading is the outcome');
    assert.ok((await page.title()).startsWith(outcome), `the title ${JSON.stringify(await page.title())} names the outcome`);
    assert.equal(await page.locator(`article#rec-${kf.rec}`).count(), 1, `#rec-${kf.rec} shown`);

    // The first disclosure opens with Enter; the answers open the same way, and Change takes the
    // keyboard back to a question.
    await tabUntil(page, () => document.activeElement?.tagName === 'SUMMARY', { what: 'the first disclosure' });
    await kb.press('Enter');
    assert.equal(await page.locator('details[open]').count(), 1, 'Enter opened the disclosure');
    await tabUntil(page, () => document.activeElement?.matches('details.answers > summary'), { max: 250, what: 'Your answers' });
    await kb.press('Enter');
    await tabUntil(page, () => !!document.activeElement?.closest('details.answers[open] dl'), { max: 20, what: 'the first Change link' });
    await kb.press('Enter');
    await waitForHash(page, `#/${kf.flow}/${kf.steps[0][0]}/change`);
    await assertFocusOnHeading(page, 'Change');
    assert.deepEqual(errors, [], 'page errors');
  });
}

test('focus is not moved by switching the language; the title and <html lang> follow', async (t) => {
  const { page } = await open(t, { hash: '#/need/cdn?hosting=outside' });
  await waitForQuestion(page, 'cdn');
  await tabUntil(page, () => document.activeElement?.matches('nav button[lang]'), { what: 'the language switch' });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: STEP_TIMEOUT });
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.getElementById('main-heading')?.textContent), null, { timeout: STEP_TIMEOUT });
  assert.ok(await page.evaluate(() => document.activeElement?.matches('nav button[lang]')), 'focus stays on the switch');
  assert.equal(await focusedText(page), 'English', 'the switch now offers English');
  assert.ok((await page.title()).includes((await page.locator('#main-heading').innerText()).trim()), 'the title follows the language');
});

test('the skip link is the first Tab stop, is visible when focused, and moves focus to the heading', async (t) => {
  const { page } = await open(t, { hash: '#/need/cdn?hosting=outside' });
  await waitForQuestion(page, 'cdn');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab stop is the skip link');
  const box = await skip.boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width >= 24 && box.height >= 24, `skip link on screen when focused: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, 'the skip link');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'cdn-0', 'the next Tab stop is the first option');
});

// ───────────────────────────── 4. accessibility tree ─────────────────────────────

for (const lang of LANGS) {
  test(`accessibility tree: question, help, options, error and result heading (${lang})`, async (t) => {
    const { page } = await open(t, { hash: withLang('#/need/domain-kind?hosting=outside&cdn=mainland', lang) });
    await waitForQuestion(page, 'domain-kind');
    const prompt = (await page.locator('#main-heading').innerText()).trim();
    const help = (await page.locator('#domain-kind-help').innerText()).trim();
    assert.ok(prompt.length > 5 && help.length > 5, 'question and help shown');
    assert.ok((await page.title()).includes(prompt), `title ${JSON.stringify(await page.title())} names the question`);

    // The radio group is named by the question and described by the help.
    assert.equal(await page.getByRole('group', { name: prompt, exact: true }).count(), 1, 'one group named by the question');
    const group = await axNode(page, 'form:has(input[name=domain-kind]) fieldset');
    assert.equal(group.role, 'group');
    assert.equal(group.name, prompt, 'the group is named by the question');
    assert.equal(group.description, help, 'the group is described by the help');
    assert.equal(await page.getByRole('heading', { level: 1, name: prompt }).count(), 1, 'the question is the level-1 heading');

    // Each option is named by its label alone; its hint is its description.
    const options = await page.locator('input[type=radio][name=domain-kind]').evaluateAll((els) =>
      els.map((input) => ({
        id: input.id,
        label: document.querySelector(`label[for="${input.id}"] [id$="-label"]`).textContent.trim(),
        hint: document.querySelector(`label[for="${input.id}"] [id$="-hint"]`)?.textContent.trim() ?? '',
      })),
    );
    for (const o of options) {
      const n = await axNode(page, `#${o.id}`);
      assert.equal(n.role, 'radio', `${o.id} is a radio`);
      assert.equal(n.name, o.label, `${o.id} is named by its label alone`);
      assert.equal(n.description, o.hint, `${o.id} is described by its hint`);
    }
    assert.ok(options.some((o) => o.hint), 'some option has a hint');

    // The progress is plain text near the heading, and not a live region.
    assert.equal(await page.locator('#progress[aria-live], #progress[role=status]').count(), 0);

    // Continue with nothing chosen: the error is an alert, and the group references it.
    await questionForm(page, 'domain-kind').locator('button[type=submit]').click();
    const error = page.getByRole('alert');
    await page.waitForFunction(() => document.getElementById('domain-kind-error')?.textContent.trim().length > 0, null, { timeout: STEP_TIMEOUT });
    const errorText = (await page.locator('#domain-kind-error').innerText()).trim();
    assert.equal((await error.innerText()).trim(), errorText, 'the error is in a role=alert element');
    const errorNode = await axNode(page, '#domain-kind-error');
    assert.equal(errorNode.role, 'alert');
    assert.equal(errorNode.prop('live'), 'assertive', 'the alert is an assertive live region');
    const fieldset = questionForm(page, 'domain-kind').locator('fieldset');
    const describedBy = (await fieldset.getAttribute('aria-describedby')).split(/\s+/);
    assert.ok(describedBy.includes('domain-kind-error'), `aria-describedby ${describedBy} references the error`);
    const groupWithError = await axNode(page, 'form:has(input[name=domain-kind]) fieldset');
    assert.ok(groupWithError.description.includes(help) && groupWithError.description.includes(errorText), `group description with the error: ${groupWithError.description}`);

    // Choose and continue to the result: its heading has focus and names it.
    await page.locator('label[for="domain-kind-0"]').click();
    assert.ok(!((await fieldset.getAttribute('aria-describedby')) || '').includes('domain-kind-error'));
    await questionForm(page, 'domain-kind').locator('button[type=submit]').click();
    await waitForQuestion(page, 'domain-filing');
    await assertFocusOnHeading(page, 'Continue');
    await page.goto(server.url + withLang(RESULT_LINK, lang));
    // The same document: a hashchange, so focus moves as after any step.
    await page.waitForSelector('#answers-heading', { timeout: STEP_TIMEOUT });
    await assertFocusOnHeading(page, 'opening the result');
    const heading = await axNode(page, '#main-heading');
    const outcome = await outcomeOf(page, RESULT_LINK, lang);
    assert.equal(heading.role, 'heading');
    assert.equal(heading.prop('level'), 1);
    assert.equal(heading.name, outcome, 'the result\'s heading is its outcome');
    assert.ok((await page.title()).startsWith(outcome), `title ${JSON.stringify(await page.title())} names the outcome`);

    // Disclosures are buttons with an expanded state; the copy status is a polite live region.
    const summary = await axNode(page, '.plan-steps details.step-details > summary');
    assert.equal(summary.prop('expanded'), false, 'a closed disclosure reports expanded=false');
    assert.equal(await page.getByRole('status').count() >= 1, true, 'a status region for copy feedback');
  });
}

test('document titles name every kind of screen in both languages', async (t) => {
  const expect = {
    en: { '#/': /^ICP Filing Advisor$/, '#/faq': /^FAQ — ICP Filing Advisor$/, '#/__panic': /Something went wrong/ },
    'zh-CN': { '#/': /^ICP备案顾问$/, '#/faq': /^常见问题——ICP备案顾问$/ }, // the crash panel: below
  };
  for (const lang of LANGS) {
    for (const [hash, re] of Object.entries(expect[lang])) {
      const { page } = await open(t, { hash: withLang(hash, lang) });
      await page.waitForSelector('#app h1', { timeout: STEP_TIMEOUT });
      await page.waitForFunction((src) => new RegExp(src).test(document.title), re.source, { timeout: 2_000 }).catch(() => {});
      assert.match(await page.title(), re, `title of ${hash} in ${lang}`);
    }
  }
});

test('the crash panel of a Chinese link is in Chinese: its texts and the title', async (t) => {
  const { page } = await open(t, { hash: withLang('#/__panic', 'zh-CN') });
  await page.waitForSelector('#crash-heading', { timeout: STEP_TIMEOUT });
  assert.match(await page.locator('#crash-heading').innerText(), /出错了/);
  assert.match(await page.title(), /出错了/);
});

test('the crash panel is announced, focused, and in the language of the link', async (t) => {
  for (const lang of LANGS) {
    const { page } = await open(t, { hash: withLang('#/__panic', lang) });
    await page.waitForSelector('#crash-heading', { timeout: STEP_TIMEOUT });
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.getByRole('alert').count(), 1, 'the panel is an alert');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus is on the panel heading');
    assert.equal(await page.getByRole('main').count(), 1, 'the panel is the main content');
  }
});

// ───────────────────────────── 5. layout ─────────────────────────────

const LAYOUTS = [
  { name: '320 px wide', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom (1280 px at 2×)', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
];

/** Interactive targets smaller than 24 × 24 CSS px, except links inside a run of text. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll(sel)) {
      if (el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered
      const cs = getComputedStyle(el);
      if (el.tagName === 'A' && cs.display === 'inline') {
        // WCAG 2.5.8 exception: a link in a sentence (its block has other text).
        const block = el.parentElement.closest('p, li, dd, figcaption, blockquote, td');
        const other = block ? block.textContent.replace(el.textContent, '').trim() : '';
        if (other.length > 0) continue;
      }
      if (r.width < 24 || r.height < 24) {
        small.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''} “${el.textContent.trim().slice(0, 30)}”: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      }
    }
    return small;
  });
}

const LAYOUT_SCREENS = SCREENS.filter((s) => !['start offering Resume', 'a link beside other saved answers (the choice)', 'FAQ at one question'].includes(s.name));

for (const layout of LAYOUTS) {
  for (const lang of LANGS) {
    test(`layout at ${layout.name} (${lang}): no horizontal scrolling, targets at least 24 × 24 px`, async (t) => {
      const problems = [];
      for (const screen of LAYOUT_SCREENS) {
        const page = await openScreen(t, screen, lang, 'light', { viewport: layout.viewport, deviceScaleFactor: layout.deviceScaleFactor });
        const { scrollWidth, clientWidth } = await page.evaluate(() => {
          const s = document.scrollingElement;
          return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
        });
        if (scrollWidth > clientWidth) {
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > document.scrollingElement.clientWidth + 0.5)
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').join('.')} right=${e.getBoundingClientRect().right.toFixed(0)}`),
          );
          problems.push(`${screen.name}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth} (${wide.join('; ')})`);
        }
        for (const s of await smallTargets(page)) problems.push(`${screen.name}: target ${s}`);
        await screenshot(page, `a11y-layout-${layout.viewport.width}x${layout.deviceScaleFactor}-${lang}-${screen.name}`);
      }
      assert.deepEqual(problems, [], `layout problems at ${layout.name}`);
    });
  }
}

test('prefers-reduced-motion: reduce leaves no transition or animation', async (t) => {
  const problems = [];
  for (const screen of LAYOUT_SCREENS) {
    const page = await openScreen(t, screen, 'en', 'light', { reducedMotion: 'reduce' });
    assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduce emulated');
    const moving = await page.evaluate(() => {
      const out = [];
      for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
        for (const pseudo of [null, '::before', '::after']) {
          const cs = getComputedStyle(el, pseudo);
          const durations = (cs.transitionDuration + ',' + cs.animationDuration).split(',').map((d) => parseFloat(d) || 0);
          if (cs.animationName !== 'none' || durations.some((d) => d > 0) || cs.scrollBehavior === 'smooth') {
            out.push(`${el.tagName.toLowerCase()}${pseudo ?? ''}.${String(el.className)}: transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}, scroll ${cs.scrollBehavior}`);
          }
        }
      }
      return out.slice(0, 10);
    });
    for (const m of moving) problems.push(`${screen.name}: ${m}`);
  }
  assert.deepEqual(problems, [], 'motion left under prefers-reduced-motion: reduce');
});

for (const [file, ready, count] of [
  ['faq.html', 'article.faq-entry', 24],
  ['faq.zh-CN.html', 'article.faq-entry', 24],
  ['rules.html', 'section[aria-labelledby^="flow-"]', 3],
  ['rules.zh-CN.html', 'section[aria-labelledby^="flow-"]', 3],
]) {
  test(`axe-core: the static page ${file} has no violation (light and dark)`, async (t) => {
    const failures = [];
    for (const scheme of SCHEMES) {
      const context = await newContext(browser, { serviceWorkers: 'block' });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url + file);
      assert.equal(await page.locator(ready).count(), count, `${file}: ${ready}`);
      const { violations, passed } = await runAxe(page);
      assert.ok(passed >= 5, `axe-core ran its checks on ${file}`);
      if (violations.length) failures.push(`── ${file}, ${scheme}:\n${formatViolations(violations)}`);
    }
    assert.ok(failures.length === 0, `axe-core violations:\n${failures.join('\n')}`);
  });
}

test('axe-core: the page without WebAssembly (static first screen and notice) has no violation', async (t) => {
  const failures = [];
  for (const scheme of SCHEMES) {
    const context = await newContext(browser, { serviceWorkers: 'block' });
    t.after(() => context.close());
    const noWasm = await context.newPage();
    await noWasm.addInitScript(() => {
      delete window.WebAssembly;
    });
    await noWasm.emulateMedia({ colorScheme: scheme });
    await noWasm.goto(server.url);
    await noWasm.locator('html[data-app-failed]').waitFor({ state: 'attached' });
    const { violations } = await runAxe(noWasm);
    if (violations.length) failures.push(`── no WebAssembly, ${scheme}:\n${formatViolations(violations)}`);
  }
  assert.ok(failures.length === 0, `axe-core violations:\n${failures.join('\n')}`);
});
