// The first screen written into the page (src/prerender.rs): show the reader's language; for an
// embedded piece, nothing; for a link to another scenario, the layout with its numbers hidden
// until the simulator has them. Keys that leave the default scenario's numbers as they are:
// v=3, ck, lang, target.
(function () {
  var root = document.getElementById('prerender');
  if (!root) return;
  var lang = 'zh';
  var other = false;
  var pairs = location.hash.replace(/^#/, '').split('&');
  for (var i = 0; i < pairs.length; i++) {
    if (!pairs[i]) continue;
    var at = pairs[i].indexOf('=');
    var key = at < 0 ? pairs[i] : pairs[i].slice(0, at);
    var value = at < 0 ? '' : pairs[i].slice(at + 1);
    if (key === 'embed') { root.parentNode.removeChild(root); return; }
    if (key === 'lang') { if (value === 'en') lang = 'en'; continue; }
    if (key === 'ck' || key === 'target' || (key === 'v' && value === '3')) continue;
    other = true;
  }
  var shown = root.querySelectorAll('[data-prerender-lang]');
  for (var k = 0; k < shown.length; k++) shown[k].hidden = shown[k].getAttribute('data-prerender-lang') !== lang;
  if (lang === 'en') document.documentElement.lang = 'en';
  if (other) root.className = 'prerender-other';
})();
