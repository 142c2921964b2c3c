// Experiments: the `gokart experiments` table; compare picked runs side by side (differences highlighted); a summary
// value plotted against an argument; metric curves (metrics.jsonl) of several runs overlaid.
'use strict';
(function (GK) {
  const num = (v) => (typeof v === 'number' ? v : (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : null));

  GK.experimentsPage = async function (main) {
    const data = await GK.api('/api/experiments');
    main.appendChild(GK.el('h1', null, 'Experiments'));
    if (!data.directory) {
      main.appendChild(GK.el('p', { class: 'muted', id: 'no-experiments' }, 'No experiments folder: start gokart ui with --experiments DIR.'));
      return;
    }
    const list = data.experiments;
    const picked = new Set();
    const argNames = [...new Set(list.flatMap((e) => Object.keys(e.args)))].sort();
    const body = GK.el('tbody');
    for (const e of list) {
      const box = GK.el('input', { type: 'checkbox', class: 'pick', 'data-id': e.id, onchange: (ev) => { if (ev.target.checked) picked.add(e.id); else picked.delete(e.id); } });
      body.appendChild(GK.el('tr', { 'data-id': e.id },
        GK.el('td', null, box), GK.el('td', { class: 'mono' }, e.id), GK.el('td', null, GK.el('span', { class: 'badge status-' + e.status }, e.status)),
        GK.el('td', { class: 'nowrap' }, GK.time(e.start)), GK.el('td', null, e.description || ''),
        data.varying.map((a) => GK.el('td', { class: 'num' }, GK.value(e.args[a]))),
        data.summaryKeys.map((k) => GK.el('td', { class: 'num' }, GK.value(e.summary[k])))));
    }
    const head = GK.el('tr', null, GK.el('th'), GK.el('th', null, 'id'), GK.el('th', null, 'status'), GK.el('th', null, 'start'), GK.el('th', null, 'description'),
      data.varying.map((a) => GK.el('th', null, 'args.' + a)), data.summaryKeys.map((k) => GK.el('th', null, 'summary.' + k)));
    const chosen = () => (picked.size ? list.filter((e) => picked.has(e.id)) : list);

    const compareBox = GK.el('div', { id: 'compare' });
    const plotBox = GK.el('div', { id: 'summary-plot-box' });
    const curveBox = GK.el('div', { id: 'metric-plot-box' });
    const xSelect = GK.el('select', { id: 'plot-x' }, argNames.map((a) => GK.el('option', { value: a, selected: data.varying[0] === a }, 'args.' + a)));
    const ySelect = GK.el('select', { id: 'plot-y' }, data.summaryKeys.map((k) => GK.el('option', { value: k }, 'summary.' + k)));
    const metricSelect = GK.el('select', { id: 'metric' });
    const drawSummary = () => GK.clear(plotBox).appendChild(summaryPlot(chosen(), xSelect.value, ySelect.value));
    const drawCurves = () => curves(curveBox, metricSelect, chosen().filter((e) => e.metrics));
    xSelect.addEventListener('change', drawSummary);
    ySelect.addEventListener('change', drawSummary);
    metricSelect.addEventListener('change', drawCurves);

    main.append(
      GK.el('p', { class: 'muted' }, list.length + ' experiments in ' + data.directory + (data.problems.length ? '; unreadable: ' + data.problems.join('; ') : '')),
      GK.el('table', { id: 'experiments-table', class: 'grid' }, GK.el('thead', null, head), body),
      GK.el('p', null, 'Tick experiments to compare and plot (none ticked: all). ',
        GK.el('button', { id: 'compare-button', type: 'button', onclick: () => compare(compareBox, chosen()) }, 'Compare'), ' ',
        GK.el('button', { id: 'plot-button', type: 'button', onclick: () => { drawSummary(); drawCurves(); } }, 'Plot')),
      compareBox,
      GK.el('h2', null, 'Summary against an argument'), GK.el('p', null, ySelect, ' against ', xSelect), plotBox,
      GK.el('h2', null, 'Metric curves'), GK.el('p', null, metricSelect), curveBox);
    drawSummary();
    drawCurves();
  };

  function compare(box, experiments) {
    const rows = [['status', (e) => e.status], ['description', (e) => e.description || ''], ['start', (e) => GK.time(e.start)], ['sha', (e) => e.sha || '']];
    for (const a of [...new Set(experiments.flatMap((e) => Object.keys(e.args)))].sort()) rows.push(['args.' + a, (e) => GK.value(e.args[a])]);
    for (const k of [...new Set(experiments.flatMap((e) => Object.keys(e.summary)))].sort()) rows.push(['summary.' + k, (e) => GK.value(e.summary[k])]);
    const body = GK.el('tbody', null, rows.map(([name, get]) => {
      const values = experiments.map(get);
      const differs = new Set(values).size > 1;
      return GK.el('tr', { class: differs ? 'diff' : null }, GK.el('th', null, name), values.map((v) => GK.el('td', null, v)));
    }));
    GK.clear(box).append(GK.el('h2', null, 'Comparison'),
      GK.el('table', { id: 'compare-table', class: 'grid' }, GK.el('thead', null, GK.el('tr', null, GK.el('th'), experiments.map((e) => GK.el('th', null, e.id)))), body));
  }

  function summaryPlot(experiments, arg, key) {
    const xs = experiments.map((e) => e.args[arg]);
    const numeric = xs.every((x) => x === undefined || x === null || num(x) !== null);
    const names = numeric ? null : [...new Set(xs.filter((x) => x !== undefined).map(GK.value))].sort();
    const points = [];
    for (const e of experiments) {
      const y = num(e.summary[key]);
      const raw = e.args[arg];
      if (y === null || raw === undefined || raw === null) continue;
      points.push([numeric ? num(raw) : names.indexOf(GK.value(raw)), y]);
    }
    points.sort((a, b) => a[0] - b[0]);
    return GK.plot([{ name: 'summary.' + key, points, line: false }], { id: 'summary-plot', xLabel: 'args.' + arg, yLabel: 'summary.' + key, xNames: names });
  }

  async function curves(box, select, experiments) {
    const loaded = await Promise.all(experiments.map((e) => GK.api('/api/experiments/' + encodeURIComponent(e.id) + '/metrics')));
    const metrics = [...new Set(loaded.flatMap((m) => Object.keys(m.series)))].sort();
    const current = metrics.includes(select.value) ? select.value : metrics[0];
    GK.clear(select).append(...metrics.map((m) => GK.el('option', { value: m, selected: m === current }, m)));
    const series = loaded.filter((m) => current && m.series[current]).map((m) => ({ name: m.id, points: m.series[current], line: true }));
    GK.clear(box).appendChild(metrics.length
      ? GK.plot(series, { id: 'metric-plot', xLabel: 'step', yLabel: current })
      : GK.el('p', { class: 'muted' }, 'No metric curves (Experiment.Log writes metrics.jsonl).'));
  }
})(window.GK);
