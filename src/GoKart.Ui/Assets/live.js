// Live builds: the journals under <workspace>/.gokart/builds, newest first; one build's graph with live states,
// counts and an ETA, polled every 500 ms until the build ends.
'use strict';
(function (GK) {
  const STATES = ['pending', 'running', 'done', 'failed', 'complete'];

  GK.buildsPage = async function (main) {
    const data = await GK.api('/api/builds');
    main.appendChild(GK.el('h1', null, 'Builds'));
    if (!data.builds.length) {
      main.appendChild(GK.el('p', { class: 'muted', id: 'no-builds' }, 'No build journals yet: run a build with --ui (or BuildOptions) to follow it here.'));
      return;
    }
    main.appendChild(GK.el('table', { id: 'builds-table', class: 'grid' },
      GK.el('thead', null, GK.el('tr', null, ['build', 'started', 'status', 'host', 'tasks'].map((c) => GK.el('th', null, c)), STATES.map((s) => GK.el('th', null, s)))),
      GK.el('tbody', null, data.builds.map((b) => GK.el('tr', { 'data-id': b.id },
        GK.el('td', { class: 'mono' }, GK.link('/live/' + encodeURIComponent(b.id), b.id, { class: 'build-link' })),
        GK.el('td', { class: 'nowrap' }, GK.time(b.started)), GK.el('td', null, GK.el('span', { class: 'badge build-' + b.status }, b.status)),
        GK.el('td', null, b.host || ''), GK.el('td', { class: 'num' }, b.total),
        STATES.map((s) => GK.el('td', { class: 'num' }, b.counts[s])))))));
  };

  GK.buildPage = async function (main, id) {
    const status = GK.el('span', { id: 'build-status', class: 'badge' });
    const counts = GK.el('p', { id: 'build-counts' });
    const eta = GK.el('p', { id: 'build-eta', class: 'muted' });
    const failures = GK.el('ul', { id: 'build-failures', class: 'error' });
    const box = GK.el('div', { class: 'graph-box' });
    main.append(GK.el('h1', null, 'Build ', GK.el('span', { class: 'mono' }, id), ' ', status), counts, eta, GK.legend(STATES), box, failures);
    let drawn = null, timer = null, stopped = false;

    const tick = async () => {
      let data;
      try { data = await GK.api('/api/builds/' + encodeURIComponent(id)); } catch (e) { eta.textContent = e.message; schedule(); return; }
      if (stopped) return;
      status.textContent = data.status;
      status.className = 'badge build-' + data.status;
      counts.textContent = STATES.map((s) => s + ' ' + data.counts[s]).join(' · ') + ' · total ' + data.total;
      eta.textContent = data.status === 'running'
        ? (data.eta === null ? 'ETA: after the first task finishes' : 'ETA: ' + GK.duration(data.eta) + ' (mean task time × remaining ÷ ' + data.workers + ' workers)')
        : 'ended ' + GK.time(data.ended);
      if (drawn && drawn.sameShape(data.graph)) drawn.update(data.graph);
      else { GK.clear(box); drawn = GK.drawGraph(box, data.graph); }
      GK.clear(failures).append(...data.tasks.filter((t) => t.state === 'failed').map((t) => GK.el('li', null, t.task + '[' + t.id.slice(0, 8) + ']: ' + (t.error || 'failed'))));
      if (data.status === 'running') schedule();
    };
    const schedule = () => { if (!stopped) timer = setTimeout(tick, 500); };
    await tick();
    return () => { stopped = true; clearTimeout(timer); };
  };
})(window.GK);
