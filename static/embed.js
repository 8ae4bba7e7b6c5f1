// ICP Filing Advisor — optional helper for pages that embed the advisor in an iframe.
//
//   <iframe data-src="…/index.html?embed=1&flow=need" data-icp-advisor title="ICP Filing Advisor"></iframe>
//   <script src="…/embed.js" defer></script>
//
// With `data-src` the frame loads once, when this script gives it its address; with `src` it
// also works without this script, but loads twice (the address gains `host=`).
//
// * Height: the advisor posts { type: "icp-advisor:height", height: <number> } to its parent
//   page whenever its content height changes (down as well as up); this resizes the iframe that
//   sent it. Anything else — other message types, other frames, malformed values — is ignored.
// * Share links: it tells each advisor this page's address (the `host` option), so that "Copy
//   share link" copies a link to this page, ending in `#icp-advisor=<the advisor's place>`; when
//   this page is opened with such a link, the first advisor opens at that place.
(function () {
  'use strict';
  var MIN = 120;
  var MAX = 20000;
  var KEY = '#icp-advisor=';
  var frames = document.querySelectorAll('iframe[data-icp-advisor]');
  var page = location.href.split('#')[0];
  var place = location.hash.indexOf(KEY) === 0 ? location.hash.slice(KEY.length) : '';
  for (var i = 0; i < frames.length; i++) {
    var src = frames[i].getAttribute('data-src') || frames[i].getAttribute('src') || '';
    if (!src || src.indexOf('host=') >= 0) continue;
    var base = src.split('#')[0];
    var sep = base.indexOf('?') >= 0 ? '&' : '?';
    var fragment = i === 0 && /^\/[a-z0-9/?=&-]*$/i.test(decodeURIComponent(place)) ? '#' + decodeURIComponent(place) : (src.split('#')[1] ? '#' + src.split('#')[1] : '');
    frames[i].setAttribute('src', base + sep + 'host=' + encodeURIComponent(page) + fragment);
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'icp-advisor:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, height))) + 'px';
        return;
      }
    }
  });
})();
