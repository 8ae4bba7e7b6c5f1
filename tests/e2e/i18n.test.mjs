// Two languages: in Chinese every text is Chinese (nothing left in English but the FAQ's own
// words, marked lang="en" and labelled in Chinese, recorded summaries, and names), <html lang>
// and the title follow, switching is remembered, and a shared link opens in the sender's
// language.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSite, openApp, newContext, assertClean, waitForApp, waitForResult, waitForQuestion, screenshot, hashOf, withQuery, engine } from './harness.mjs';

const site = withSite();
const open = (t, hash = '', options = {}) => openApp(t, site.browser, site.server, hash, options);

// Latin words allowed in Chinese text: product, company and standard names, abbreviations.
const ALLOWED = new Set([
  'ICP', 'FAQ', 'ECS', 'CDN', 'SLB', 'DNS', 'VPC', 'IP', 'IoT', 'OSS', 'OPC', 'App', 'Android', 'iOS', 'Web', 'Designer',
  'English', 'Rule', 'MD', 'SHA', 'MIIT', 'PSB', 'WeChat', 'GoChina', 'Filing', 'Assistant', 'AppInChina',
  // publishers of the sources on current practice, named as they name themselves
  'Alibaba', 'Cloud', 'Tencent', 'Huawei', 'Ministry', 'of', 'Public', 'Security', 'the', 'PRC',
  'QingCloud', 'JD', 'AppGallery', 'API',
  // file formats and units (the documents to prepare)
  'jpg', 'png', 'MB',
]);

/**
 * Latin words in the app's visible text, outside what may stay in English: elements marked
 * lang="en" (the FAQ's own words), the source pages' titles (links to them, and <cite>: they
 * may name a repository), addresses (beian.miit.gov.cn) and the allowed names.
 */
async function strayEnglish(page) {
  const words = await page.evaluate(() => {
    const out = [];
    const root = document.querySelector('#app [lang]'); // the app, in the page's language
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const marked = el.closest('[lang="en"]');
      if ((marked && marked !== root) || el.closest('a[rel~="external"], cite')) continue;
      const text = n.textContent.replace(/\b(https?:\/\/)?[\w-]+(\.[\w-]+)+\b\S*/g, ' ');
      for (const w of text.match(/[A-Za-z]{2,}/g) || []) out.push(w);
    }
    return out;
  });
  return words.filter((w) => !ALLOWED.has(w));
}

const RESULT =
  '#/need/result?hosting=mainland-ecs&access=domain&cdn=mainland&domain-kind=second-level&domain-filing=none' +
  '&subject-filing=alibaba&entity=outside&presence=office&file-in=shanghai&slb=yes&commercial-license=yes&app=yes';
const SCREENS = [
  ['start', '#/'],
  ['question', '#/need/cdn?hosting=outside'],
  ['need result', RESULT],
  ['service-code result', '#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=no&sc-billing=pay-as-you-go&sc-bandwidth=no'],
  ['number result', '#/icp-number/result?num-topic=revoked&num-cause=unknown'],
  ['faq', '#/faq'],
];

for (const [name, fragment] of SCREENS) {
  test(`${name} in Chinese: Chinese texts, no English left but the FAQ's words and names`, async (t) => {
    const { page, seen } = await open(t, withQuery(fragment, 'lang=zh-CN'));
    await page.locator('#main-heading').waitFor();
    await page.locator('details').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.locator('#app .app').getAttribute('lang'), 'zh-CN');
    assert.match(await page.locator('#main-heading').innerText(), /[\u4e00-\u9fff]/, 'a Chinese heading');
    assert.match(await page.title(), /ICP备案顾问$/);
    assert.deepEqual(await strayEnglish(page), [], `English words left on the ${name} screen`);
    if (name === 'need result') await screenshot(page, 'i18n-zh-result');
    assertClean(seen);
  });
}

test('in Chinese the sources can be checked: the English words verbatim and labelled, a reference rendering marked as the advisor\'s own, publishers and titles in Chinese', async (t) => {
  const { page, seen } = await open(t, withQuery(RESULT, 'lang=zh-CN'));
  await waitForResult(page);
  const answers = Object.fromEntries(RESULT.split('?')[1].split('&').map((p) => p.split('=')));
  const english = await engine(page, 'evaluate', { flow: 'need', answers }, { lang: 'en' });
  const quotes = new Set(english.recommendations.flatMap((r) => r.citations.map((c) => c.quote)));
  // (The same words may be cited from pages in different languages.)
  const pageLangs = new Map();
  for (const c of english.recommendations.flatMap((r) => r.citations)) pageLangs.set(c.quote, (pageLangs.get(c.quote) ?? new Set()).add(c.source_lang));
  const citations = await page.locator('figure').evaluateAll((fs) =>
    fs.map((f) => ({
      label: f.querySelector('.original-label')?.textContent.trim() ?? null,
      quote: f.querySelector('blockquote')?.textContent.trim() ?? null,
      quoteLang: f.querySelector('blockquote')?.getAttribute('lang') ?? null,
      verbatim: f.querySelector('blockquote, .summary > span[lang]')?.getAttribute('translate') ?? null,
      rendering: f.querySelector('.rendering')?.textContent.trim() ?? null,
      caption: f.querySelector('figcaption').textContent.trim(),
      original: f.querySelector('figcaption .original')?.textContent.trim() ?? null,
      originalLang: f.querySelector('figcaption .original [lang]')?.getAttribute('lang') ?? null,
      summary: f.querySelector('.summary > span[lang]')?.textContent.trim() ?? null,
      summaryLang: f.querySelector('.summary > span[lang]')?.getAttribute('lang') ?? null,
      summaryLabel: f.querySelector('.summary-label')?.textContent.trim() ?? null,
    })),
  );
  const fromFaq = citations.filter((c) => /^《ICP FAQ》第1\.\d节/.test(c.caption));
  assert.ok(fromFaq.length >= 5, `FAQ citations (${fromFaq.length})`);
  for (const c of fromFaq) {
    assert.ok(quotes.has(c.quote), `the FAQ's English words, unchanged: ${c.quote}`);
    assert.equal(c.quoteLang, 'en', 'marked as English');
    assert.equal(c.verbatim, 'no', 'marked as not to be translated');
    assert.equal(c.label, '英文原文：');
    assert.match(c.rendering, /^参考译文（本顾问自译，仅供理解）：.*[\u4e00-\u9fff]/, `a rendering, marked as the advisor's: ${c.rendering}`);
    assert.match(c.caption, /^《ICP FAQ》第1\.\d节，.*[\u4e00-\u9fff].*（英文原文：/, `a Chinese label: ${c.caption}`);
    assert.match(c.original, /^（英文原文：“[A-Z].*”）$/, 'the English question beside the Chinese title');
    assert.equal(c.originalLang, 'en');
  }
  // Pages read in 2026: the publisher and the title in Chinese, the page's language said.
  const pages = citations.filter((c) => !/^《ICP FAQ》/.test(c.caption));
  assert.ok(pages.length >= 5);
  for (const c of pages) {
    assert.match(c.caption, /^(阿里云|腾讯云|华为云|华为|微信|中华人民共和国|AppInChina|青云QingCloud|京东云|四川省通信管理局|天津市通信管理局)[^，]*《[^》]+》（/, `publisher and title in Chinese: ${c.caption}`);
    // The page's language is said where it is not the reader's (an English summary may be of a Chinese page).
    const words = c.quote ?? c.summary;
    const langs = pageLangs.get(words) ?? new Set();
    assert.ok(langs.size > 0, `the words are cited: ${words}`);
    if (![...langs].some((l) => l !== 'en')) assert.match(c.caption, /英文页面/, `an English page says so: ${c.caption}`);
    if (!langs.has('en')) assert.doesNotMatch(c.caption, /英文页面/, `a Chinese page is not called English: ${c.caption}`);
  }
  // Recorded summaries: the rulebook's English, marked so and labelled a summary, with a rendering.
  const summaries = citations.filter((c) => c.summaryLang);
  assert.ok(summaries.length >= 1);
  for (const c of summaries) {
    assert.ok(quotes.has(c.summary), `the summary as recorded: ${c.summary}`);
    assert.equal(c.summaryLang, 'en', 'a recorded summary is marked as English');
    assert.equal(c.summaryLabel, '查阅页面时记录的摘要（英文）：');
    assert.match(c.rendering, /^参考译文（本顾问自译，仅供理解）：/);
  }
  // The disclosures and labels around them are in Chinese.
  assert.deepEqual(
    [...new Set(await page.locator('article.rec details > summary, article.rec :is(.why-label, .source-label)').evaluateAll((els) => els.map((e) => e.textContent.trim())))].sort(),
    ['为什么？', '出处'].sort(),
  );
  assertClean(seen);
});

test('switching the language changes the page, is remembered, and travels in links', async (t) => {
  const { page, seen } = await open(t, '#/need/cdn?hosting=outside');
  await waitForQuestion(page, 'cdn');
  assert.equal(await page.locator('#main-heading').innerText(), 'Will you use Alibaba Cloud CDN for it?');
  assert.ok((await strayEnglish(page)).length > 20, 'the check for English words sees them in English');
  await page.getByRole('button', { name: '中文' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.getElementById('main-heading')?.textContent));
  assert.match(await page.locator('#main-heading').innerText(), /CDN/);
  assert.equal(await page.getByRole('button', { name: 'English' }).count(), 1, 'the switch now offers English');
  assert.match(hashOf(page), /[?&]lang=zh-CN/, 'the address names the language');
  assert.match(await page.title(), /ICP备案顾问$/);
  // The answers stay: Back shows the earlier answer selected, in Chinese.
  await page.getByRole('link', { name: '上一步', exact: true }).click();
  await waitForQuestion(page, 'hosting');
  assert.equal(await page.locator('input[name="hosting"]:checked').getAttribute('value'), 'outside');

  // Remembered: a link without a language opens in Chinese in this browser…
  await page.goto(site.server.url + '#/faq');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('#main-heading').innerText(), 'ICP常见问题逐条解答');

  // …but a shared English link opens in English, even in a browser that prefers Chinese.
  const other = await newContext(site.browser, { locale: 'zh-CN' });
  t.after(() => other.close());
  const p2 = await other.newPage();
  await p2.goto(site.server.url + '#/need/cdn?hosting=outside&lang=en');
  await waitForApp(p2);
  await waitForQuestion(p2, 'cdn');
  assert.equal(await p2.locator('html').getAttribute('lang'), 'en');
  // And with no language in the link, the browser's language decides.
  await p2.goto(site.server.url + '#/');
  await p2.reload();
  await waitForApp(p2);
  assert.equal(await p2.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await p2.locator('#main-heading').innerText(), '您需要办理ICP备案吗？');
  assertClean(seen);
});
