// ICP Filing Advisor — optional helper for pages that embed the advisor in an iframe.
//
//   <iframe data-src="…/embed.html?embed=1&flow=need" data-icp-advisor title="ICP Filing Advisor"></iframe>
//   <script src="…/embed.js" defer></script>
//
// embed.html is the advisor's page with the embed mode's first questions prerendered; the older
// address …/index.html?embed=1&flow=need still works (its head script goes on to embed.html).
// With `data-src` the frame loads once, when this script gives it its address; with `src` it
// also works without this script, but loads twice (the address gains `host=`). Frames added
// later (a documentation site's client-side navigation) are set up as they arrive.
//
// * Height: the advisor posts { type: "icp-advisor:height", height: <number> } to its parent
//   page whenever its content height changes (down as well as up); this resizes the iframe that
//   sent it, as tall as its content (no cap: nothing is ever cut off). Anything else — other
//   message types, other frames, malformed values — is ignored.
// * Theme: each frame's `color-scheme` follows this page's theme (see hostTheme below); the
//   browser passes it on to the frame's `prefers-color-scheme`, which the advisor (theme=auto)
//   follows, also when the page switches theme. No message goes into the frame.
// * Warnings: { type: "icp-advisor:warning", option, value, used } (the address asked for a
//   language the advisor does not have) becomes a console warning and an
//   `icp-advisor-warning` event on the iframe (it bubbles), detail { option, value, used, message }.
// * Share links: it tells each advisor this page's address (the `host` option), so that "Copy
//   share link" copies a link to this page, ending in `#icp-advisor=<the advisor's place>`; when
//   this page is opened with such a link, the first advisor opens at that place.
(function () {
  'use strict';
  if (typeof document === 'undefined' || typeof window === 'undefined') return;
  var MIN = 120;
  var KEY = '#icp-advisor=';
  var SELECTOR = 'iframe[data-icp-advisor]';
  var place = location.hash.indexOf(KEY) === 0 ? location.hash.slice(KEY.length) : '';
  var first = true;
  var ready = typeof WeakSet === 'function' ? new WeakSet() : { has: function () { return false; }, add: function () {} };

  // host-theme: begin (shared with icp-advisor.js, which scripts/build/library.mjs copies it into)
  /**
   * The theme of the page around `el`: 'light' or 'dark'. In order: the page's own theme
   * switch (`<html data-theme>`: Docusaurus, Starlight; `data-md-color-scheme`: MkDocs
   * Material, `slate` dark and `default` light; `<html class="dark">`: VitePress), then the
   * `color-scheme` in effect where `el` sits when it names one scheme only, then the
   * background painted behind `el`, and only when the page says nothing the reader's
   * preference (`prefers-color-scheme`).
   */
  function hostTheme(d, w, el) {
    var h = d.documentElement;
    var b = d.body;
    var named = function (v) {
      v = String(v || '').trim().toLowerCase();
      return v === 'dark' || v === 'light' ? v : '';
    };
    var theme = named(h.getAttribute('data-theme'));
    if (theme) return theme;
    var md = (b && b.getAttribute('data-md-color-scheme')) || h.getAttribute('data-md-color-scheme');
    if (md === 'slate') return 'dark';
    if (md === 'default') return 'light';
    if (h.classList.contains('dark')) return 'dark';
    if (h.classList.contains('light')) return 'light';
    var style = function (node, prop) {
      try {
        return w.getComputedStyle(node)[prop] || '';
      } catch (e) {
        return '';
      }
    };
    var around = (el && el.parentElement) || b || h;
    var scheme = style(around, 'colorScheme');
    var dark = /\bdark\b/.test(scheme);
    var light = /\blight\b/.test(scheme);
    if (dark !== light) return dark ? 'dark' : 'light';
    for (var node = around; node && node.nodeType === 1; node = node.parentElement || (node.getRootNode && node.getRootNode().host)) {
      var c = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/.exec(style(node, 'backgroundColor'));
      if (!c) continue;
      var alpha = c[4] === undefined ? 1 : c[4].slice(-1) === '%' ? parseFloat(c[4]) / 100 : parseFloat(c[4]);
      if (alpha < 0.5) continue;
      var lin = function (v) {
        v = v / 255;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      };
      // Relative luminance; below 0.18 white text reads better than black: a dark page.
      return 0.2126 * lin(+c[1]) + 0.7152 * lin(+c[2]) + 0.0722 * lin(+c[3]) < 0.18 ? 'dark' : 'light';
    }
    return w.matchMedia && w.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** Calls `f` whenever the page may have switched theme; returns a function that stops it. */
  function watchTheme(d, w, f) {
    var ATTRS = ['class', 'style', 'data-theme', 'data-md-color-scheme'];
    var body = null;
    var observer = new w.MutationObserver(function () {
      if (d.body !== body) {
        body = d.body;
        if (body) observer.observe(body, { attributes: true, attributeFilter: ATTRS });
      }
      f();
    });
    observer.observe(d.documentElement, { attributes: true, attributeFilter: ATTRS, childList: true });
    body = d.body;
    if (body) observer.observe(body, { attributes: true, attributeFilter: ATTRS });
    var query = w.matchMedia ? w.matchMedia('(prefers-color-scheme: dark)') : null;
    if (query && query.addEventListener) query.addEventListener('change', f);
    return function () {
      observer.disconnect();
      if (query && query.removeEventListener) query.removeEventListener('change', f);
    };
  }
  // host-theme: end

  /** The theme a frame's address names (`theme=light|dark`), if any. */
  function namedTheme(src) {
    var m = /[?&]theme=(light|dark)(?:&|#|$)/.exec(src);
    return m ? m[1] : '';
  }

  function theme(frame) {
    var src = frame.getAttribute('src') || frame.getAttribute('data-src') || '';
    // A named theme: the frame's colour scheme matches it, so its transparent background works.
    frame.style.colorScheme = namedTheme(src) || hostTheme(document, window, frame);
  }

  function setUp(frame) {
    if (ready.has(frame)) return;
    ready.add(frame);
    theme(frame);
    var src = frame.getAttribute('data-src') || frame.getAttribute('src') || '';
    var isFirst = first;
    first = false;
    if (!src || src.indexOf('host=') >= 0) return;
    var page = location.href.split('#')[0];
    var base = src.split('#')[0];
    var sep = base.indexOf('?') >= 0 ? '&' : '?';
    var decoded = '';
    try {
      decoded = decodeURIComponent(place);
    } catch (e) {
      decoded = '';
    }
    var fragment = isFirst && /^\/[a-z0-9/?=&-]*$/i.test(decoded) ? '#' + decoded : src.split('#')[1] ? '#' + src.split('#')[1] : '';
    frame.setAttribute('src', base + sep + 'host=' + encodeURIComponent(page) + fragment);
  }

  function setUpAll() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) setUp(frames[i]);
  }

  setUpAll();
  // Frames a documentation site's client-side navigation adds later.
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].addedNodes.length) return setUpAll();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  watchTheme(document, window, function () {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) theme(frames[i]);
  });

  /** The advisor frame that sent a message, if any. */
  function sender(event) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'icp-advisor:height') {
      var height = data.height;
      if (typeof height !== 'number' || !isFinite(height)) return;
      var frame = sender(event);
      if (frame) frame.style.height = Math.round(Math.max(MIN, height)) + 'px';
    } else if (data.type === 'icp-advisor:warning') {
      var text = function (v) {
        return typeof v === 'string' ? v.slice(0, 100) : null;
      };
      var from = sender(event);
      if (!from || text(data.option) === null || text(data.value) === null) return;
      var detail = { option: text(data.option), value: text(data.value), used: text(data.used) };
      detail.message = 'unknown ' + (detail.option === 'lang' ? 'language' : detail.option) + ' "' + detail.value + '"' + (detail.used ? ': using ' + detail.used : '');
      if (typeof console !== 'undefined') console.warn('ICP Filing Advisor (iframe):', detail.message);
      var warning;
      try {
        warning = new CustomEvent('icp-advisor-warning', { bubbles: true, detail: detail });
      } catch (e) {
        return;
      }
      from.dispatchEvent(warning);
    }
  });
})();
