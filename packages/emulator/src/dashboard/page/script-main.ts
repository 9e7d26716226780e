/** The page script, part 6: the event stream that keeps every section current. */
export const SCRIPT_MAIN = String.raw`
function applySnapshot(s) {
  var first = state.meta === null;
  state.meta = s;
  state.exchanges = s.exchanges;
  state.users = s.users;
  state.keys = s.keys;
  state.armed = s.armed;
  state.totals = s.totals;
  if (first) {
    renderConnections();
    renderMagic();
    renderFaultKinds();
    var saved = null;
    try { saved = localStorage.getItem(BACKEND_KEY); } catch (e) { saved = null; }
    $('backend-url').value = s.backendUrl || saved || '';
  }
  $('origin').textContent = location.host;
  renderApps();
  renderKeys();
  renderArmed();
  renderTotals();
  renderExchanges();
  renderUsers();
}

function on(source, event, handle) {
  source.addEventListener(event, function (message) { handle(JSON.parse(message.data)); });
}

function connect() {
  var source = new EventSource(BASE + 'events');
  on(source, 'snapshot', function (s) { applySnapshot(s); setLive('live'); });
  on(source, 'exchange', function (d) {
    addExchange(d.exchange);
    state.totals = d.totals; renderTotals();
    state.armed = d.armed; renderArmed();
    if (d.keys.map(function (k) { return k.kid; }).join() !== state.keys.map(function (k) { return k.kid; }).join()) { state.keys = d.keys; renderKeys(); }
    if (d.user) upsertUser(d.user);
  });
  on(source, 'keys', function (d) { state.keys = d.keys; renderKeys(); });
  on(source, 'faults', function (d) { state.armed = d.armed; renderArmed(); });
  on(source, 'users', function (d) { state.users = d.users; renderUsers(); });
  on(source, 'cleared', function () { state.exchanges = []; renderExchanges(); });
  on(source, 'totals', function (d) { state.totals = d.totals; renderTotals(); });
  source.addEventListener('open', function () { setLive('live'); });
  source.addEventListener('error', function () { setLive(source.readyState === EventSource.CLOSED ? 'down' : 'connecting'); });
}

connect();
`;
