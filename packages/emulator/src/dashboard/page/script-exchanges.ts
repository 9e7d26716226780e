/** The page script, part 2: the live exchanges table and the counters. */
export const SCRIPT_EXCHANGES = String.raw`
var ENDPOINT_LABELS = {
  'signin-by-mobile': 'signin-by-mobile', token: 'token (refresh)', revocation: 'revoke',
  introspection: 'introspect', userinfo: 'userinfo', jwks: 'JWKS'
};

function outcomeCell(x, withRequestId) {
  var kind = x.outcome === 'accepted' ? 'ok' : x.outcome === 'faulted' ? 'warn' : 'bad';
  var code = x.statusCode === null ? (x.httpStatus === null ? 'no answer' : 'HTTP ' + x.httpStatus) : String(x.statusCode);
  var parts = [pill(x.outcome + ' · ' + code, kind)];
  if (x.apiCode !== undefined) parts.push(' ', pill('apiCode ' + x.apiCode, 'info'));
  if (x.fault) parts.push(' ', pill(x.fault, 'warn', 'injected fault'));
  if (x.message && x.outcome !== 'accepted') parts.push(h('span', { class: 'msg', text: x.message }));
  if (withRequestId) parts.push(h('span', { class: 'rid mono', title: 'requestId ' + x.requestId, text: 'requestId ' + shortId(x.requestId) }));
  return parts;
}

function exchangeRow(x, fresh) {
  return h('tr', {
      class: 'row' + (fresh ? ' fresh' : ''), tabindex: 0, 'data-id': x.id, 'data-outcome': x.outcome, 'data-endpoint': x.endpoint,
      'aria-label': 'Exchange ' + x.id + ': ' + x.endpoint + ' ' + x.outcome,
      onclick: function () { openDetail(x.id); },
      onkeydown: function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); openDetail(x.id); } }
    },
    h('td', { class: 'mono' }, clock(x.at)),
    h('td', null, pill(ENDPOINT_LABELS[x.endpoint] || x.endpoint, 'accent'), h('span', { class: 'sub mono', title: 'client authentication', text: x.clientAuth })),
    h('td', { class: 'mono conn' }, x.connection || h('span', { class: 'muted', text: '—' }), h('span', { class: 'sub', text: x.appId ? 'app ' + x.appId : '' })),
    h('td', { class: 'outcome c-full' }, outcomeCell(x, true)),
    h('td', { class: 'num mono c-end' }, x.latencyMs === undefined ? '—' : x.latencyMs + ' ms')
  );
}

function renderExchanges() {
  var body = clear($('exchange-rows'));
  for (var i = state.exchanges.length - 1; i >= 0; i--) body.appendChild(exchangeRow(state.exchanges[i], false));
  $('exchanges-empty').hidden = state.exchanges.length > 0;
}

function addExchange(x) {
  state.exchanges.push(x);
  var body = $('exchange-rows');
  body.insertBefore(exchangeRow(x, true), body.firstChild);
  if (state.exchanges.length > MAX_ROWS) { state.exchanges.shift(); body.removeChild(body.lastChild); }
  $('exchanges-empty').hidden = true;
}

function renderTotals() {
  var t = state.totals;
  if (!t) return;
  clear($('totals'));
  [['received', t.received], ['accepted', t.accepted], ['rejected', t.rejected], ['faulted', t.faulted]].forEach(function (pair) {
    $('totals').appendChild(h('span', { 'data-total': pair[0] }, h('b', { text: pair[1] }), pair[0]));
  });
}

function setLive(mode) {
  var el = $('live');
  el.dataset.state = mode;
  el.querySelector('.live-label').textContent = mode === 'live' ? 'Live' : mode === 'down' ? 'Disconnected' : 'Reconnecting';
}

$('clear-exchanges').addEventListener('click', function () {
  api('POST', 'exchanges/clear').catch(failed);
});
`;
