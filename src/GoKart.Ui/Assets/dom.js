// Small DOM helpers. Every text from the server goes in as a text node (never parsed as markup), so recorded
// parameters, log lines and experiment values always render as text.
'use strict';
window.GK = window.GK || {};

(function (GK) {
  const SVG = 'http://www.w3.org/2000/svg';

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
  }

  GK.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return append(node, children);
  };

  GK.svg = function (tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    return append(node, children);
  };

  GK.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  GK.api = async function (path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || (response.status + ' ' + response.statusText));
    return body;
  };

  GK.error = function (main, error) {
    GK.clear(main).appendChild(GK.el('p', { class: 'error', id: 'error' }, String(error.message || error)));
  };

  GK.go = function (href) {
    history.pushState(null, '', href);
    GK.route();
  };

  // In-page links: no reload, the router draws the page.
  GK.link = function (href, text, attrs) {
    return GK.el('a', Object.assign({ href, onclick: (e) => { if (e.button === 0 && !e.ctrlKey && !e.metaKey) { e.preventDefault(); GK.go(href); } } }, attrs || {}), text);
  };

  GK.runHref = (id) => '/run/' + encodeURIComponent(id);
  GK.fileHref = (root, path, download) =>
    '/api/file?root=' + encodeURIComponent(root) + '&path=' + encodeURIComponent(path) + (download ? '&download=1' : '');

  GK.time = function (text) {
    if (!text) return '';
    const d = new Date(text);
    if (isNaN(d)) return String(text);
    const pad = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  };

  GK.duration = function (seconds) {
    if (seconds === null || seconds === undefined) return '';
    if (seconds < 60) return seconds.toFixed(3) + 's';
    const m = Math.floor(seconds / 60);
    return m < 60 ? m + 'm ' + Math.round(seconds % 60) + 's' : Math.floor(m / 60) + 'h ' + (m % 60) + 'm';
  };

  GK.size = function (bytes) {
    if (bytes === null || bytes === undefined) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = bytes, i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
  };

  GK.parameters = (pairs) => pairs.map(([k, v]) => k + '=' + v).join(', ');

  GK.value = function (v) {
    if (v === null || v === undefined) return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
})(window.GK);
