/** The page script, part 5: faults, apps and keys, users. */
export const SCRIPT_PANELS = String.raw`
var FAULT_HELP = {
  latency: 'Waits, then answers normally (the credential is used then).',
  'status-500': 'HTTP 500 with a JSON envelope; consumes no credential.',
  'status-502': 'HTTP 502 with a JSON envelope; consumes no credential.',
  'status-503': 'HTTP 503 with a JSON envelope; consumes no credential.',
  html: 'HTTP 502 with an HTML error page, as a proxy would answer.',
  'malformed-json': 'HTTP 200 with truncated JSON.',
  'wrong-content-type': 'HTTP 200 with a text/plain body.',
  oversize: 'HTTP 200 with a valid 5 MiB JSON envelope.',
  reset: 'The connection is destroyed without an answer.',
  hang: 'Never answers: the client has to time out.',
  'error-without-data': 'A failure envelope without its data key (GenAuth sends both shapes); a success is untouched.',
  'string-api-code': 'apiCode as a numeric string ("2005"); pair it with a locked user. A success is untouched.'
};

function renderFaultKinds() {
  var select = clear($('fault-kind'));
  state.meta.faultKinds.forEach(function (kind) { select.appendChild(h('option', { value: kind, text: kind })); });
  select.value = 'status-503';
  faultKindChanged();
}

function faultKindChanged() {
  var kind = $('fault-kind').value;
  $('fault-latency-field').hidden = kind !== 'latency';
  $('fault-help').textContent = FAULT_HELP[kind] || '';
}

function renderArmed() {
  var list = clear($('armed'));
  if (state.armed.length === 0) { list.appendChild(h('li', { class: 'none', text: 'Nothing armed: requests are answered normally.' })); return; }
  state.armed.forEach(function (f) {
    list.appendChild(h('li', { 'data-kind': f.kind },
      h('span', null, h('strong', { class: 'mono', text: f.kind }), f.kind === 'latency' ? ' ' + f.latencyMs + ' ms' : ''),
      h('span', { class: 'muted', text: 'next ' + f.remaining + ' request' + (f.remaining === 1 ? '' : 's') })));
  });
}

$('fault-kind').addEventListener('change', faultKindChanged);
$('fault-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var fault = { kind: $('fault-kind').value, count: Number($('fault-count').value) };
  if (fault.kind === 'latency') fault.latencyMs = Number($('fault-latency').value);
  api('POST', 'faults', fault).then(function (answer) { state.armed = answer.armed; renderArmed(); toast('Armed ' + fault.kind); }).catch(failed);
});
$('clear-faults').addEventListener('click', function () {
  api('DELETE', 'faults').then(function () { state.armed = []; renderArmed(); }).catch(failed);
});

function renderApps() {
  var box = clear($('app-list'));
  state.meta.apps.forEach(function (app) {
    var methods = app.authMethods.map(function (pair) { return [h('dt', { text: pair[0] }), h('dd', { text: pair[1] })]; });
    box.appendChild(h('div', { class: 'app', 'data-app': app.appId },
      h('div', { class: 'app-head' }, h('span', { class: 'app-id', text: app.appId }),
        h('span', null, pill('id_token ' + app.idTokenSigningAlg, 'info'), ' ', pill(app.hasSecret ? 'secret set · hidden' : 'no secret'))),
      h('dl', { class: 'kv' }, methods)));
  });
  var rows = clear($('source-rows'));
  state.meta.identitySources.forEach(function (s) {
    rows.appendChild(h('tr', null, h('td', { text: s.extIdpConnidentifier }), h('td', { text: s.connection })));
  });
  $('sources-summary').textContent = state.meta.identitySources.length + ' identity sources';
  var links = clear($('key-links'));
  append(links, ['Published at ', h('a', { href: state.meta.paths.jwks, target: '_blank', rel: 'noopener', text: 'JWKS' }), ' · ',
    h('a', { href: state.meta.paths.discovery, target: '_blank', rel: 'noopener', text: 'discovery document' })]);
}

function renderKeys() {
  var list = clear($('key-list'));
  state.keys.forEach(function (key) {
    list.appendChild(h('li', { 'data-kid': key.kid }, pill(key.status, key.status === 'current' ? 'ok' : ''), h('span', { class: 'kid', title: key.kid, text: key.kid })));
  });
}

$('rotate').addEventListener('click', function () {
  $('rotate').disabled = true;
  api('POST', 'keys/rotate').then(function (answer) { toast('New signing key ' + shortId(answer.kid)); })
    .catch(failed).then(function () { $('rotate').disabled = false; });
});

function contact(user) {
  var lines = [user.email, user.phone].filter(Boolean).map(function (line) { return h('div', { text: line }); });
  return lines.length > 0 ? lines : h('span', { class: 'muted', text: '—' });
}

function renderUsers() {
  var body = clear($('user-rows'));
  state.users.forEach(function (user) {
    var revoke = h('button', {
      type: 'button', class: 'btn small danger', disabled: user.liveTokens === 0, 'data-revoke': user.sub,
      onclick: function () {
        api('POST', 'users/' + encodeURIComponent(user.sub) + '/revoke').then(function (r) {
          toast('Revoked ' + r.accessTokens + ' access and ' + r.refreshTokens + ' refresh token(s) of ' + (user.providerUser || user.sub));
        }).catch(failed);
      }
    }, 'Revoke tokens');
    body.appendChild(h('tr', { 'data-sub': user.sub },
      h('td', { class: 'c-full' }, h('span', { class: 'user-name', text: user.name || user.providerUser || user.sub }),
        user.providerUser ? h('span', { class: 'sub mono', text: 'provider user ' + user.providerUser }) : null),
      h('td', { class: 'mono' }, user.connection || '—', h('span', { class: 'sub', title: 'sub (the GenAuth user id)', text: 'sub ' + user.sub })),
      h('td', { class: 'contact' }, contact(user)),
      h('td', { 'data-label': 'Last login', title: dateTime(user.lastLogin) }, clock(user.lastLogin).slice(0, 8),
        h('span', { class: 'sub', text: user.logins + ' login' + (user.logins === 1 ? '' : 's') })),
      h('td', { 'data-label': 'Live tokens', class: 'num mono', 'data-live': user.liveTokens }, String(user.liveTokens)),
      h('td', { class: 'num c-end' }, revoke)));
  });
  $('users-empty').hidden = state.users.length > 0;
}

function upsertUser(user) {
  state.users = [user].concat(state.users.filter(function (u) { return u.sub !== user.sub; }));
  renderUsers();
}
`;
