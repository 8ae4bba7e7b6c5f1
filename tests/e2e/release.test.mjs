// The release archives (scripts/release.sh, run by scripts/test.sh after the build): their
// contents and checksums, and the npm package installed into an empty folder, its
// <icp-advisor> element loaded from node_modules under a strict CSP, in Chinese, reporting its
// result through the event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, answer, waitForResult, STEP_TIMEOUT } from './harness.mjs';

const ARTIFACTS = path.join(ROOT, 'target', 'artifacts');
const VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const NAME = `icp-advisor-${VERSION}`;
const artifact = (ext) => path.join(ARTIFACTS, `${NAME}${ext}`);

before(() => {
  for (const ext of ['.zip', '.tar.gz', '.tgz']) {
    assert.ok(fs.existsSync(artifact(ext)), `${artifact(ext)} is missing: run scripts/release.sh --no-build after a release build`);
  }
});

test('SHA256SUMS lists the three artifacts with their checksums', () => {
  const sums = fs.readFileSync(path.join(ARTIFACTS, 'SHA256SUMS'), 'utf8').trim().split('\n');
  const listed = Object.fromEntries(sums.map((l) => l.split(/\s+\*?/).reverse()));
  for (const ext of ['.zip', '.tar.gz', '.tgz']) {
    const file = `${NAME}${ext}`;
    const digest = createHash('sha256').update(fs.readFileSync(artifact(ext))).digest('hex');
    assert.equal(listed[file], digest, `${file}: SHA256SUMS matches the file`);
  }
});

const EXPECTED = ['index.html', 'icp-advisor.html', 'icp-advisor.js', 'embed.js', 'faq.html', 'rules.html', 'csp.txt', 'sw.js', 'examples/element.html', 'examples/iframe.html', 'examples/mount.html'];

test('the zip and the tar.gz hold the site, the single-file edition and the examples in one folder', () => {
  const zipList = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', artifact('.zip')], { encoding: 'utf8' }).trim().split('\n');
  const tarList = execFileSync('tar', ['-tzf', artifact('.tar.gz')], { encoding: 'utf8' }).trim().split('\n');
  for (const [kind, list] of [['zip', zipList], ['tar.gz', tarList]]) {
    assert.ok(list.every((f) => f.startsWith(`${NAME}/`)), `${kind}: everything under ${NAME}/`);
    for (const f of EXPECTED) assert.ok(list.includes(`${NAME}/${f}`), `${kind} holds ${f}`);
    assert.ok(list.some((f) => /\/icp-advisor-web-[0-9a-f]+_bg\.wasm$/.test(f)), `${kind} holds the Wasm`);
    // The Chinese texts, one file per pack the page fetches (src/ui/handover.rs).
    for (const pack of ['first', 'rest']) {
      const re = new RegExp(`/texts\\.zh-CN\\.${pack}\\.[0-9a-f]+\\.txt$`);
      assert.ok(list.some((f) => re.test(f)), `${kind} holds the Chinese texts (${pack})`);
    }
  }
  assert.deepEqual([...zipList].sort(), [...tarList].filter((f) => !f.endsWith('/')).sort(), 'both archives hold the same files');
});

let server;
let browser;
let folder;
after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test('the npm package installs into an empty folder and its <icp-advisor> works from node_modules under a strict CSP', async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-advisor-npm-'));
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'docs-site', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', artifact('.tgz')], { cwd: folder, stdio: 'pipe' });
  const pkg = path.join(folder, 'node_modules', 'icp-advisor');
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.exports['.'], './icp-advisor.js', 'the package exports its element module');
  assert.ok(fs.existsSync(path.join(pkg, 'icp-advisor.js')));

  // A documentation page as a site generator writes it: the module from node_modules, the
  // element, and a listener in a script file of its own (strict CSP: no inline script).
  fs.writeFileSync(
    path.join(folder, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
<script type="module" src="./node_modules/icp-advisor/icp-advisor.js"></script>
<script type="module" src="./listen.js"></script></head>
<body><h1>Our docs</h1><icp-advisor flow="service-code" lang="zh-CN"></icp-advisor></body></html>`,
  );
  fs.writeFileSync(
    path.join(folder, 'listen.js'),
    `window.results = [];\ndocument.addEventListener('icp-advisor-result', (e) => window.results.push(e.detail));\n`,
  );
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
  server = await serve(folder, { headers: { 'Content-Security-Policy': csp } });
  browser = await launch();
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(server.url);
  const advisor = page.locator('icp-advisor');
  // The first question, in Chinese, styled by the package's stylesheet inside the shadow root.
  const form = advisor.locator('form:has(input[name="sc-server"])');
  await form.waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await advisor.locator('#main-heading, h1').first().innerText(), /[\u4e00-\u9fff]/, 'the question is in Chinese');
  const styled = await advisor.locator('button[type="submit"]').evaluate((b) => getComputedStyle(b).cursor);
  assert.equal(styled, 'pointer', "the app's stylesheet applies in the shadow root");
  await answer(advisor, 'sc-server', 'hong-kong');
  const outcome = await waitForResult(advisor);
  assert.match(outcome, /[\u4e00-\u9fff]/, 'the outcome is in Chinese');
  await page.waitForFunction(() => window.results.length > 0, null, { timeout: STEP_TIMEOUT });
  const advice = await page.evaluate(() => window.results.at(-1));
  assert.equal(advice.flow, 'service-code');
  assert.ok(advice.recommendations.some((r) => r.id === 'hong-kong-no-service-code'), 'the event carries the advice');
  assert.deepEqual(problems, [], 'no console errors (CSP violations included)');
});
