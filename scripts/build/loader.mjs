// Step "loader": moves Trunk's inline module loader into a file of its own (loader-<hash>.js),
// so index.html runs under a strict Content-Security-Policy. If the Wasm cannot start (no
// WebAssembly, or a file failed to load), the loader keeps the static first screen and marks
// <html data-app-failed>; the page's own markup (rendered by `icp-advisor site`, in every
// language) then shows the notice. Release builds also register the service worker. The
// loader's source is web/loader.js (release) or web/loader-debug.js (debug).
import { fail, fill, sha, webSource } from './util.mjs';

const INLINE = /<script type="module">([\s\S]*?)<\/script>/;

/** Finds the glue and Wasm names in Trunk's inline loader. */
export function trunkNames(html) {
  const match = html.match(INLINE);
  if (!match) fail('loader', "Trunk's inline loader script was not found in index.html");
  const bindings = (match[1].match(/from '\.\/([^']+\.js)'/) || [])[1];
  const wasm = (match[1].match(/module_or_path: '\.\/([^']+\.wasm)'/) || [])[1];
  if (!bindings || !wasm) fail('loader', 'cannot find the bindings and wasm names in the loader');
  return { bindings, wasm };
}

/**
 * The loader's source: web/loader-common.js, then web/loader-debug.js for a debug build (one module, the whole app), or
 * web/loader.js for a release page's two modules (src/ui/handover.rs; `full`: the library's
 * glue and Wasm, the full module) and its service worker; `css` is the whole stylesheet.
 */
export function loaderSource({ bindings, wasm }, { full, css }) {
  const common = webSource('loader-common.js');
  if (!full) return fill('loader', common + webSource('loader-debug.js'), { BINDINGS: bindings, WASM: wasm });
  return fill('loader', common + webSource('loader.js'), {
    BINDINGS: bindings,
    WASM: wasm,
    FULL_BINDINGS: full.bindings,
    FULL_WASM: full.wasm,
    CSS: css,
  });
}

/** Writes the loader file and points index.html at it; returns its name. */
export function externalizeLoader(html, code) {
  const name = `loader-${sha(code)}.js`;
  return { name, html: html.replace(INLINE, `<script type="module" src="./${name}"></script>`) };
}
