/**
 * The page script, part 1: shared state and helpers. The script is plain ES2020 (no framework, no
 * build) and builds every element with `h()`, which sets text, never HTML.
 */
export const SCRIPT_BASE = String.raw`
'use strict';
var BASE = '/__emulator/dashboard/';
var MAX_ROWS = 500;
var state = {
  meta: null, exchanges: [], users: [], keys: [], armed: [], totals: null,
  minted: null, tab: 'json', detailId: null, reveal: false
};

function $(id) { return document.getElementById(id); }

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
  el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

function h(tag, attrs) {
  var el = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    var value = attrs[key];
    if (value === null || value === undefined || value === false) return;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  });
  for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
  return el;
}

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

function api(method, path, body) {
  var init = { method: method, headers: {} };
  if (method !== 'GET') { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body || {}); }
  return fetch(BASE + path, init).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (json) {
      if (!response.ok) throw new Error(json.error || ('HTTP ' + response.status));
      return json;
    });
  });
}

function toast(message, bad) {
  var el = h('div', { class: 'toast' + (bad ? ' bad' : ''), role: bad ? 'alert' : 'status', text: message });
  $('toasts').appendChild(el);
  setTimeout(function () { el.remove(); }, bad ? 6000 : 2600);
}

function failed(error) { toast(error && error.message ? error.message : String(error), true); }

function pad(n, width) { return String(n).padStart(width || 2, '0'); }

function clock(ms) {
  var d = new Date(ms);
  return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
}

function dateTime(ms) {
  var d = new Date(ms);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}

function relative(ms) {
  var seconds = Math.round((ms - Date.now()) / 1000);
  var abs = Math.abs(seconds);
  var units = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  for (var i = 0; i < units.length; i++) {
    if (abs >= units[i][0] || i === units.length - 1) {
      var n = Math.floor(abs / units[i][0]);
      var text = n + ' ' + units[i][1] + (n === 1 ? '' : 's');
      return seconds >= 0 ? 'in ' + text : text + ' ago';
    }
  }
  return '';
}

function pretty(value) { return typeof value === 'string' ? value : JSON.stringify(value, null, 2); }

function shortId(id) { return id.length > 12 ? id.slice(0, 8) + '…' + id.slice(-4) : id; }

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  var area = h('textarea', { readonly: true, class: 'sr' });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  var ok = document.execCommand('copy');
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error('Copy is not allowed here: select the text instead'));
}

function pill(text, kind, title) { return h('span', { class: 'pill ' + (kind || ''), title: title }, text); }
`;
