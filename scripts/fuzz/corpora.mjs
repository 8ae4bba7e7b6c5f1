// The fuzz corpora of issue 21, run against the real things and counted (scripts/fuzz.sh runs
// this after the property tests; it asserts as it goes, and prints what it tried and found):
//
//   cli        fuzzed answers JSON through the CLI binary: exit 0 or 2, one line, no panic
//   js-api     the same inputs through the built library (dist/icp-advisor.js) in Chromium, as
//              text and as the object JSON.parse makes: the CLI's message, word for word
//   links      fuzzed share links (and tests/fixtures/links.txt) opening dist/index.html: the
//              app starts, no crash panel, no script error, no injected markup, a known language
//   storage    fuzzed saved places, languages, lenses and releases in localStorage: the same
//   rulebooks  mutated copies of rules/ through `icp-advisor check`: exit 0, 1 or 2, a
//              `file:line:` message when refused, within the time limit, no panic
//
// usage: node scripts/fuzz/corpora.mjs CLI_BINARY [seed]   (sizes: FUZZ_CLI, FUZZ_LINKS,
// FUZZ_STORAGE, FUZZ_RULEBOOKS; the dist/ of a release build must exist)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, serve, launch, waitForApp } from '../../tests/e2e/harness.mjs';

const CLI = path.resolve(process.argv[2] || path.join(ROOT, 'target', 'release', 'icp-advisor'));
let state = BigInt(process.argv[3] || 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
const SIZES = {
  cli: Number(process.env.FUZZ_CLI || 2000),
  links: Number(process.env.FUZZ_LINKS || 600),
  storage: Number(process.env.FUZZ_STORAGE || 300),
  rulebooks: Number(process.env.FUZZ_RULEBOOKS || 200),
};

/** xorshift64: the same sequence for the same seed. */
function next() {
  state ^= (state << 13n) & 0xffffffffffffffffn;
  state ^= state >> 7n;
  state ^= (state << 17n) & 0xffffffffffffffffn;
  return state;
}
const below = (n) => Number(next() % BigInt(Math.max(1, n)));
const pick = (items) => items[below(items.length)];

const failures = [];
function fail(corpus, what) {
  failures.push(`${corpus}: ${what}`);
  if (failures.length <= 30) console.error(`FAIL ${corpus}: ${what}`);
}

// ───────────────────────────── answers (cli, js-api) ─────────────────────────────

const KEYS = ['hosting', 'cdn', 'access', 'sc-server', 'num-topic', 'num-update', 'flow', 'answers', 'hostng', '', '__proto__',
  'constructor', 'toString', '1', '10', 'zzz', 'Hosting', '中文', '\\u0068osting', '\\ud800', '<img src=x onerror=alert(1)>'];
const VALUES = ['"outside"', '"none"', '"hong-kong"', '"mainland-ecs"', '"moon"', '""', '"need"', '"service-code"', '5', '-0.5e3',
  'null', 'true', '[]', '["none"]', '{}', '{"a":1}', '1e999', '"\\u0000"'];
const SEEDS = [
  '{"flow":"need","answers":{"hosting":"outside","cdn":"none"}}',
  '{"hosting":"mainland-ecs","access":"domain"}',
  '{"sc-server":"none"}',
  '{"flow":"icp-number","answers":{"num-topic":"validity","num-update":"nothing"}}',
];

function answersInput() {
  let t = pick(SEEDS);
  for (let m = 0, n = 1 + below(3); m < n; m++) {
    const at = below(t.length + 1);
    switch (below(10)) {
      case 0: t = t.slice(0, at); break;
      case 1: t = t.slice(0, at) + pick(['{', '}', '[', ']', ',', ':', '"', '\\', 'x', ' ']) + t.slice(at); break;
      case 2: t = '\ufeff' + t; break;
      case 3: t = t.replace(pick(['"outside"', '"none"', '"need"', '"validity"']), pick(VALUES)); break;
      case 4: t = t.replace(pick(['"hosting"', '"cdn"', '"flow"', '"answers"', '"sc-server"']), `"${pick(KEYS)}"`); break;
      case 5: t = t.replace('{', `{"${pick(KEYS)}":${pick(VALUES)},`); break;
      case 6: t = t.replace('}', `,"${pick(KEYS)}":${pick(VALUES)}}`); break;
      case 7: t = t.replace('{"hosting"', '{"hosting":"outside","hosting"'); break;
      case 8: t = '['.repeat(below(3) * 70) + t + ']'.repeat(below(3) * 70); break;
      default: t = t.replace('"answers":{', `"answers":{"${pick(['1', '2', 'aaa', 'zzz'])}":${pick(VALUES)},`);
    }
  }
  return t;
}

function cliSays(input) {
  const r = spawnSync(CLI, ['evaluate', '-'], { input, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, err: r.stderr.trim(), signal: r.signal };
}

async function answersCorpora(browser, server) {
  const inputs = Array.from({ length: SIZES.cli }, answersInput);
  const said = inputs.map((input) => {
    const s = cliSays(input);
    if (s.signal || ![0, 2].includes(s.code)) fail('cli', `exit ${s.code} ${s.signal ?? ''} on ${JSON.stringify(input)}`);
    else if (s.code === 2 && (s.err.split('\n').length !== 1 || !s.err.startsWith('icp-advisor: error: '))) fail('cli', `not one line: ${JSON.stringify(s.err)}`);
    return s;
  });
  const refused = said.filter((s) => s.code === 2).length;
  const messages = new Set(said.filter((s) => s.code === 2).map((s) => s.err.replace(/"[^"]*"/g, '"…"')));
  console.log(`cli: ${inputs.length} inputs, ${inputs.length - refused} accepted, ${refused} refused with ${messages.size} kinds of message, ${failures.length} failures`);

  const page = await browser.newPage();
  await page.goto(server.url + 'examples/element.html');
  const js = await page.evaluate(async (inputs) => {
    const api = await import(new URL('../icp-advisor.js', document.baseURI).href);
    const out = [];
    for (const input of inputs) {
      const one = async (arg) => {
        try {
          await api.evaluate(arg);
          return null;
        } catch (e) {
          return e instanceof Error ? e.message : `not an Error: ${String(e)}`;
        }
      };
      let parsed;
      try {
        parsed = JSON.parse(input);
      } catch {
        parsed = undefined;
      }
      out.push([await one(input), parsed !== undefined && typeof parsed !== 'string' ? await one(parsed) : undefined]);
    }
    return out;
  }, inputs);
  let same = 0, objects = 0, objectSame = 0;
  inputs.forEach((input, i) => {
    const cli = said[i].code === 2 ? said[i].err.replace(/^icp-advisor: error: /, '') : null;
    const [text, object] = js[i];
    if (text === cli) same += 1;
    else fail('js-api', `text ${JSON.stringify(input)}: JS ${JSON.stringify(text)}, CLI ${JSON.stringify(cli)}`);
    // The object JSON.parse makes is the same JSON only where the CLI's reader accepts the
    // text as JSON (JSON.parse keeps the last of a repeated key, takes lone surrogates).
    if (object !== undefined && !/not valid JSON|given a second time|levels deep/.test(cli ?? '')) {
      objects += 1;
      if (object === cli) objectSame += 1;
      else fail('js-api', `object ${JSON.stringify(input)}: JS ${JSON.stringify(object)}, CLI ${JSON.stringify(cli)}`);
    }
  });
  console.log(`js-api: ${inputs.length} texts, the CLI's message for ${same}; ${objects} objects, the CLI's message for ${objectSame}`);
  await page.close();
}

// ───────────────────────────── links, storage ─────────────────────────────

const LINK_WORDS = ['#', '/', '?', '&', '=', 'lang', 'lang=', 'zh-CN', 'zh', 'en', 'constructor', '__proto__', 'toString', '%2D',
  '%E0%A4', '%', '+', 'need', 'service-code', 'icp-number', 'result', 'faq', 'faq/', 'hosting', 'outside', 'hong-kong', 'cdn',
  'none', 'lens', 'faq', 'change', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'é', '😀', 'sc-server'];

function link() {
  if (below(3) === 0) return Array.from({ length: below(10) }, () => pick(LINK_WORDS)).join('');
  const flow = pick(['need', 'service-code', 'icp-number', 'faq', '', 'nope', 'constructor']);
  const place = pick(['', '/result', '/hosting', '/cdn/change', '/sc-server', '/__proto__']);
  const pairs = Array.from({ length: below(8) }, () =>
    pick([`${pick(['hosting', 'cdn', 'access', 'sc-server', 'num-topic', 'lang', 'lens', 'x'])}=${pick(['outside', 'hong%2Dkong', 'none', 'domain', 'zh-CN', 'faq', 'constructor', '%zz', ''])}`, pick(LINK_WORDS)]),
  );
  return `#/${flow}${place}?${pairs.join('&')}`;
}

async function loadChecked(page, url, corpus, what) {
  const errors = [];
  const onError = (e) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    await page.goto(url);
    await waitForApp(page, 20_000);
    const found = await page.evaluate(() => ({
      crash: !!document.querySelector('#app .crash'),
      lang: document.documentElement.lang,
      heading: !!document.querySelector('#main-heading'),
      injected: document.querySelectorAll('#app script, #app img[onerror], #app [onload], #app iframe').length,
      notices: document.querySelectorAll('.notice li').length,
    }));
    if (found.crash) fail(corpus, `crash panel on ${what}`);
    if (!['en', 'zh-CN'].includes(found.lang)) fail(corpus, `<html lang="${found.lang}"> on ${what}`);
    if (!found.heading) fail(corpus, `no screen on ${what}`);
    if (found.injected) fail(corpus, `injected markup on ${what}`);
    for (const e of errors) fail(corpus, `script error "${e}" on ${what}`);
    return found;
  } catch (e) {
    fail(corpus, `${e.message.split('\n')[0]} on ${what}`);
    return { notices: 0 };
  } finally {
    page.off('pageerror', onError);
  }
}

async function linkCorpus(browser, server) {
  const listed = fs
    .readFileSync(path.join(ROOT, 'tests', 'fixtures', 'links.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('# '))
    .map((l) => {
      const [f, q] = l.includes(' ?') ? l.split(' ?') : [l, ''];
      return { hash: f === '-' ? '' : f, query: q ? `&${q}` : '' };
    });
  const links = [...listed, ...Array.from({ length: SIZES.links }, () => ({ hash: link(), query: '' }))];
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let notices = 0, withNotice = 0;
  for (const [i, { hash, query }] of links.entries()) {
    const before = failures.length;
    const found = await loadChecked(page, `${server.url}?fuzz=${i}${query}${hash}`, 'links', JSON.stringify(query + hash));
    notices += found.notices;
    if (found.notices) withNotice += 1;
    if (failures.length > before && failures.length > 30) break;
  }
  await context.close();
  console.log(`links: ${links.length} (${listed.length} from tests/fixtures/links.txt), ${withNotice} with a notice (${notices} notices)`);
}

async function storageCorpus(browser, server) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url + '#/need/result?hosting=outside&cdn=none');
  await waitForApp(page);
  const good = await page.evaluate(() => localStorage.getItem('icp-advisor:place:need'));
  const version = Number(/^v(\d+)\|/.exec(good)[1]);
  const value = () =>
    pick([
      () => `v${pick([version, version - 1, version + 1, 0, 4294967296, -1])}|${link()}`,
      () => good.slice(0, below(good.length + 1)),
      () => good.replace('outside', pick(['moon', '%E0', '', 'hong-kong'])),
      () => Array.from({ length: below(6) }, () => pick(LINK_WORDS)).join(''),
      () => '\u0000\uffff' + pick(LINK_WORDS),
    ])();
  const keys = ['icp-advisor:place:need', 'icp-advisor:place:service-code', 'icp-advisor:place:icp-number', 'icp-advisor:place',
    'icp-advisor:lang', 'icp-advisor:lens', 'icp-advisor:release'];
  let messages = 0;
  for (let i = 0; i < SIZES.storage; i++) {
    const values = Object.fromEntries(keys.filter(() => below(2)).map((k) => [k, value()]));
    await page.evaluate((values) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    }, values);
    const found = await loadChecked(page, `${server.url}?fuzz=${i}${pick(['', '#/need?hosting=outside', '#/?lang=zh-CN'])}`, 'storage', JSON.stringify(values));
    messages += found.notices;
    if (failures.length > 30) break;
  }
  await context.close();
  console.log(`storage: ${SIZES.storage} sets of saved values, ${messages} notices shown`);
}

// ───────────────────────────── rulebook copies ─────────────────────────────

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

function rulebookFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => /\.(toml|lock)$/.test(f));
}

function mutateRulebook(dir) {
  const file = path.join(dir, pick(rulebookFiles(dir)));
  let lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = below(lines.length);
  const words = lines.join(' ').split(/[^A-Za-z0-9_-]+/).filter(Boolean);
  switch (below(9)) {
    case 0: lines.splice(at, 1); break;
    case 1: lines.splice(at, 0, lines[at]); break;
    case 2: lines[at] = lines[at].replace(/[A-Za-z0-9_-]+/, pick(words)); break;
    case 3: lines[at] = lines[at].replace(/when = "/, `when = "${'not '.repeat(below(2) ? 40 : 20000)}`).replace(/ask_if = "/, `ask_if = "${'('.repeat(5000)}`); break;
    case 4: lines[at] = lines[at].replace(/"[^"]*"/, '""'); break;
    case 5: lines.splice(at, 0, pick(['include = ["../x.toml"]', '[[question]]', 'version = 99', '[define]', 'x = 1', '"', '[[rule]]\nid = "r"\nflow = "need"\nwhen = "hosting = outside"\nthen = ["nope"]'])); break;
    case 6: lines = lines.slice(0, at); break;
    case 7: { const j = below(lines.length); [lines[at], lines[j]] = [lines[j], lines[at]]; break; }
    default: lines[at] = lines[at].replace(/= "([a-z-]+)"/, `= "${pick(words)}"`);
  }
  fs.writeFileSync(file, lines.join('\n'));
}

function rulebookCorpus() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-fuzz-rules-'));
  const counts = { 0: 0, 1: 0, 2: 0 };
  let slowest = 0, placed = 0, invalid = 0;
  try {
    for (let i = 0; i < SIZES.rulebooks; i++) {
      const dir = path.join(base, String(i));
      copyDir(path.join(ROOT, 'rules'), dir);
      for (let m = 0, n = 1 + below(2); m < n; m++) mutateRulebook(dir);
      const start = Date.now();
      const r = spawnSync(CLI, ['check', dir], { encoding: 'utf8', timeout: 60_000 });
      slowest = Math.max(slowest, Date.now() - start);
      if (r.signal || ![0, 1, 2].includes(r.status)) fail('rulebooks', `exit ${r.status} ${r.signal ?? ''} on copy ${i}`);
      else counts[r.status] += 1;
      const refused = /the rulebook is invalid: (.*)/.exec(r.stderr);
      if (refused) {
        invalid += 1;
        if (/^[^:]+:\d+: /.test(refused[1].replace(dir, 'DIR'))) placed += 1;
        else fail('rulebooks', `no file:line in ${JSON.stringify(refused[1])}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  console.log(`rulebooks: ${SIZES.rulebooks} mutated copies checked: exit 0 ${counts[0]}, 1 ${counts[1]}, 2 ${counts[2]}; ${invalid} refused, ${placed} of them naming file:line; slowest ${slowest} ms`);
}

// ─────────────────────────────────────────────────────────────────────────────

async function main() {
  if (!fs.existsSync(CLI)) throw new Error(`no CLI binary at ${CLI}`);
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no release build in ${DIST}`);
  rulebookCorpus();
  const server = await serve(DIST);
  const browser = await launch();
  try {
    await answersCorpora(browser, server);
    await linkCorpus(browser, server);
    await storageCorpus(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(failures.length ? `FAILED: ${failures.length} failures` : 'corpora: no failure');
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
