// Printing a result gives a clean summary of one or two A4 pages: no buttons, links or
// notices, every recommendation with its source quote.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, waitForApp, withSite } from './harness.mjs';

const site = withSite();

const RESULTS = {
  // A long result: ten recommendations.
  long: '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none&subject-filing=none&entity=outside&presence=none&slb=yes&commercial-license=yes',
  short: '#/need/result?hosting=hong-kong&cdn=none',
  'service code': '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=no&sc-billing=pay-as-you-go&sc-bandwidth=no',
};

for (const [name, fragment] of Object.entries(RESULTS)) {
  test(`printing the ${name} result gives one or two clean pages`, async (t) => {
    const context = await site.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(site.server.url + fragment);
    await waitForApp(page);
    await page.locator('article.rec').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.result-actions', '.masthead nav', '.change', 'details.why'].map((s) =>
        [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === 'none'),
      ),
    );
    assert.deepEqual(hidden, [true, true, true, true], 'actions, navigation, Change links and Why? are not printed');
    const quotesShown = await page.evaluate(() =>
      [...document.querySelectorAll('details.source blockquote')].every((q) => q.getBoundingClientRect().height > 0),
    );
    assert.ok(quotesShown, 'source quotes are printed');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    fs.mkdirSync(path.join(ROOT, 'target', 'screenshots'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'target', 'screenshots', `print-${name.replace(' ', '-')}.pdf`), pdf);
    assert.ok(pages >= 1 && pages <= 2, `${name} result printed on ${pages} pages`);
  });
}
