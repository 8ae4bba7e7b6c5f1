// The page's loader in a release build (web/loader.js, filled in by scripts/build/loader.mjs,
// then minified). A release page has two modules (src/ui/handover.rs): the first module
// (Trunk's, `--features first-visit`: the start screen and the questions) and the full module
// (the library's Wasm: everything). The head script says which starts (`<html data-module>`:
// the full one for a result or the FAQ) and has preloaded its files. Once the first screen is
// painted and the app runs, the loader fetches and compiles the full module in the background
// with the reader's language's texts (then registers the service worker, which caches them),
// so a result never waits on the network; when the first module asks (`icpAdvisorHandOver`),
// it stops it and starts the full one. index.html inlines only the first module's rules of the
// stylesheet (src/site/first_screens.rs, page_css): the full module starts once the whole
// stylesheet is linked (<link data-full-css>) and loaded.
const html = document.documentElement;
let full;
/** Whether the full module runs the page (opened at a result or the FAQ, or handed over to). */
let fullRuns = false;
/** The full module, fetched and compiled once (after a failure, the next call tries again). */
function loadFull() {
  full ??= import('./__ICP_FULL_BINDINGS__').then(async (m) => ({ m, wasm: await m.default({ module_or_path: './__ICP_FULL_WASM__' }) }));
  return full.catch((e) => { full = undefined; throw e; });
}
/** The whole stylesheet, linked once: resolves when it is loaded, or could not be (the page goes on with the rules it has; the next call tries again). */
let sheet;
function fullCss() {
  return (sheet ??= new Promise((go) => {
    const l = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: './__ICP_CSS__' });
    l.onload = go;
    l.onerror = () => { l.remove(); sheet = undefined; go(); };
    setTimeout(go, 5000);
    l.dataset.fullCss = '';
    document.head.append(l);
  }));
}
/** … with the texts it needs of the language shown (a language that cannot come: the full module says so), and the whole stylesheet. */
const ready = () => loadFull().then(async (f) => {
  const lang = html.getAttribute('lang');
  if (lang) await f.m.loadLanguage(lang, './').catch(() => {});
  await fullCss();
  return f;
});
/** After the first screen: the full module in the background, warmed up when the page is idle (it renders a result off the page, so a handover finds that code compiled: <html data-full-ready> once done), then the service worker. */
function background() {
  ready().then((f) => new Promise((go) => idle(() => {
    const warm = !fullRuns;
    if (warm) f.m.warmUp();
    html.setAttribute('data-full-ready', warm ? 'warmed' : '');
    go();
  })), () => {}).then(() => {
    // The service worker registers once the full module is here (or could not come): its
    // precache then does not compete with the one download a result waits for.
    if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
      navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('ICP Filing Advisor: offline support unavailable', e));
    }
  });
}
const idle = (go) => requestAnimationFrame(() => (self.requestIdleCallback ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 50)));
if (html.hasAttribute('data-away')) {
  // The head script sent the page to the embed mode's own page (head::EMBED_PAGE): nothing starts here.
} else if (html.getAttribute('data-module') === 'full') {
  const css = fullCss();
  painted.then(() => Promise.all([loadFull(), css])).then(([{ m, wasm }]) => {
    m.startApp();
    fullRuns = true;
    started(wasm);
    idle(background);
  }).catch(unavailable);
} else {
  // The first module (small, its Wasm preloaded) is imported and instantiated at once, while the
  // page paints (this script runs once the document is parsed, so it no longer competes with the
  // parser); it starts once the first screen is painted. (Measured: interactive about 30 ms
  // sooner, the paint no later. The no-op catch keeps a failure from being reported before the
  // chain below handles it.)
  const loaded = import('./__ICP_BINDINGS__').then(async (first) => ({ first, wasm: await first.default({ module_or_path: './__ICP_WASM__' }) }));
  loaded.catch(() => {});
  painted.then(() => loaded).then(({ first, wasm }) => {
    // Asked by the first module for a place it does not show: the full module takes over.
    globalThis.icpAdvisorHandOver = (record) => {
      ready().then(({ m }) => {
        first.stopApp();
        m.startApp(record);
        fullRuns = true;
      }, (e) => first.handOverFailed(String((e && e.message) || e)));
    };
    first.startApp();
    started(wasm);
    idle(background);
  }).catch(unavailable);
}
