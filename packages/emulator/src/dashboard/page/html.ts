/**
 * The dashboard page's markup: the static frame of every section. The script fills it from the event
 * stream; it never builds markup from strings, so nothing a client sent can become HTML.
 */
export const PAGE_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>GenAuth emulator</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='4' fill='%234f46e5'/%3E%3Cpath d='M5 8.5l2 2 4-5' stroke='white' stroke-width='1.8' fill='none' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E">
<link rel="stylesheet" href="/__emulator/dashboard/app.css">
<script src="/__emulator/dashboard/app.js" defer></script>
</head>
<body>
<header class="top">
  <div class="top-in">
    <a class="brand" href="#exchanges">
      <span class="mark" aria-hidden="true"></span>
      <span class="brand-text"><strong>GenAuth emulator</strong><span class="brand-sub" id="origin">local GenAuth for mobile logins</span></span>
    </a>
    <nav class="nav" aria-label="Sections">
      <a href="#exchanges">Exchanges</a><a href="#simulator">Simulator</a><a href="#users">Users</a><a href="#faults">Faults</a><a href="#apps">Apps &amp; keys</a>
    </nav>
    <div class="totals" id="totals" aria-label="Requests received"></div>
    <div class="live" id="live" data-state="connecting" role="status"><span class="dot" aria-hidden="true"></span><span class="live-label">Connecting</span></div>
  </div>
</header>
<noscript><p class="noscript">The dashboard needs JavaScript. The emulator itself works without it.</p></noscript>
<main class="grid">
  <div class="col col-side">
    <section class="card" id="simulator" aria-labelledby="simulator-title">
      <div class="card-head">
        <div><h2 id="simulator-title">Provider simulator</h2><p class="hint">Mint what a provider SDK hands the mobile app.</p></div>
      </div>
      <form id="mint-form" class="form" autocomplete="off">
        <label class="field"><span>Connection</span><select id="sim-connection" name="connection"></select></label>
        <div class="row2">
          <label class="field"><span>Provider user</span><input id="sim-user" name="user" value="alice" required spellcheck="false"></label>
          <label class="field"><span>Name</span><input id="sim-name" name="name" value="Alice Zhang"></label>
        </div>
        <div class="row2">
          <label class="field"><span>Email</span><input id="sim-email" name="email" value="alice@example.com" spellcheck="false"></label>
          <label class="field"><span>Phone</span><input id="sim-phone" name="phone" value="+8613800138000" spellcheck="false"></label>
        </div>
        <div class="btn-row"><button class="btn primary" type="submit" id="mint">Mint credential</button></div>
      </form>
      <div class="presets">
        <span class="label">Magic values <span class="hint">GenAuth refuses these every time</span></span>
        <div id="magic" class="chips"></div>
      </div>
      <div id="minted" class="minted" hidden>
        <div class="minted-head">
          <div class="tabs" role="tablist" aria-label="Copy as">
            <button type="button" role="tab" class="tab" id="tab-json" data-tab="json" aria-selected="true">JSON body</button>
            <button type="button" role="tab" class="tab" id="tab-curl" data-tab="curl" aria-selected="false">curl</button>
          </div>
          <button type="button" class="btn small ghost" id="copy">Copy</button>
        </div>
        <p class="hint" id="minted-caption"></p>
        <pre class="code" id="minted-text"></pre>
        <label class="field"><span>Backend login URL</span><input id="backend-url" type="url" placeholder="http://127.0.0.1:3000/auth/mobile" spellcheck="false"></label>
        <p class="hint">Put <code>{connection}</code> in the URL for one route per connection; without it the body names the connection (a single login route).</p>
        <div class="btn-row"><button type="button" class="btn" id="send">Send to backend</button></div>
        <div id="send-result" class="result" hidden></div>
      </div>
    </section>

    <section class="card" id="faults" aria-labelledby="faults-title">
      <div class="card-head"><div><h2 id="faults-title">Faults</h2><p class="hint">Break the next sign-ins on purpose.</p></div></div>
      <form id="fault-form" class="form">
        <label class="field"><span>Fault</span><select id="fault-kind"></select></label>
        <div class="row2">
          <label class="field"><span>For the next N requests</span><input id="fault-count" type="number" min="1" step="1" value="1"></label>
          <label class="field" id="fault-latency-field"><span>Delay (ms)</span><input id="fault-latency" type="number" min="0" step="100" value="1500"></label>
        </div>
        <p class="hint" id="fault-help"></p>
        <div class="btn-row"><button class="btn danger" type="submit" id="arm-fault">Arm fault</button><button class="btn ghost" type="button" id="clear-faults">Disarm all</button></div>
      </form>
      <div class="armed"><span class="label">Armed</span><ul id="armed" class="armed-list"></ul></div>
    </section>
  </div>

  <div class="col col-main">
    <section class="card" id="exchanges" aria-labelledby="exchanges-title">
      <div class="card-head">
        <div><h2 id="exchanges-title">Live exchanges</h2><p class="hint">Every request GenAuth received, as it happens. Click one for its detail.</p></div>
        <button type="button" class="btn small ghost" id="clear-exchanges" title="Clears this list; the emulator's request log is kept">Clear</button>
      </div>
      <div class="table-wrap">
        <table class="table exchanges">
          <thead><tr><th>Time</th><th>Endpoint · client auth</th><th>Connection · app</th><th>Outcome · requestId</th><th class="num">Latency</th></tr></thead>
          <tbody id="exchange-rows"></tbody>
        </table>
      </div>
      <p class="empty" id="exchanges-empty">No request yet. Mint a credential and send it to your backend.</p>
    </section>

    <section class="card" id="users" aria-labelledby="users-title">
      <div class="card-head"><div><h2 id="users-title">Users</h2><p class="hint">Every user a sign-in has created, most recent first.</p></div></div>
      <div class="table-wrap">
        <table class="table users">
          <thead><tr><th>User</th><th>Connection · sub</th><th>Contact</th><th>Last login</th><th class="num">Live tokens</th><th><span class="sr">Actions</span></th></tr></thead>
          <tbody id="user-rows"></tbody>
        </table>
      </div>
      <p class="empty" id="users-empty">No user yet: the first accepted sign-in creates one.</p>
    </section>

    <section class="card" id="apps" aria-labelledby="apps-title">
      <div class="card-head"><div><h2 id="apps-title">Apps &amp; keys</h2><p class="hint">What the emulator serves. App secrets are never shown.</p></div></div>
      <div class="apps-grid">
        <div id="app-list"></div>
        <div class="keys">
          <div class="keys-head"><span class="label">Signing keys (RS256)</span><button type="button" class="btn small" id="rotate">Rotate keys</button></div>
          <ul id="key-list" class="key-list"></ul>
          <p class="hint" id="key-links"></p>
        </div>
      </div>
      <details class="sources"><summary id="sources-summary">Identity sources</summary><div class="table-wrap"><table class="table compact"><thead><tr><th>extIdpConnidentifier</th><th>connection</th></tr></thead><tbody id="source-rows"></tbody></table></div></details>
    </section>
  </div>
</main>

<dialog id="detail" aria-labelledby="detail-title">
  <div class="dialog-head">
    <div><h2 id="detail-title">Exchange</h2><p class="hint" id="detail-sub"></p></div>
    <label class="switch"><input type="checkbox" id="reveal"><span class="track" aria-hidden="true"></span><span>Reveal credentials</span></label>
    <button type="button" class="btn small ghost icon" id="detail-close" aria-label="Close">&#x2715;</button>
  </div>
  <div class="dialog-body" id="detail-body"></div>
</dialog>
<div class="toasts" id="toasts" aria-live="polite"></div>
</body>
</html>
`;
