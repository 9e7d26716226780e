/** The page script, part 3: one exchange in detail, with its tokens decoded. */
export const SCRIPT_DETAIL = String.raw`
var TIME_CLAIMS = { iat: 1, exp: 1, nbf: 1, auth_time: 1, updated_at: 1 };

function fact(label, value) {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', null, value === undefined || value === null || value === '' ? '—' : value));
}

function claimValue(name, value) {
  if (TIME_CLAIMS[name] && typeof value === 'number') {
    return [String(value), h('span', { class: 'muted', text: '  ' + dateTime(value * 1000) + ' (' + relative(value * 1000) + ')' })];
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function tokenCard(token) {
  var head = h('div', { class: 'token-head' }, h('strong', { text: token.kind }), h('span', { class: 'muted', text: token.source }));
  if (token.opaqueLength !== undefined) {
    return h('div', { class: 'token', 'data-token': token.kind }, head,
      h('div', { class: 'expiry muted', text: 'Opaque (' + token.opaqueLength + ' characters): nothing to decode. GenAuth keeps its grant server-side.' }));
  }
  if (token.alg) head.appendChild(pill(token.alg));
  if (token.key) head.appendChild(pill('key: ' + token.key, token.key === 'unpublished' ? 'bad' : token.key === 'current' ? 'ok' : 'info', token.kid));
  var claims = token.claims || {};
  var expiry = null;
  if (typeof claims.exp === 'number') {
    var expired = claims.exp * 1000 <= Date.now();
    expiry = h('div', { class: 'expiry' }, h('span', { class: expired ? 'expired' : 'valid', text: expired ? 'Expired ' : 'Valid, expires ' }),
      relative(claims.exp * 1000) + ' · ' + dateTime(claims.exp * 1000));
  }
  var rows = Object.keys(claims).map(function (name) {
    return h('tr', null, h('td', { text: name }), h('td', null, claimValue(name, claims[name])));
  });
  return h('div', { class: 'token', 'data-token': token.kind }, head, expiry, h('table', { class: 'table compact claims' }, h('tbody', null, rows)));
}

function detailSection(title, content) { return [h('h3', { text: title }), content]; }

function renderDetail(d) {
  var x = d.summary;
  $('detail-title').textContent = d.request.method + ' ' + d.request.path;
  $('detail-sub').textContent = clock(x.at) + ' · ' + (ENDPOINT_LABELS[x.endpoint] || x.endpoint) + ' · request ' + x.requestId;
  var body = clear($('detail-body'));
  append(body, h('dl', { class: 'facts' },
    fact('Outcome', outcomeCell(x, false)), fact('Connection', x.connection), fact('App', x.appId), fact('Client auth', x.clientAuth),
    fact('HTTP status', x.httpStatus === null ? 'no answer' : String(x.httpStatus)), fact('Latency', x.latencyMs === undefined ? undefined : x.latencyMs + ' ms'),
    fact('Request id', h('span', { class: 'mono', text: x.requestId })),
    x.tokenKind ? fact('Token presented', x.tokenKind) : null,
    x.jti ? fact('jti', h('span', { class: 'mono', text: x.jti })) : null,
    x.grantId ? fact('Grant', h('span', { class: 'mono', text: x.grantId })) : null));
  if (d.revealed) append(body, h('p', { class: 'notice', text: 'Credentials and tokens are shown in full for local debugging. App secrets stay hidden.' }));
  if (d.tokens.length > 0) append(body, detailSection('Tokens', h('div', { class: 'tokens' }, d.tokens.map(tokenCard))));
  var headers = h('table', { class: 'table compact headers' }, h('tbody', null, d.request.headers.map(function (pair) {
    return h('tr', null, h('td', { text: pair[0] }), h('td', { text: pair[1] }));
  })));
  var answer = d.answer === null ? h('p', { class: 'muted', text: 'No answer was sent.' })
    : [h('p', { class: 'hint', text: 'HTTP ' + (d.answer.httpStatus === null ? '—' : d.answer.httpStatus) + (d.answer.contentType ? ' · ' + d.answer.contentType : '') }),
       d.answer.captured ? h('pre', { class: 'code', id: 'detail-answer', text: pretty(d.answer.body) }) : h('p', { class: 'muted', text: 'The answer was streamed or larger than 256 KiB, so it was not kept.' })];
  append(body, h('div', { class: 'two' },
    h('div', null, detailSection('Request body', h('pre', { class: 'code', id: 'detail-request', text: d.request.body === undefined ? '(no JSON body)' : pretty(d.request.body) }))),
    h('div', null, detailSection('Answer', answer))));
  append(body, detailSection('Request headers', h('div', { class: 'table-wrap' }, headers)));
}

function loadDetail() {
  if (state.detailId === null) return;
  var id = state.detailId;
  api('GET', 'exchanges/' + id + (state.reveal ? '?reveal=1' : '')).then(function (d) {
    if (state.detailId === id) renderDetail(d);
  }).catch(failed);
}

function openDetail(id) {
  state.detailId = id;
  state.reveal = false;
  $('reveal').checked = false;
  clear($('detail-body'));
  var dialog = $('detail');
  if (!dialog.open) dialog.showModal();
  loadDetail();
}

$('reveal').addEventListener('change', function (event) { state.reveal = event.target.checked; loadDetail(); });
$('detail-close').addEventListener('click', function () { $('detail').close(); });
$('detail').addEventListener('close', function () { state.detailId = null; });
$('detail').addEventListener('click', function (event) { if (event.target === $('detail')) $('detail').close(); });
`;
