// Dependency graphs drawn in SVG from the server's layered layout (requirements left, the asked-for task right),
// with zoom (wheel), pan (drag) and a click on a node opening its run. Our own code, no library.
'use strict';
(function (GK) {
  const NODE_W = 220, NODE_H = 26;

  // Draws into container; returns { update(graph) } to recolour nodes in place (live builds keep zoom and pan).
  GK.drawGraph = function (container, graph) {
    const pad = 20;
    // A small graph is not blown up: the view is at least about a screen's worth of layout units.
    const view = { x: -pad, y: -pad, w: Math.max(graph.width, 1200) + pad, h: Math.max(graph.height, 500) + pad };
    const root = GK.svg('svg', { id: 'graph', class: 'graph', role: 'img', 'aria-label': 'dependency graph' });
    const edges = GK.svg('g', { class: 'edges' });
    const nodes = GK.svg('g', { class: 'nodes' });
    root.append(edges, nodes);
    const byKey = new Map();
    for (const n of graph.nodes) byKey.set(n.key, n);
    for (const [from, to] of graph.edges) {
      const a = byKey.get(from), b = byKey.get(to);
      if (!a || !b) continue;
      const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2, mx = (x1 + x2) / 2;
      edges.appendChild(GK.svg('path', { class: 'edge', d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}` }));
    }
    const shapes = new Map();
    for (const n of graph.nodes) {
      const label = n.count > 1 ? n.task + ' ×' + n.count : n.task;
      const rect = GK.svg('rect', { class: 'state-' + n.state, width: NODE_W, height: NODE_H, rx: 5 });
      const title = GK.svg('title', null, label + ' (' + n.state + ')' + (n.run ? ' ' + n.run : ''));
      const g = GK.svg('g', { class: 'node' + (n.count > 1 ? ' group' : ''), 'data-key': n.key, 'data-state': n.state, transform: `translate(${n.x},${n.y})` },
        rect, GK.svg('text', { x: 8, y: 17 }, label.length > 30 ? label.slice(0, 29) + '…' : label), title);
      if (n.run) {
        g.classList.add('clickable');
        g.addEventListener('click', () => GK.go(GK.runHref(n.run)));
      }
      shapes.set(n.key, { g, rect, title, label });
      nodes.appendChild(g);
    }

    const apply = () => root.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    apply();
    root.addEventListener('wheel', (e) => {
      e.preventDefault();
      const box = root.getBoundingClientRect();
      const fx = (e.clientX - box.left) / box.width, fy = (e.clientY - box.top) / box.height;
      const k = e.deltaY > 0 ? 1.15 : 1 / 1.15;
      const w = view.w * k, h = view.h * k;
      view.x += (view.w - w) * fx; view.y += (view.h - h) * fy; view.w = w; view.h = h;
      apply();
    }, { passive: false });
    let drag = null;
    root.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false }; });
    root.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const box = root.getBoundingClientRect();
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.x = drag.vx - dx * view.w / box.width; view.y = drag.vy - dy * view.h / box.height;
      apply();
    });
    root.addEventListener('pointerup', () => { drag = null; });
    root.addEventListener('pointerleave', () => { drag = null; });
    container.appendChild(root);

    return {
      update(next) {
        for (const n of next.nodes) {
          const s = shapes.get(n.key);
          if (!s) continue;
          s.rect.setAttribute('class', 'state-' + n.state);
          s.g.setAttribute('data-state', n.state);
          s.title.textContent = s.label + ' (' + n.state + ')';
        }
      },
      sameShape(next) { return next.nodes.length === graph.nodes.length && next.nodes.every((n) => shapes.has(n.key)); },
    };
  };

  GK.legend = function (states) {
    return GK.el('p', { class: 'legend' }, states.map((s) => [GK.el('span', { class: 'badge state-' + s }, s), ' ']));
  };

  GK.graphPage = async function (main, id) {
    const [run, graph] = await Promise.all([GK.api('/api/runs/' + encodeURIComponent(id)), GK.api('/api/runs/' + encodeURIComponent(id) + '/graph')]);
    const tasks = graph.nodes.reduce((sum, n) => sum + n.count, 0);
    main.append(
      GK.el('h1', null, 'Graph of ', GK.link(GK.runHref(run.run.id), run.run.task + '[' + run.run.id.slice(0, 8) + ']')),
      GK.el('p', { class: 'muted', id: 'graph-summary' }, tasks + ' tasks, ' + graph.nodes.length + ' nodes (same-class siblings past 20 collapse into one). Wheel to zoom, drag to pan, click a task to open its run.'),
      GK.legend(['complete', 'missing', 'failed', 'unknown']));
    const box = GK.el('div', { class: 'graph-box' });
    main.appendChild(box);
    GK.drawGraph(box, graph);
  };
})(window.GK);
