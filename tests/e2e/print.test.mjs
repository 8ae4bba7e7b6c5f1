// Printing a result: "Print the plan" prints the answer and the plan, each step with its
// sources, on at most two A4 pages — no buttons, navigation, Change links, lens switch, notices
// or collapsed sections. "Print everything" opens every section first and prints it all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, newContext, waitForApp, waitForResult, withSite } from './harness.mjs';

const site = withSite();

const RESULTS = {
  // A long result: a blocking first step, then the filing, with load balancer and CDN.
  long: '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none&subject-filing=none&entity=outside&presence=none&slb=yes&commercial-license=yes',
  // The six results the design is checked on.
  'first filing': '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=mainland&can-complete=yes&file-in=zhejiang&slb=no&app=no',
  'foreign company on mainland CDN': '#/need/result?hosting=outside&cdn=mainland&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=outside&presence=none',
  individual: '#/need/result?hosting=mainland-ecs&access=domain&cdn=none&domain-kind=top-level&domain-filing=none&subject-filing=none&entity=individual&can-complete=yes&file-in=gansu&id-local=yes&slb=no&app=no',
  'service code': '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=yes&sc-billing=pay-as-you-go&sc-bandwidth=yes',
  revoked: '#/icp-number/result?num-topic=revoked&num-cause=domain-expired',
  short: '#/need/result?hosting=hong-kong&cdn=none',
};

/** Prints the page to an A4 PDF (kept in target/screenshots/); returns its page count. */
async function printPages(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  fs.mkdirSync(path.join(ROOT, 'target', 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'screenshots', `print-${name.replace(/\W+/g, '-')}.pdf`), pdf);
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

async function openResult(t, fragment) {
  const context = await newContext(site.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  // No print dialog in a test: the buttons' window.print() is counted instead.
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await page.goto(site.server.url + fragment);
  await waitForApp(page);
  await waitForResult(page);
  return page;
}

const shownAll = (page, selector) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().height > 0 && e.checkVisibility()), selector);

for (const [name, fragment] of Object.entries(RESULTS)) {
  for (const lens of ['all', 'faq']) {
    test(`"Print the plan" of the ${name} result (${lens === 'all' ? 'with current practice' : 'the FAQ alone'}): the plan with its sources, on two A4 pages at most`, async (t) => {
      const page = await openResult(t, fragment + (lens === 'faq' ? '&lens=faq' : ''));
      await page.getByRole('button', { name: 'Print the plan' }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1, 'the button prints');
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() =>
        Object.fromEntries(
          ['.result-actions', '.masthead nav', '.change', 'fieldset.lens', '.skip-link', 'details.good-to-know', 'details.answers', '.verdict-why'].map((s) => [
            s,
            [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === 'none' || !e.checkVisibility()),
          ]),
        ),
      );
      for (const [s, none] of Object.entries(hidden)) assert.ok(none, `${s} is not printed`);
      assert.ok((await shownAll(page, '#main-heading, .verdict-line')).every(Boolean), 'the answer is printed');
      const steps = await shownAll(page, '.plan-steps > li .step-text');
      assert.ok(steps.length > 0 && steps.every(Boolean), 'every step is printed');
      const sources = await page.locator('.plan-steps > li > .print-sources').evaluateAll((ps) => ps.map((p) => p.checkVisibility() && /(§1\.\d|read \d{4}-\d{2})/.test(p.textContent)));
      assert.ok(sources.length === steps.length && sources.every(Boolean), 'every step prints its sources');
      const details = await shownAll(page, '.plan-steps .rec > p, .plan-steps .why');
      assert.ok(details.every((v) => !v), "the steps' details and why are not printed");
      const pages = await printPages(page, `${name}-${lens}`);
      assert.ok(pages >= 1 && pages <= 2, `${name} printed on ${pages} pages`);
    });
  }
}

test('"Print everything" opens every section and prints it all: every recommendation with its sources', async (t) => {
  const page = await openResult(t, RESULTS.long);
  await page.getByRole('button', { name: 'Print everything' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the button prints');
  assert.equal(await page.locator('.result details:not([open])').count(), 0, 'every section opened');
  await page.emulateMedia({ media: 'print' });
  assert.ok((await shownAll(page, 'article[id^="rec-"]')).every(Boolean), 'every recommendation is printed');
  assert.ok((await shownAll(page, '.plan-steps .rec > p:not(.kind-label, .related)')).every(Boolean), "the steps' details are printed");
  assert.ok((await shownAll(page, '.plan-steps .print-sources')).every((v) => !v), 'each source once: in full, not also in short');
  assert.ok((await shownAll(page, '.source :is(blockquote, .summary)')).every(Boolean), 'every source is printed');
  assert.ok((await shownAll(page, 'details.answers dl')).every(Boolean), 'the answers are printed');
  const pages = await printPages(page, 'long-everything');
  // (16: the province layer added the documents checklist, the timeline and the bureau's rules.)
  assert.ok(pages <= 16, `a bounded full record: ${pages} pages`);
  // "Print the plan" afterwards prints the plan again, not everything.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Print the plan' }).click();
  await page.emulateMedia({ media: 'print' });
  assert.ok((await shownAll(page, '.plan-steps .rec > p:not(.kind-label, .related)')).every((v) => !v), 'the plan alone again');
});
