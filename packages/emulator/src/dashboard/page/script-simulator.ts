/** The page script, part 4: the provider simulator (mint, magic values, copy, send to the backend). */
export const SCRIPT_SIMULATOR = String.raw`
var BACKEND_KEY = 'genauth-emulator.backend-url';
var MAGIC_LABELS = {
  invalid: 'Invalid', expired: 'Expired', locked: 'Locked user', disabled: 'Disabled user', mfa: 'MFA required',
  bind: 'Must bind', noreg: 'No registration', throttle: 'Throttled', providerdown: 'Provider down'
};

function renderConnections() {
  var select = clear($('sim-connection'));
  var families = {};
  state.meta.connections.forEach(function (c) { (families[c.family] = families[c.family] || []).push(c); });
  Object.keys(families).forEach(function (family) {
    var group = h('optgroup', { label: family });
    families[family].forEach(function (c) { group.appendChild(h('option', { value: c.connection, text: c.connection })); });
    select.appendChild(group);
  });
}

function renderMagic() {
  var box = clear($('magic'));
  state.meta.magic.forEach(function (m) {
    var code = m.statusCode + (m.apiCode === undefined || m.apiCode === null ? '' : '/' + m.apiCode);
    box.appendChild(h('button', {
      type: 'button', class: 'chip', 'data-magic': m.prefix, title: m.meaning + ' (statusCode ' + code + ')',
      onclick: function () { mint(m.prefix); }
    }, MAGIC_LABELS[m.prefix] || m.prefix, h('span', { class: 'code-n', text: code })));
  });
}

function backendUrl() { return $('backend-url').value.trim(); }

function targetUrl() {
  var url = backendUrl() || $('backend-url').placeholder;
  return url.split('{connection}').join(state.minted.connection);
}

function loginBody() {
  var m = state.minted;
  if ((backendUrl() || $('backend-url').placeholder).indexOf('{connection}') >= 0) return m.fields;
  return Object.assign({ connection: m.connection }, m.fields);
}

function shellQuote(text) { return "'" + text.split("'").join("'\\''") + "'"; }

function mintedText() {
  var body = JSON.stringify(loginBody());
  if (state.tab === 'json') return JSON.stringify(loginBody(), null, 2);
  return 'curl -s -X POST ' + shellQuote(targetUrl()) + " -H 'content-type: application/json' -d " + shellQuote(body);
}

function renderMinted() {
  var m = state.minted;
  $('minted').hidden = !m;
  if (!m) return;
  $('minted-caption').textContent = (m.magic ? 'Magic value "' + m.magic + '…": GenAuth will refuse it. ' : 'A one-time credential for provider user "' + m.user + '". ') +
    'The mobile app posts this to ' + targetUrl() + '.';
  $('minted-text').textContent = mintedText();
  ['json', 'curl'].forEach(function (tab) { $('tab-' + tab).setAttribute('aria-selected', String(state.tab === tab)); });
  $('send').disabled = backendUrl() === '';
  $('send').title = backendUrl() === '' ? 'Set the backend login URL first' : '';
}

function identity() {
  return { user: $('sim-user').value.trim(), name: $('sim-name').value.trim(), email: $('sim-email').value.trim(), phone: $('sim-phone').value.trim() };
}

function mint(magic) {
  var input = Object.assign({ connection: $('sim-connection').value }, identity());
  if (magic) input.magic = magic;
  return api('POST', 'credentials', input).then(function (credential) {
    state.minted = Object.assign({ user: input.user }, credential);
    $('send-result').hidden = true;
    renderMinted();
  }).catch(failed);
}

function shorten(value) {
  // Tokens are long and have no spaces: shortened; messages are shown whole.
  if (typeof value === 'string') return value.length > 48 && !/\s/.test(value) ? value.slice(0, 24) + '…(' + value.length + ' chars)' : value;
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') {
    var out = {};
    Object.keys(value).forEach(function (key) { out[key] = shorten(value[key]); });
    return out;
  }
  return value;
}

function showSendResult(answer) {
  var box = clear($('send-result'));
  box.hidden = false;
  if (!answer.ok) { box.className = 'result bad'; box.appendChild(h('strong', { text: answer.error })); return; }
  var good = answer.status >= 200 && answer.status < 300;
  box.className = 'result ' + (good ? 'ok' : 'bad');
  box.setAttribute('data-status', String(answer.status));
  box.appendChild(h('div', null, h('strong', { text: 'Backend answered HTTP ' + answer.status }), h('span', { class: 'muted', text: ' in ' + answer.ms + ' ms' })));
  box.appendChild(h('pre', { class: 'code', text: pretty(shorten(answer.body)) }));
}

function send() {
  if (!state.minted || backendUrl() === '') return;
  $('send').disabled = true;
  var url = targetUrl();
  try { localStorage.setItem(BACKEND_KEY, backendUrl()); } catch (e) { /* storage may be off */ }
  api('POST', 'send', { url: url, body: loginBody() }).then(showSendResult).catch(failed).then(function () { $('send').disabled = false; });
}

$('mint-form').addEventListener('submit', function (event) { event.preventDefault(); mint(null); });
$('send').addEventListener('click', send);
$('backend-url').addEventListener('input', renderMinted);
['tab-json', 'tab-curl'].forEach(function (id) {
  $(id).addEventListener('click', function (event) { state.tab = event.currentTarget.dataset.tab; renderMinted(); });
});
$('copy').addEventListener('click', function () {
  copyText(mintedText()).then(function () { toast(state.tab === 'json' ? 'JSON body copied' : 'curl line copied'); }).catch(failed);
});
`;
