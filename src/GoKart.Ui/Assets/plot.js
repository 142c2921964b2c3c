// Scatter and line plots in SVG: axes with ticks, one colour per series, a legend. Our own code, no library.
'use strict';
(function (GK) {
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const W = 640, H = 360, L = 60, R = 150, T = 20, B = 44;

  function ticks(min, max) {
    if (min === max) return [min];
    const step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
    const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (max - min) / s <= 6) || step * 10;
    const out = [];
    for (let v = Math.ceil(min / nice) * nice; v <= max + nice * 1e-9; v += nice) out.push(Number(v.toPrecision(12)));
    return out;
  }

  // series: [{ name, points: [[x, y], ...], line: bool }]; options: { id, xLabel, yLabel, xNames (category names for x) }
  GK.plot = function (series, options) {
    const all = series.flatMap((s) => s.points);
    const svg = GK.svg('svg', { id: options.id, class: 'plot', viewBox: `0 0 ${W} ${H}`, width: W, height: H });
    if (!all.length) {
      svg.appendChild(GK.svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'muted' }, 'no numeric values to plot'));
      return svg;
    }
    let [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    let [y0, y1] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    if (x0 === x1) { x0 -= 1; x1 += 1; }
    if (y0 === y1) { y0 -= Math.abs(y0) * 0.1 || 1; y1 += Math.abs(y1) * 0.1 || 1; }
    // A margin of 5% so that points at the extremes are not drawn on the axes.
    const mx = (x1 - x0) * 0.05, my = (y1 - y0) * 0.05;
    if (!options.xNames) { x0 -= mx; x1 += mx; }
    else { x0 -= 0.5; x1 += 0.5; }
    y0 -= my; y1 += my;
    const sx = (x) => L + (x - x0) / (x1 - x0) * (W - L - R);
    const sy = (y) => H - B - (y - y0) / (y1 - y0) * (H - T - B);
    const axes = GK.svg('g', { class: 'axes' },
      GK.svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B }),
      GK.svg('line', { x1: L, y1: T, x2: L, y2: H - B }),
      GK.svg('text', { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle' }, options.xLabel || ''),
      GK.svg('text', { x: 14, y: (T + H - B) / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${(T + H - B) / 2})` }, options.yLabel || ''));
    for (const t of options.xNames ? options.xNames.map((_, i) => i) : ticks(x0 + mx, x1 - mx)) {
      axes.append(GK.svg('line', { x1: sx(t), y1: H - B, x2: sx(t), y2: H - B + 4 }),
        GK.svg('text', { x: sx(t), y: H - B + 16, 'text-anchor': 'middle' }, options.xNames ? options.xNames[t] : String(t)));
    }
    for (const t of ticks(y0 + my, y1 - my)) {
      axes.append(GK.svg('line', { x1: L - 4, y1: sy(t), x2: L, y2: sy(t) }),
        GK.svg('text', { x: L - 6, y: sy(t) + 4, 'text-anchor': 'end' }, String(t)));
    }
    svg.appendChild(axes);
    series.forEach((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const g = GK.svg('g', { class: 'series', 'data-name': s.name });
      if (s.line && s.points.length > 1) {
        g.appendChild(GK.svg('polyline', { class: 'line', fill: 'none', stroke: colour, points: s.points.map((p) => sx(p[0]) + ',' + sy(p[1])).join(' ') }));
      }
      for (const p of s.points) {
        g.appendChild(GK.svg('circle', { class: 'point', cx: sx(p[0]), cy: sy(p[1]), r: 3.5, fill: colour },
          GK.svg('title', null, s.name + ': (' + (options.xNames ? options.xNames[p[0]] : p[0]) + ', ' + p[1] + ')')));
      }
      svg.appendChild(g);
      svg.appendChild(GK.svg('text', { class: 'legend-entry', x: W - R + 10, y: T + 14 + i * 16, fill: colour }, s.name.length > 22 ? s.name.slice(0, 21) + '…' : s.name));
    });
    return svg;
  };
})(window.GK);
