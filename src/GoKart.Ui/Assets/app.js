// The router: one HTML shell for every page; the path picks what to draw.
'use strict';
(function (GK) {
  let stop = null;

  GK.route = function () {
    if (stop) { stop(); stop = null; }
    const main = document.getElementById('main');
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    const parts = path.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
    for (const a of document.querySelectorAll('header nav a')) a.classList.remove('active');
    const page = parts[0] || 'runs';
    const nav = document.getElementById('nav-' + (page === 'run' || page === 'graph' ? 'runs' : page));
    if (nav) nav.classList.add('active');
    GK.clear(main);
    let result;
    switch (page) {
      case 'run': result = GK.runPage(main, parts[1]); break;
      case 'graph': result = GK.graphPage(main, parts[1]); break;
      case 'experiments': result = GK.experimentsPage(main); break;
      case 'live': result = parts[1] ? GK.buildPage(main, parts[1]) : GK.buildsPage(main); break;
      default: result = GK.runsPage(main, params); break;
    }
    Promise.resolve(result).then((s) => { if (typeof s === 'function') stop = s; }).catch((e) => GK.error(main, e));
  };

  window.addEventListener('popstate', GK.route);
  for (const a of document.querySelectorAll('header nav a')) {
    a.addEventListener('click', (e) => { e.preventDefault(); GK.go(a.getAttribute('href')); });
  }
  GK.route();
})(window.GK);
