// The inline head script of index.html (src/head.rs fills in its configuration and minifies
// it; src/site writes it first in <head>, and the CSP allows it by the hash of those bytes).
// Before the Wasm runs, it reads the address as the app will — the language
// (`route::choose_lang`), the embed options (`route::EmbedOptions::parse`) and the first screen
// to show (`route::first_screen_key`) — shows that screen, preloads the language's texts, and
// turns a choice made on the static screen into the place the app opens at. It also chooses
// which of the page's two modules starts (`route::opens_in_full`: the first module, or for a
// result or the FAQ the full one; see `ui::handover`) and preloads its Wasm with the
// language's texts that module needs, so they download while the page is parsed.
//
// It is as careful as the Rust decoders: it looks nothing up on an object by a key from the
// address or from storage (only in lists the build wrote: `lang=constructor` is just an
// unknown language), never throws on a broken escape, and sets only values from those lists.
//
// Written for the build's minifier (src/site/js.rs), which drops comments and the spaces and
// line breaks between tokens: every statement ends with a semicolon (none with a line break
// alone), no template literals. Old browsers run it too: `var` and `function` only.
(function () {
  // The configuration (head::config, JSON: lists only): the language codes, each language's
  // texts files, the two modules' Wasm files, the first screens' keys, the flows, the values that
  // turn the embed mode off, the source language, the decoders' limits, the storage key, the
  // page of the embed mode's first questions when this one lacks them (or null).
  var C = __ICP_CONFIG__,
    // The reading of the address (head::CORE; tests/ui.rs runs it in the browser against the
    // Rust functions it follows): P(C, hash, search, saved, languages) returns the language
    // code `l`, the first screen `k`, whether the embed mode is on `e` and its theme `t` (''
    // for the default), and whether the page opens with its full module `f`.
    P = /* head::CORE begins */ function (C, hash, search, saved, langs) {
      // `s` cut to at most C.max bytes of UTF-8 (route::MAX_FRAGMENT), never within a character.
      function cut(s) {
        var n = 0, i = 0, c;
        for (; i < s.length; i++) {
          c = s.charCodeAt(i);
          n += c < 128 ? 1 : c < 2048 ? 2 : c >= 55296 && c < 56320 ? 4 : 3;
          if (n > C.max) break;
          if (c >= 55296 && c < 56320) i++;
        }
        return s.slice(0, i);
      }
      // A percent-decoded string, or null for a broken escape.
      function U(s) {
        try {
          return decodeURIComponent(s);
        } catch (_) {
          return null;
        }
      }
      // The language a tag names (Lang::parse): the code equal to it (ignoring ASCII case),
      // else the first code with its primary subtag; or null.
      function L(t) {
        if (typeof t !== 'string') return null;
        t = t.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
        var w = t.replace(/[A-Z]/g, function (c) {
            return c.toLowerCase();
          }),
          p = w.split(/[-_]/)[0],
          i;
        for (i = 0; i < C.codes.length; i++) if (C.codes[i].toLowerCase() === w) return C.codes[i];
        for (i = 0; p && i < C.codes.length; i++) if (C.codes[i].split(/[-_]/)[0].toLowerCase() === p) return C.codes[i];
        return null;
      }
      var x = cut(hash),
        q = x.indexOf('?'),
        tag = null,
        o = { e: false, f: null, l: null, t: '' };
      // The route's `lang` (the fragment's query).
      if (q >= 0)
        x.slice(q + 1).split('&').filter(Boolean).slice(0, C.pairs).some(function (s) {
          var e = s.indexOf('=');
          if (e < 1 || e === s.length - 1) return false;
          var k = U(s.slice(0, e)),
            v = U(s.slice(e + 1));
          if (k === 'lang' && v) {
            tag = v;
            return true;
          }
          return false;
        });
      // The embed options (the address's query).
      cut(search).replace(/^\?+/, '').split('&').slice(0, C.pairs).forEach(function (s) {
        var e = s.indexOf('='),
          k = U((e < 0 ? s : s.slice(0, e)).replace(/\+/g, ' ')),
          v = U((e < 0 ? '' : s.slice(e + 1)).replace(/\+/g, ' '));
        if (k === null || v === null) return;
        if (k === 'embed') o.e = C.off.indexOf(v) < 0;
        else if (k === 'flow') o.f = C.flows.indexOf(v) >= 0 ? v : null;
        else if (k === 'lang') o.l = L(v);
        else if (k === 'theme') o.t = v === 'light' || v === 'dark' ? v : '';
      });
      // The language: the route's, the embed option's, the saved one, the browser's, the source.
      var c = tag !== null ? L(tag) : null;
      if (!c) c = o.l;
      if (!c && saved != null) c = L(saved);
      for (var i = 0; !c && i < langs.length; i++) c = L(langs[i]);
      c = c || C.source;
      var bare = x.split('?')[0].replace(/^#*/, '').replace(/^\/*/, '') === '',
        g = x.split('?')[0].replace(/^#/, '').split('/').filter(Boolean).map(function (s) {
          var u = U(s);
          return u === null ? s : u;
        });
      return {
        l: c,
        k: o.e && o.f && bare ? o.f + ':' + c : 'start:' + c,
        e: o.e,
        t: o.e ? o.t : '',
        f: g[0] === 'faq' || g.length === 2 && g[1] === 'result'
      };
    } /* head::CORE ends */,
    // Makes the first screen the head script chose (`<html data-first-screen>`) from its inert
    // `<template data-screen>`, unless it is in the page already (the source language's start
    // screen is). index.html runs it at the end of #app (head::SHOW), once the templates are
    // parsed and before the first paint; the head script again when the address changes
    // before the app runs.
    W = /* head::SHOW begins */ function (d) {
      var k = d.documentElement.getAttribute('data-first-screen'),
        t = d.querySelectorAll('template[data-screen]'),
        i;
      for (i = 0; i < t.length; i++)
        if (t[i].getAttribute('data-screen') === k) {
          t[i].parentNode.insertBefore(t[i].content.cloneNode(true), t[i]);
          t[i].remove();
        }
    } /* head::SHOW ends */,
    d = document,
    h = d.documentElement,
    beside = !h.hasAttribute('data-single-file');
  // The saved language, if storage can be read.
  function S() {
    try {
      return localStorage.getItem(C.saved);
    } catch (_) {
      return null;
    }
  }
  // Preloads a file beside the page (once), as a fetch: a Wasm, a texts file. The modules'
  // JavaScript glue is not preloaded: the loader imports it once the page is parsed (the first
  // module's at once, to start it once painted), and a module preloaded while the page is parsed
  // held the first paint back (20 ms in bench loads) without bringing the app's start forward
  // (README, "Size and speed").
  function pre(f) {
    if (!d.querySelector('link[href="./' + f + '"]')) {
      var l = d.createElement('link');
      l.rel = 'preload';
      l.as = 'fetch';
      l.crossOrigin = 'anonymous';
      if (/\.wasm$/.test(f)) l.type = 'application/wasm';
      l.href = './' + f;
      d.head.appendChild(l);
    }
  }
  // The first screen shown (a key the build wrote, or the start screen), the module that
  // starts chosen (`data-module` on <html>, which the loader reads) and its Wasm preloaded
  // with the language's texts it needs.
  function pick() {
    var n = navigator.languages,
      r = P(C, location.hash, location.search, S(), n && n.length ? n : [navigator.language]),
      k = C.keys.indexOf(r.k) >= 0 ? r.k : 'start:' + C.source;
    // The embed mode's first questions are in a page of their own (`C.away`, head::EMBED_PAGE),
    // so that a normal visit does not download them: an address in the embed mode that names a
    // flow goes there, query and fragment kept, before anything is painted or started (the
    // loader starts nothing on a page marked `data-away`). Not from the single-file edition,
    // which has no page beside it.
    if (beside && C.away && r.e && k !== r.k) {
      h.setAttribute('data-away', '');
      h.style.display = 'none';
      location.replace(C.away + location.search + location.hash);
      return;
    }
    if (r.e) {
      h.classList.add('embed');
      if (r.t) {
        h.setAttribute('data-theme', r.t);
        h.classList.add('transparent');
      }
    }
    h.setAttribute('data-first-screen', k);
    h.setAttribute('lang', r.l);
    if (d.readyState !== 'loading') W(d);
    if (!beside) return;
    if (!h.hasAttribute('data-module')) {
      h.setAttribute('data-module', r.f ? 'full' : 'first');
      pre(C.modules[r.f ? 1 : 0]);
    }
    var t = C.files[C.codes.indexOf(r.l)] || [],
      full = h.getAttribute('data-module') === 'full';
    for (var i = 0; i < t.length && (full || i < 1); i++) pre(t[i]);
  }
  pick();
  addEventListener('hashchange', function () {
    if (!h.hasAttribute('data-app-ready') && !h.hasAttribute('data-pending')) pick();
  });
  // Until the app runs: Start (or a first answer) on the static screen becomes the place the
  // app opens at.
  d.addEventListener('submit', function (ev) {
    var f = ev.target,
      p = f.closest && f.closest('[data-prerendered]');
    if (!p || h.hasAttribute('data-app-ready')) return;
    ev.preventDefault();
    var c = f.querySelector('input:checked');
    if (!c) return;
    var s = (p.getAttribute('data-first-screen') || '').split(':'),
      g = s[1] ? 'lang=' + s[1] : '';
    location.hash = c.name === 'flow' ? '#/' + c.value + (g ? '?' + g : '') : '#/' + s[0] + '?' + c.name + '=' + c.value + (g ? '&' + g : '');
    h.setAttribute('data-pending', '');
  }, true);
  // … and a link within the screen (the skip link) moves the focus instead of the address.
  d.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('[data-prerendered] a[href^="#"]:not([href^="#/"])'),
      t = a && d.getElementById(a.getAttribute('href').slice(1));
    t = t && (t.querySelector('h1') || t);
    if (t) {
      ev.preventDefault();
      t.focus();
    }
  }, true);
})();
