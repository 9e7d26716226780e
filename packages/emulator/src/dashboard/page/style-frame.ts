/** The dashboard's stylesheet, part 1: a light and a dark palette, the frame, the cards, the forms. */
export const STYLE_FRAME = String.raw`
:root {
  --bg: #f5f6f8; --panel: #ffffff; --panel-2: #f9fafb; --text: #101828; --muted: #667085; --faint: #98a2b3;
  --line: #e4e7ec; --line-strong: #d0d5dd;
  --accent: #4f46e5; --accent-strong: #4338ca; --accent-weak: #eef2ff;
  --ok: #067647; --ok-bg: #ecfdf3; --ok-line: #abefc6;
  --bad: #b42318; --bad-bg: #fef3f2; --bad-line: #fecdca;
  --warn: #b54708; --warn-bg: #fffaeb; --warn-line: #fedf89;
  --info: #175cd3; --info-bg: #eff8ff; --info-line: #b2ddff;
  --code-bg: #f8f9fb;
  --shadow: 0 1px 2px rgba(16, 24, 40, .05), 0 1px 3px rgba(16, 24, 40, .04);
  --radius: 10px;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b0d12; --panel: #12151c; --panel-2: #171b24; --text: #e6e8ee; --muted: #98a2b3; --faint: #667085;
    --line: #252a35; --line-strong: #333a48;
    --accent: #818cf8; --accent-strong: #a5b4fc; --accent-weak: #1e1b4b;
    --ok: #75e0a7; --ok-bg: #0b2a1c; --ok-line: #14532d;
    --bad: #fda29b; --bad-bg: #2d0f0c; --bad-line: #7a271a;
    --warn: #fec84b; --warn-bg: #2b1d05; --warn-line: #7a4a04;
    --info: #84caff; --info-bg: #0b2140; --info-line: #1849a9;
    --code-bg: #0e1117; --shadow: none;
  }
}
* { box-sizing: border-box; }
html { scroll-padding-top: 72px; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 var(--sans); -webkit-font-smoothing: antialiased; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
h2 { font-size: 15px; margin: 0; font-weight: 650; letter-spacing: -.01em; }
h3 { font-size: 13px; margin: 18px 0 8px; font-weight: 650; }
[hidden] { display: none !important; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.hint { color: var(--muted); font-size: 12.5px; margin: 2px 0 0; }
.label { display: block; font-size: 11.5px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: 8px; }
.label .hint { text-transform: none; letter-spacing: 0; font-weight: 400; margin-left: 6px; }
.noscript { margin: 16px; padding: 12px; background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: var(--radius); }

.top { position: sticky; top: 0; z-index: 5; background: var(--panel); border-bottom: 1px solid var(--line); }
.top-in { max-width: 1480px; margin: 0 auto; padding: 10px 20px; display: flex; align-items: center; gap: 20px; }
.brand { display: flex; align-items: center; gap: 10px; color: var(--text); min-width: 0; }
.brand:hover { text-decoration: none; }
.mark { width: 28px; height: 28px; border-radius: 8px; flex: none; background: linear-gradient(135deg, #6366f1, #4338ca); box-shadow: inset 0 0 0 1px rgba(255,255,255,.15); position: relative; }
.mark::after { content: ""; position: absolute; left: 9px; top: 7px; width: 7px; height: 11px; border: solid #fff; border-width: 0 2.4px 2.4px 0; transform: rotate(45deg); }
.brand-text { display: flex; flex-direction: column; line-height: 1.2; min-width: 0; }
.brand-text strong { font-size: 15px; letter-spacing: -.01em; }
.brand-sub { color: var(--muted); font-size: 12px; font-family: var(--mono); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.nav { display: flex; gap: 2px; margin-left: 8px; }
.nav a { color: var(--muted); padding: 6px 10px; border-radius: 6px; font-weight: 500; font-size: 13px; }
.nav a:hover { background: var(--panel-2); color: var(--text); text-decoration: none; }
.totals { margin-left: auto; display: flex; gap: 14px; color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.totals b { color: var(--text); font-variant-numeric: tabular-nums; font-weight: 600; margin-right: 3px; }
.live { display: flex; align-items: center; gap: 7px; padding: 4px 10px; border-radius: 999px; font-size: 12px; font-weight: 600; border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.live .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--faint); }
.live[data-state="live"] { color: var(--ok); border-color: var(--ok-line); background: var(--ok-bg); }
.live[data-state="live"] .dot { background: #17b26a; box-shadow: 0 0 0 3px rgba(23, 178, 106, .18); }
.live[data-state="down"] { color: var(--bad); border-color: var(--bad-line); background: var(--bad-bg); }
.live[data-state="down"] .dot { background: var(--bad); }

.grid { max-width: 1480px; margin: 0 auto; padding: 20px; display: grid; grid-template-columns: minmax(320px, 380px) minmax(0, 1fr); gap: 20px; align-items: start; }
.col { display: flex; flex-direction: column; gap: 20px; min-width: 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); padding: 16px 18px 18px; min-width: 0; }
.card-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; margin-bottom: 14px; }

.form { display: flex; flex-direction: column; gap: 10px; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.field { display: flex; flex-direction: column; gap: 4px; font-size: 12.5px; font-weight: 500; color: var(--muted); margin: 0; min-width: 0; }
input, select { font: inherit; font-size: 13.5px; color: var(--text); background: var(--panel); border: 1px solid var(--line-strong); border-radius: 7px; padding: 7px 9px; min-width: 0; width: 100%; }
input:focus, select:focus, .btn:focus-visible, .chip:focus-visible, tr.row:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-color: var(--accent); }
.btn-row { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 2px; }
.btn { font: inherit; font-size: 13px; font-weight: 600; border-radius: 7px; padding: 7px 13px; border: 1px solid var(--line-strong); background: var(--panel); color: var(--text); cursor: pointer; white-space: nowrap; }
.btn:hover { background: var(--panel-2); }
.btn:disabled { opacity: .5; cursor: not-allowed; }
.btn.primary { background: #4f46e5; border-color: #4f46e5; color: #fff; }
.btn.primary:hover { background: #4338ca; border-color: #4338ca; }
.btn.danger { color: var(--bad); border-color: var(--bad-line); }
.btn.danger:hover { background: var(--bad-bg); }
.btn.ghost { border-color: transparent; color: var(--muted); }
.btn.ghost:hover { color: var(--text); background: var(--panel-2); }
.btn.small { padding: 4px 9px; font-size: 12px; }
.btn.icon { font-size: 14px; line-height: 1; padding: 6px 8px; }

.presets { margin-top: 16px; padding-top: 14px; border-top: 1px dashed var(--line); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { font: inherit; font-size: 12px; padding: 4px 9px; border-radius: 999px; border: 1px solid var(--line-strong); background: var(--panel-2); color: var(--text); cursor: pointer; }
.chip:hover { border-color: var(--accent); color: var(--accent); }
.chip .code-n { color: var(--faint); margin-left: 4px; font-family: var(--mono); font-size: 11px; }

.minted { margin-top: 16px; padding-top: 14px; border-top: 1px dashed var(--line); display: flex; flex-direction: column; gap: 8px; }
.minted-head { display: flex; align-items: center; justify-content: space-between; }
.tabs { display: inline-flex; background: var(--panel-2); border: 1px solid var(--line); border-radius: 8px; padding: 2px; }
.tab { font: inherit; font-size: 12px; font-weight: 600; border: 0; background: transparent; color: var(--muted); padding: 4px 10px; border-radius: 6px; cursor: pointer; }
.tab[aria-selected="true"] { background: var(--panel); color: var(--text); box-shadow: var(--shadow); }
.code { margin: 0; font-family: var(--mono); font-size: 12px; line-height: 1.5; background: var(--code-bg); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; overflow: auto; max-height: 320px; white-space: pre-wrap; word-break: break-all; }
.result { border-radius: 8px; padding: 10px 12px; border: 1px solid var(--line); background: var(--panel-2); font-size: 13px; }
.result.ok { border-color: var(--ok-line); background: var(--ok-bg); }
.result.bad { border-color: var(--bad-line); background: var(--bad-bg); }
.result .code { margin-top: 8px; background: var(--panel); max-height: 220px; }

.armed { margin-top: 14px; }
.armed-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.armed-list li { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 7px 10px; border: 1px solid var(--warn-line); background: var(--warn-bg); border-radius: 8px; font-size: 13px; }
.armed-list li.none { border-style: dashed; border-color: var(--line); background: transparent; color: var(--muted); }

.app { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.app-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.app-id { font-family: var(--mono); font-weight: 600; font-size: 13px; }
.kv { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; font-size: 12.5px; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; font-family: var(--mono); font-size: 12px; overflow-wrap: anywhere; }
.keys { margin-top: 14px; }
.keys-head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 8px; }
.keys-head .label { margin: 0; }
.key-list { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.key-list li { display: flex; align-items: center; gap: 8px; font-family: var(--mono); font-size: 12px; min-width: 0; }
.key-list .kid { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.apps-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 8px 20px; }
.apps-grid .keys { margin-top: 0; }
.sources { margin-top: 12px; }
.sources summary { cursor: pointer; color: var(--muted); font-size: 12.5px; font-weight: 600; }
`;
