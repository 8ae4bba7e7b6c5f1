// The page's loader in a debug build (web/loader-debug.js, filled in by scripts/build/loader.mjs):
// one module, the whole app (a release page has two: web/loader.js).
import init, { startApp } from './__ICP_BINDINGS__';
// The Wasm starts nothing by itself (the library's runs in other pages).
painted.then(() => init({ module_or_path: './__ICP_WASM__' })).then((wasm) => {
  startApp();
  started(wasm);
}).catch(unavailable);
