// Checks the page's scripts in web/ as JavaScript (scripts/test.sh, hygiene stage; Node's
// standard library only, no build needed):
//
//   * every file of web/ is known here (a script or a module) and parses as one, as written
//     (its placeholders `__ICP_NAME__` are identifiers or sit inside strings);
//   * filled in by the build's own functions on a sample release (the loaders, the element and
//     the service worker by scripts/build/*.mjs; the head script's one placeholder, which
//     src/head.rs fills, by a sample configuration), it has no placeholder left and still
//     parses;
//   * the head script's pure functions (head::CORE, the reading of an address; head::SHOW,
//     which makes the chosen first screen) give the expected answers on a few cases.
//
// The minified head script is checked by `cargo test --lib site::js` (same tokens, parses).
//
//   node scripts/lint-js.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { PLACEHOLDER, ROOT, webSource } from './build/util.mjs';
import { loaderSource } from './build/loader.mjs';
import { librarySource } from './build/library.mjs';
import { serviceWorkerSource } from './build/service-worker.mjs';

const names = { bindings: 'icp-advisor-web-0123456789abcdef.js', wasm: 'icp-advisor-web-0123456789abcdef_bg.wasm' };
const full = { bindings: 'icp-advisor-lib-fedcba9876543210.js', wasm: 'icp-advisor-lib-fedcba9876543210_bg.wasm' };
const css = 'style-0123456789abcdef.css';

/** A sample of head::config: two languages, two flows, the real limits and option values. */
const CONFIG = {
  codes: ['en', 'zh-CN'],
  files: [[], ['texts.zh-CN.first.0123.txt', 'texts.zh-CN.rest.4567.txt']],
  modules: [names.wasm, full.wasm],
  keys: ['start:en', 'start:zh-CN', 'need:en', 'need:zh-CN', 'domain:en', 'domain:zh-CN'],
  flows: ['need', 'domain'],
  off: ['0', 'false'],
  source: 'en',
  max: 8192,
  pairs: 64,
  saved: 'icp-advisor:lang',
  away: null,
};

/** Each file of web/: whether it is a module, and its text as the build fills it in. */
const FILES = {
  'head.js': { module: false, filled: (src) => src.replace('__ICP_CONFIG__', () => JSON.stringify(CONFIG)) },
  'loader.js': { module: true, filled: () => loaderSource(names, { full, css }) },
  'loader-debug.js': { module: true, filled: () => loaderSource(names, { full: null, css }) },
  'loader-common.js': { module: true, filled: (src) => src },
  'element.js': { module: true, filled: () => librarySource({ ...full, css }) },
  'service-worker.js': {
    module: false,
    filled: () => serviceWorkerSource('0123456789abcdef', ['./', './index.html', './faq.html', `./${css}`]),
  },
};

const tmp = mkdtempSync(join(tmpdir(), 'icp-advisor-lint-js-'));
let failures = 0;
function check(what, fn) {
  try {
    fn();
    console.log(`ok   ${what}`);
  } catch (e) {
    failures++;
    console.error(`FAIL ${what}\n     ${String(e.message || e).split('\n').join('\n     ')}`);
  }
}

/** Throws unless `code` parses as a classic script or (`module`) an ES module. */
function parses(code, module, name) {
  if (!module) {
    new vm.Script(code, { filename: name });
    return;
  }
  const file = join(tmp, name.replace(/\.js$/, '.mjs'));
  writeFileSync(file, code);
  const run = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr.trim());
}

try {
  const found = readdirSync(join(ROOT, 'web')).sort();
  check('every file of web/ is known to this check', () => assert.deepEqual(found, Object.keys(FILES).sort()));
  for (const name of found.filter((n) => FILES[n])) {
    const { module, filled } = FILES[name];
    const src = webSource(name);
    check(`web/${name} parses as ${module ? 'a module' : 'a script'}`, () => parses(src, module, name));
    check(`web/${name} filled in: no placeholder left, and it parses`, () => {
      const out = filled(src);
      const left = out.match(PLACEHOLDER);
      assert.equal(left, null, `left unfilled: ${left}`);
      parses(out, module, `filled-${name}`);
    });
  }

  // The head script's pure functions, as head.rs cuts them out of web/head.js.
  const head = webSource('head.js');
  const part = (what) => {
    const m = new RegExp(`/\\* head::${what} begins \\*/([\\s\\S]*?)/\\* head::${what} ends \\*/`).exec(head);
    if (!m) throw new Error(`web/head.js has no head::${what} markers`);
    return new Function(`return ${m[1].trim()}`)();
  };
  check('head::CORE reads addresses as the app does', () => {
    const read = part('CORE');
    const cases = [
      // [hash, search, saved, languages] → the language, the first screen, embed, theme, full module
      [['', '', null, ['en-US']], { l: 'en', k: 'start:en', e: false, t: '', f: false }],
      [['#/?lang=zh-cn', '', 'en', ['en']], { l: 'zh-CN', k: 'start:zh-CN', e: false, t: '', f: false }],
      [['', '?embed=1&flow=need&theme=dark', null, ['fr']], { l: 'en', k: 'need:en', e: true, t: 'dark', f: false }],
      [['', '?embed=0&flow=need&theme=dark', null, []], { l: 'en', k: 'start:en', e: false, t: '', f: false }],
      [['', '?embed&flow=domain&lang=zh', null, []], { l: 'zh-CN', k: 'domain:zh-CN', e: true, t: '', f: false }],
      [['#/need/result?a=b', '', 'zh', []], { l: 'zh-CN', k: 'start:zh-CN', e: false, t: '', f: true }],
      [['#/faq', '?theme=light', null, []], { l: 'en', k: 'start:en', e: false, t: '', f: true }],
      // A broken escape is no language; `constructor` is just an unknown one.
      [['#/?lang=%E0%A4%A', '', null, ['zh-TW']], { l: 'zh-CN', k: 'start:zh-CN', e: false, t: '', f: false }],
      [['#/?lang=constructor', '?lang=__proto__', 'toString', []], { l: 'en', k: 'start:en', e: false, t: '', f: false }],
    ];
    for (const [args, want] of cases) assert.deepEqual(read(CONFIG, ...args), want, JSON.stringify(args));
  });
  check('head::SHOW makes the chosen first screen from its template, once', () => {
    const show = part('SHOW');
    const made = [];
    const template = (key) => {
      const t = {
        getAttribute: (a) => (a === 'data-screen' ? key : null),
        content: { cloneNode: (deep) => ({ copy: key, deep }) },
        parentNode: { insertBefore: (node, before) => made.push([node, before === t]) },
        remove: () => made.push(['removed', key]),
      };
      return t;
    };
    const d = {
      documentElement: { getAttribute: (a) => (a === 'data-first-screen' ? 'need:zh-CN' : null) },
      querySelectorAll: (sel) => (sel === 'template[data-screen]' ? ['start:zh-CN', 'need:zh-CN', 'need:en'].map(template) : []),
    };
    show(d);
    assert.deepEqual(made, [[{ copy: 'need:zh-CN', deep: true }, true], ['removed', 'need:zh-CN']]);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures) {
  console.error(`lint-js: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('lint-js: web/ is well-formed JavaScript');
