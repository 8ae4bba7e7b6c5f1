// Step "loader": moves Trunk's inline module loader into a file of its own (loader-<hash>.js),
// so index.html runs under a strict Content-Security-Policy. If the Wasm cannot start (no
// WebAssembly, or a file failed to load), the loader keeps the static first screen and marks
// <html data-app-failed>; the page's own markup (rendered by `icp-advisor site`, in every
// language) then shows the notice. Release builds also register the service worker.
import { sha, fail } from './util.mjs';

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

/** The loader's source. */
export function loaderSource({ bindings, wasm }, { serviceWorker }) {
  return (
    `import init, { startApp } from './${bindings}';\n` +
    `function unavailable(error) {\n` +
    `  console.error('ICP Filing Advisor: the app could not start', error);\n` +
    `  // A panic while starting has already shown the crash panel, which says what to do.\n` +
    `  if (document.querySelector('#app .crash')) return;\n` +
    `  document.documentElement.setAttribute('data-app-failed', '');\n` +
    `}\n` +
    // The first screen is in the page already: let it paint before the Wasm starts (its
    // download began with the preload links), and do not hold DOMContentLoaded for it (no
    // top-level await). A frame, or at most 100 ms where frames are throttled (a hidden
    // tab, an off-screen iframe).
    `const painted = new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 100); });\n` +
    // The Wasm starts nothing by itself (the library's runs in other pages): start the app.
    `painted.then(() => init({ module_or_path: './${wasm}' })).then((wasm) => {\n` +
    `  startApp();\n` +
    `  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n` +
    `}).catch(unavailable);\n` +
    (serviceWorker
      ? `if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {\n` +
        `  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('ICP Filing Advisor: offline support unavailable', e));\n` +
        `}\n`
      : '')
  );
}

/** Writes the loader file and points index.html at it; returns its name. */
export function externalizeLoader(html, code) {
  const name = `loader-${sha(code)}.js`;
  return { name, html: html.replace(INLINE, `<script type="module" src="./${name}"></script>`) };
}
