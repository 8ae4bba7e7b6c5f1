// ICP Filing Advisor — optional helper for pages that embed the advisor in an iframe.
//
//   <iframe src="…/index.html?embed=1&flow=need" data-icp-advisor title="ICP Filing Advisor"></iframe>
//   <script src="…/embed.js" defer></script>
//
// The advisor posts { type: "icp-advisor:height", height: <number> } to its parent page
// whenever its content height changes. This helper resizes the iframe that sent it.
// Anything else — other message types, other frames, malformed values — is ignored.
(function () {
  'use strict';
  var MIN = 120;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'icp-advisor:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frames = document.querySelectorAll('iframe[data-icp-advisor]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, height))) + 'px';
        return;
      }
    }
  });
})();
