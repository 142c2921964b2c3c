// The Runs page: the workspace index's table, filtered, sorted and paged on the server (100,000 runs stay quick).
'use strict';
(function (GK) {
  const PAGE = 50;
  const SORTS = [['end', 'end'], ['start', 'start'], ['task', 'task'], ['duration', 'duration'], ['size', 'size'], ['id', 'id']];

  function query(params) {
    const q = new URLSearchParams();
    for (const key of ['name', 'since', 'until', 'outputs', 'sort', 'desc', 'offset']) {
      const v = params.get(key);
      if (v) q.set(key, v);
    }
    for (const cond of (params.get('param') || '').split(/[\s,]+/)) if (cond) q.append('param', cond);
    q.set('limit', String(PAGE));
    return q;
  }

  GK.runsPage = async function (main, params) {
    if (!params.get('sort')) { params.set('sort', 'end'); params.set('desc', '1'); }
    const input = (id, key, placeholder, type) => GK.el('input', { id, name: key, type: type || 'text', placeholder, value: params.get(key) || '' });
    const sort = GK.el('select', { id: 'f-sort', name: 'sort' }, SORTS.map(([v, t]) => GK.el('option', { value: v, selected: params.get('sort') === v }, t)));
    const outputs = GK.el('select', { id: 'f-outputs', name: 'outputs' },
      [['', 'any outputs'], ['present', 'outputs present'], ['missing', 'outputs missing']].map(([v, t]) => GK.el('option', { value: v, selected: (params.get('outputs') || '') === v }, t)));
    const desc = GK.el('input', { id: 'f-desc', type: 'checkbox', name: 'desc', checked: params.get('desc') === '1' });
    const form = GK.el('form', { id: 'runs-filter', class: 'filters' },
      input('f-name', 'name', 'task name or glob'),
      input('f-param', 'param', 'lr=0.1 epochs>5'),
      GK.el('label', null, 'since ', input('f-since', 'since', '2026-12-01')),
      GK.el('label', null, 'until ', input('f-until', 'until', '2026-12-31T18:00')),
      outputs, sort, GK.el('label', null, desc, ' newest/largest first'),
      GK.el('button', { id: 'f-apply', type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      for (const [k, v] of new FormData(form).entries()) if (v) next.set(k, k === 'desc' ? '1' : v);
      GK.go('/runs?' + next.toString());
    });

    const count = GK.el('p', { id: 'runs-count', class: 'muted' }, 'loading…');
    const body = GK.el('tbody');
    const head = GK.el('tr', null, ['id', 'task', 'parameters', 'end', 'duration', 'size'].map((c) => {
      const key = c === 'end' || c === 'task' || c === 'duration' || c === 'size' || c === 'id' ? c : null;
      if (!key) return GK.el('th', null, c);
      return GK.el('th', { class: 'sortable' }, GK.link(sortHref(params, key), c + (params.get('sort') === key ? (params.get('desc') === '1' ? ' ▼' : ' ▲') : '')));
    }));
    const table = GK.el('table', { id: 'runs-table', class: 'grid' }, GK.el('thead', null, head), body);
    const pager = GK.el('div', { class: 'pager' });
    main.append(GK.el('h1', null, 'Runs'), form, count, table, pager);

    const data = await GK.api('/api/runs?' + query(params).toString());
    count.textContent = data.total + ' of ' + data.all + ' runs' + (data.problems ? ' (' + data.problems + ' log files could not be read)' : '');
    for (const run of data.runs) {
      body.appendChild(GK.el('tr', { class: 'run-row', 'data-id': run.id },
        GK.el('td', { class: 'mono' }, GK.link(GK.runHref(run.id), run.id.slice(0, 8), { class: 'run-link' })),
        GK.el('td', { title: run.type || '' }, run.task),
        GK.el('td', { class: 'params' }, GK.parameters(run.parameters)),
        GK.el('td', { class: 'nowrap' }, GK.time(run.end)),
        GK.el('td', { class: 'num' }, GK.duration(run.seconds)),
        GK.el('td', { class: 'num' }, run.outputsPresent ? GK.size(run.size) : 'missing')));
    }
    const offset = data.offset;
    const page = (o) => { const p = new URLSearchParams(params); p.set('offset', String(Math.max(0, o))); return '/runs?' + p.toString(); };
    pager.append(
      offset > 0 ? GK.link(page(offset - PAGE), '‹ previous', { id: 'prev' }) : '',
      ' ' + (data.total === 0 ? 0 : offset + 1) + '–' + (offset + data.runs.length) + ' ',
      offset + data.runs.length < data.total ? GK.link(page(offset + PAGE), 'next ›', { id: 'next' }) : '');
  };

  function sortHref(params, key) {
    const p = new URLSearchParams(params);
    const same = p.get('sort') === key;
    p.set('sort', key);
    if (same && p.get('desc') === '1') p.delete('desc'); else p.set('desc', '1');
    p.delete('offset');
    return '/runs?' + p.toString();
  }
})(window.GK);
