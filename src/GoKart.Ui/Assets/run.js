// A run: parameters, times, seed, requirements and dependents, outputs with previews and downloads, the task log.
'use strict';
(function (GK) {
  const stateBadge = (state) => GK.el('span', { class: 'badge state-' + state }, state);

  GK.runPage = async function (main, id) {
    const data = await GK.api('/api/runs/' + encodeURIComponent(id));
    const run = data.run;
    main.append(
      GK.el('h1', { id: 'run-title' }, run.task + '[' + run.id + ']'),
      GK.el('p', null, GK.link('/graph/' + encodeURIComponent(run.id), 'dependency graph', { id: 'graph-link' })),
      GK.el('table', { class: 'fields', id: 'run-fields' }, GK.el('tbody', null,
        field('type', run.type || '(not recorded)'),
        field('start', GK.time(run.start)),
        field('end', GK.time(run.end)),
        field('duration', GK.duration(run.seconds)),
        field('random seed', data.seed || ''))),
      GK.el('h2', null, 'Parameters'),
      GK.el('table', { class: 'grid', id: 'run-params' }, GK.el('tbody', null,
        run.parameters.length ? run.parameters.map(([k, v]) => GK.el('tr', null, GK.el('th', null, k), GK.el('td', { class: 'param-value' }, v)))
          : GK.el('tr', null, GK.el('td', { class: 'muted' }, '(none)')))),
      GK.el('h2', null, 'Requires'),
      links(data.requiresRecorded ? data.requires : null, 'run-requires', (r) => [r.name ? r.name + ': ' : '', r.found ? GK.link(GK.runHref(r.id), r.task + '[' + r.id.slice(0, 8) + ']') : r.task + '[' + r.id.slice(0, 8) + '] (no run log here)', ' ', stateBadge(r.state)]),
      GK.el('h2', null, 'Dependents'),
      links(data.dependents, 'run-dependents', (d) => [GK.link(GK.runHref(d.id), d.task + '[' + d.id.slice(0, 8) + ']'), ' ', stateBadge(d.state)]),
      GK.el('h2', null, 'Outputs'),
      GK.el('div', { id: 'run-outputs' }, data.outputs.map((o) => output(run.id, o))),
      GK.el('h2', null, 'Task log'),
      GK.el('table', { class: 'grid', id: 'run-log' }, GK.el('tbody', null,
        data.log.length ? data.log.map((l) => GK.el('tr', null, GK.el('td', { class: 'nowrap' }, GK.time(l.time)), GK.el('td', null, l.level), GK.el('td', { class: 'log-message' }, l.message)))
          : GK.el('tr', null, GK.el('td', { class: 'muted' }, '(empty)')))),
      GK.el('details', null, GK.el('summary', null, 'Module versions (' + data.modules.length + ')'), GK.el('pre', { id: 'run-modules' }, data.modules.join('\n'))));
  };

  function field(name, value) {
    return GK.el('tr', null, GK.el('th', null, name), GK.el('td', null, value));
  }

  function links(items, id, render) {
    if (items === null) return GK.el('p', { id, class: 'muted' }, '(not recorded by the build that wrote these logs)');
    if (!items.length) return GK.el('p', { id, class: 'muted' }, '(none)');
    return GK.el('ul', { id }, items.map((item) => GK.el('li', null, render(item))));
  }

  function output(runId, o) {
    const box = GK.el('section', { class: 'output', 'data-output': o.name },
      GK.el('h3', null, o.name + ' ', GK.el('span', { class: 'muted' }, o.location), ' ',
        o.exists ? GK.el('span', { class: 'muted' }, GK.size(o.size)) : GK.el('span', { class: 'badge state-missing' }, 'missing'), ' ',
        o.exists && o.path ? GK.el('a', { class: 'download', href: GK.fileHref('workspace', o.path, true) }, 'download') : ''));
    if (o.exists && o.path) {
      const preview = GK.el('div', { class: 'preview' }, GK.el('span', { class: 'muted' }, 'loading preview…'));
      box.appendChild(preview);
      GK.api('/api/runs/' + encodeURIComponent(runId) + '/outputs/' + encodeURIComponent(o.name) + '/preview').then((p) => {
        GK.clear(preview).appendChild(p.kind === 'image'
          ? GK.el('img', { class: 'preview-image', alt: o.name, src: GK.fileHref('workspace', p.path, false) })
          : GK.el('pre', { class: p.kind === 'error' ? 'preview-text error' : 'preview-text' }, p.text));
      }).catch((e) => { GK.clear(preview).appendChild(GK.el('p', { class: 'error' }, e.message)); });
    }
    return box;
  }
})(window.GK);
