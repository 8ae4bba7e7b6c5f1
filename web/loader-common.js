// What both loaders start with (scripts/build/loader.mjs puts it before web/loader.js or
// web/loader-debug.js): the page's failure mark, the first paint, the started event.
function unavailable(error) {
  console.error('ICP Filing Advisor: the app could not start', error);
  // A panic while starting has already shown the crash panel, which says what to do.
  if (document.querySelector('#app .crash')) return;
  document.documentElement.setAttribute('data-app-failed', '');
}
// The first screen is in the page already: let it paint before the Wasm starts (its download
// began with the preload links), and do not hold DOMContentLoaded for it (no top-level await).
// A frame, or at most 100 ms where frames are throttled (a hidden tab, an off-screen iframe).
const painted = new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 100); });
const started = (wasm) => dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
