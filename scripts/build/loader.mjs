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

/**
 * The loader's source. A debug build has one module (the whole app). A release page has two
 * (src/ui/handover.rs): the first module (Trunk's, `--features first-visit`: the start screen
 * and the questions) and the full module (the library's Wasm: everything). The head script
 * says which starts (`<html data-module>`: the full one for a result or the FAQ) and has
 * preloaded its files. Once the first screen is painted and the app runs, the loader fetches
 * and compiles the full module in the background with the reader's language's texts (then
 * registers the service worker, which caches them), so a result never waits on the network;
 * when the first module asks (`icpAdvisorHandOver`), it stops it and starts the full one.
 * index.html inlines only the first module's rules of the stylesheet (src/site.rs, page_css):
 * the full module starts once the whole stylesheet (`css`) is linked (<link data-full-css>)
 * and loaded.
 */
export function loaderSource({ bindings, wasm }, { serviceWorker, full, css }) {
  const failed =
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
    `const started = (wasm) => dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n`;
  const worker = serviceWorker
    ? `  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {\n` +
      `    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('ICP Filing Advisor: offline support unavailable', e));\n` +
      `  }\n`
    : '';
  if (!full) {
    // One module: the Wasm starts nothing by itself (the library's runs in other pages).
    return (
      `import init, { startApp } from './${bindings}';\n` +
      failed +
      `painted.then(() => init({ module_or_path: './${wasm}' })).then((wasm) => {\n` +
      `  startApp();\n` +
      `  started(wasm);\n` +
      `}).catch(unavailable);\n` +
      (worker ? `{\n${worker}}\n` : '')
    );
  }
  return (
    failed +
    `const html = document.documentElement;\n` +
    `let full;\n` +
    `/** The full module, fetched and compiled once (after a failure, the next call tries again). */\n` +
    `function loadFull() {\n` +
    `  full ??= import('./${full.bindings}').then(async (m) => ({ m, wasm: await m.default({ module_or_path: './${full.wasm}' }) }));\n` +
    `  return full.catch((e) => { full = undefined; throw e; });\n` +
    `}\n` +
    `/** The whole stylesheet, linked once: resolves when it is loaded, or could not be (the page goes on with the rules it has; the next call tries again). */\n` +
    `let sheet;\n` +
    `function fullCss() {\n` +
    `  return (sheet ??= new Promise((go) => {\n` +
    `    const l = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: './${css}' });\n` +
    `    l.onload = go;\n` +
    `    l.onerror = () => { l.remove(); sheet = undefined; go(); };\n` +
    `    setTimeout(go, 5000);\n` +
    `    l.dataset.fullCss = '';\n` +
    `    document.head.append(l);\n` +
    `  }));\n` +
    `}\n` +
    `/** … with the texts it needs of the language shown (a language that cannot come: the full module says so), and the whole stylesheet. */\n` +
    `const ready = () => loadFull().then(async (f) => {\n` +
    `  const lang = html.getAttribute('lang');\n` +
    `  if (lang) await f.m.loadLanguage(lang, './').catch(() => {});\n` +
    `  await fullCss();\n` +
    `  return f;\n` +
    `});\n` +
    // The service worker registers once the full module is here (or could not come): its
    // precache then does not compete with the one download a result waits for.
    `/** After the first screen: the full module in the background (<html data-full-ready> once it is here), then the service worker. */\n` +
    `function background() {\n` +
    `  ready().then(() => html.setAttribute('data-full-ready', ''), () => {}).then(() => {\n` +
    worker +
    `  });\n` +
    `}\n` +
    `const idle = (go) => requestAnimationFrame(() => (self.requestIdleCallback ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 50)));\n` +
    `if (html.getAttribute('data-module') === 'full') {\n` +
    `  const css = fullCss();\n` +
    `  painted.then(() => Promise.all([loadFull(), css])).then(([{ m, wasm }]) => {\n` +
    `    m.startApp();\n` +
    `    started(wasm);\n` +
    `    idle(background);\n` +
    `  }).catch(unavailable);\n` +
    `} else {\n` +
    `  painted.then(() => import('./${bindings}')).then(async (first) => {\n` +
    `    // Asked by the first module for a place it does not show: the full module takes over.\n` +
    `    globalThis.icpAdvisorHandOver = (record) => {\n` +
    `      ready().then(({ m }) => {\n` +
    `        first.stopApp();\n` +
    `        m.startApp(record);\n` +
    `      }, (e) => first.handOverFailed(String((e && e.message) || e)));\n` +
    `    };\n` +
    `    const wasm = await first.default({ module_or_path: './${wasm}' });\n` +
    `    first.startApp();\n` +
    `    started(wasm);\n` +
    `    idle(background);\n` +
    `  }).catch(unavailable);\n` +
    `}\n`
  );
}

/** Writes the loader file and points index.html at it; returns its name. */
export function externalizeLoader(html, code) {
  const name = `loader-${sha(code)}.js`;
  return { name, html: html.replace(INLINE, `<script type="module" src="./${name}"></script>`) };
}
