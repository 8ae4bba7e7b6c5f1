// Printing a result gives a clean summary: no buttons, navigation, Change links, lens switch or
// notices; the outcome, the plan and every recommendation with its source quote. The FAQ's
// advice prints on one or two A4 pages; with the current-practice notes, a bounded full record.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, newContext, waitForApp, waitForResult, withSite } from './harness.mjs';

const site = withSite();

const RESULTS = {
  // A long result: a blocking first step, then the filing, with load balancer and CDN.
  long: '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none&subject-filing=none&entity=outside&presence=none&slb=yes&commercial-license=yes',
  short: '#/need/result?hosting=hong-kong&cdn=none',
  'service code': '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=no&sc-billing=pay-as-you-go&sc-bandwidth=no',
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
  await page.goto(site.server.url + fragment);
  await waitForApp(page);
  await waitForResult(page);
  return page;
}

for (const [name, fragment] of Object.entries(RESULTS)) {
  for (const lens of ['all', 'faq']) {
    test(`printing the ${name} result (${lens === 'all' ? 'with current practice' : 'the FAQ alone'}) is clean`, async (t) => {
      const page = await openResult(t, fragment + (lens === 'faq' ? '&lens=faq' : ''));
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() =>
        Object.fromEntries(
          ['.result-actions', '.masthead nav', '.change', 'details.why', 'fieldset:has(input[name="lens"])', '.skip-link'].map((s) => [
            s,
            [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === 'none' || !e.checkVisibility()),
          ]),
        ),
      );
      for (const [s, none] of Object.entries(hidden)) assert.ok(none, `${s} is not printed`);
      const shown = await page.evaluate(() => ({
        heading: document.querySelector('#main-heading').getBoundingClientRect().height > 0,
        cards: [...document.querySelectorAll('article[id^="rec-"]')].every((c) => c.getBoundingClientRect().height > 0),
        quotes: [...document.querySelectorAll('details.source :is(blockquote, .summary)')].every((q) => q.getBoundingClientRect().height > 0),
        quoteCount: document.querySelectorAll('details.source :is(blockquote, .summary)').length,
      }));
      assert.ok(shown.heading, 'the outcome is printed');
      assert.ok(shown.cards, 'every recommendation is printed');
      assert.ok(shown.quotes && shown.quoteCount > 0, 'every source quote is printed');
      const pages = await printPages(page, `${name}-${lens}`);
      assert.ok(pages >= 1, `${name} printed`);
      if (lens === 'faq') assert.ok(pages <= 2, `${name} result (the FAQ alone) printed on ${pages} pages`);
    });
  }
}

// With the current-practice notes the longest result is a full record, each note with its
// dated sources: it is bounded rather than short (the FAQ lens prints the short summary, above).
test('the long result with current practice prints as a bounded full record', async (t) => {
  const page = await openResult(t, RESULTS.long);
  const notes = await page.locator('.practice-badge').count();
  assert.ok(notes > 0, 'the current-practice notes are there');
  const pages = await printPages(page, 'long-all-budget');
  assert.ok(pages <= 8, `printed on ${pages} pages`);
});
