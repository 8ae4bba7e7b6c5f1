// Step "library": icp-advisor.js, the stable entry for the JS API, `mount()` and the
// <icp-advisor> element; it loads the hashed glue and Wasm beside it.
//
// The page's release Wasm leaves the JS API out (cargo feature `library`, about 10 KB brotli
// of a first visit); release builds make the library's own Wasm here, from the same crate with
// that feature, the same tools and the same wasm-opt settings index.html gives Trunk. Debug
// builds (`trunk serve`) have the JS API in the page's Wasm, and icp-advisor.js loads that.
// Its source is web/element.js.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shrinkNames } from '../shrink.mjs';
import { fail, fill, minify, sha, webSource } from './util.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NAME = 'icp-advisor-lib';
/** What the library's glue must export (src/js_api.rs; startApp: ui::start_app, for the single file). */
const API = ['evaluate', 'questions', 'checkDomain', 'loadLanguage', 'version', 'mount', 'startApp'];

/** wasm-opt's arguments as index.html gives them to Trunk (data-wasm-opt, data-wasm-opt-params). */
function wasmOptArgs(html) {
  const tag = (html.match(/<link[^>]*data-trunk[^>]*rel="rust"[^>]*>/s) || [])[0];
  if (!tag) fail('library', 'index.html has no <link data-trunk rel="rust">');
  const level = (tag.match(/data-wasm-opt="([^"]*)"/) || [])[1];
  const params = (tag.match(/data-wasm-opt-params="([^"]*)"/) || [])[1] || '';
  if (!level) fail('library', 'the rust link in index.html has no data-wasm-opt');
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/**
 * Builds the library's Wasm (release, `--features library`) and writes its glue and Wasm under
 * content-hashed names. Returns their names and the renamed, unminified glue.
 */
export async function buildLibrary(site) {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['build', '--quiet', '--offline', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'icp-advisor-web', '--features', 'library']);
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  const tmp = mkdtempSync(join(tmpdir(), 'icp-advisor-lib-'));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', NAME, join(target, 'wasm32-unknown-unknown', 'release', 'icp-advisor-web.wasm')]);
    run('wasm-opt', [...wasmOptArgs(readFileSync(join(ROOT, 'index.html'), 'utf8')), join(tmp, `${NAME}_bg.wasm`), '-o', join(tmp, 'opt.wasm')]);
    const js = readFileSync(join(tmp, `${NAME}.js`), 'utf8');
    const missing = API.filter((name) => !new RegExp(`^export function ${name}\\(`, 'm').test(js));
    if (missing.length) fail('library', `the library's Wasm does not export ${missing.join(', ')}`);
    const shrunk = shrinkNames(readFileSync(join(tmp, 'opt.wasm')), js);
    const hash = sha(Buffer.concat([Buffer.from(shrunk.wasm), Buffer.from(shrunk.js)]));
    const names = { bindings: `${NAME}-${hash}.js`, wasm: `${NAME}-${hash}_bg.wasm` };
    site.write(names.wasm, shrunk.wasm);
    site.write(names.bindings, await minify(shrunk.js));
    return { ...names, glue: shrunk.js };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The host page's theme detection, shared with embed.js (static/embed.js is its one source:
 * the lines between `// host-theme: begin` and `// host-theme: end`).
 */
export function hostThemeSource() {
  const embed = readFileSync(join(ROOT, 'static', 'embed.js'), 'utf8');
  const m = /\/\/ host-theme: begin[^\n]*\n([\s\S]*?)\n\s*\/\/ host-theme: end/.exec(embed);
  if (!m) fail('library', 'static/embed.js has no "host-theme: begin … end" block');
  return m[1].replace(/^ {2}/gm, '');
}

/** icp-advisor.js: web/element.js, filled in with the glue, Wasm and stylesheet it loads. */
export function librarySource({ bindings, wasm, css }) {
  return fill('library', webSource('element.js'), {
    BINDINGS: bindings,
    WASM: wasm,
    CSS: css,
    HOST_THEME: hostThemeSource(),
  });
}
