/**
 * The dashboard's stylesheet, part 2: pills, tables, the detail dialog, and the phone layout (the
 * two columns fold into one, and table rows become wrapped lines).
 */
export const STYLE_DATA = String.raw`
.pill { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; border: 1px solid var(--line); background: var(--panel-2); color: var(--muted); white-space: nowrap; }
.pill.ok { color: var(--ok); background: var(--ok-bg); border-color: var(--ok-line); }
.pill.bad { color: var(--bad); background: var(--bad-bg); border-color: var(--bad-line); }
.pill.warn { color: var(--warn); background: var(--warn-bg); border-color: var(--warn-line); }
.pill.info { color: var(--info); background: var(--info-bg); border-color: var(--info-line); }
.pill.accent { color: var(--accent); background: var(--accent-weak); border-color: transparent; }

.table-wrap { overflow-x: auto; margin: 0 -18px; }
.table { width: 100%; border-collapse: collapse; font-size: 13px; }
.table th { text-align: left; font-size: 11.5px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); padding: 8px 10px; border-bottom: 1px solid var(--line); background: var(--panel-2); white-space: nowrap; }
.table td { padding: 9px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.table th:first-child, .table td:first-child { padding-left: 18px; }
.table th:last-child, .table td:last-child { padding-right: 18px; }
.table tbody tr:last-child td { border-bottom: 0; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.table.compact td { padding: 5px 10px; font-family: var(--mono); font-size: 12px; }
.exchanges td { white-space: nowrap; }
.exchanges td.mono, .users td.mono { overflow-wrap: anywhere; }
.exchanges td.conn { white-space: normal; max-width: 220px; }
.users td { white-space: nowrap; }
.users td.contact { white-space: normal; font-size: 12.5px; }
.exchanges td.outcome { white-space: normal; min-width: 190px; }
tr.row { cursor: pointer; }
tr.row:hover td { background: var(--panel-2); }
tr.row.fresh td { animation: fresh 1.6s ease-out; }
@keyframes fresh { from { background: var(--accent-weak); } to { background: transparent; } }
.msg { display: block; color: var(--muted); font-size: 12px; margin-top: 3px; max-width: 280px; white-space: normal; overflow-wrap: anywhere; }
.rid { display: block; color: var(--faint); font-size: 11.5px; margin-top: 3px; }
.table td .sub { display: block; color: var(--muted); font-size: 11.5px; margin-top: 4px; font-family: var(--mono); }
.users .user-name { display: block; }
.muted { color: var(--muted); }
.empty { color: var(--muted); text-align: center; padding: 26px 0 10px; margin: 0; font-size: 13px; }
.user-name { font-weight: 600; }

dialog { width: min(980px, calc(100vw - 32px)); max-height: calc(100vh - 48px); padding: 0; border: 1px solid var(--line); border-radius: 12px; background: var(--panel); color: var(--text); box-shadow: 0 24px 48px -12px rgba(16, 24, 40, .25); }
dialog::backdrop { background: rgba(16, 24, 40, .45); }
.dialog-head { position: sticky; top: 0; background: var(--panel); display: flex; align-items: center; gap: 16px; padding: 14px 18px; border-bottom: 1px solid var(--line); z-index: 1; }
.dialog-head > div { flex: 1; min-width: 0; }
.dialog-body { padding: 4px 18px 20px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px 16px; margin: 14px 0 4px; }
.fact dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
.fact dd { margin: 2px 0 0; font-size: 13px; overflow-wrap: anywhere; }
.switch { display: inline-flex; align-items: center; gap: 8px; font-size: 12.5px; font-weight: 600; color: var(--muted); cursor: pointer; white-space: nowrap; }
.switch input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.switch .track { width: 30px; height: 18px; border-radius: 999px; background: var(--line-strong); position: relative; transition: background .15s; }
.switch .track::after { content: ""; position: absolute; top: 2px; left: 2px; width: 14px; height: 14px; border-radius: 50%; background: #fff; transition: transform .15s; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
.switch input:checked + .track { background: var(--warn); }
.switch input:checked + .track::after { transform: translateX(12px); }
.switch input:focus-visible + .track { outline: 2px solid var(--accent); outline-offset: 2px; }
.notice { font-size: 12.5px; padding: 8px 10px; border-radius: 8px; border: 1px solid var(--warn-line); background: var(--warn-bg); color: var(--warn); margin-top: 12px; }
.tokens { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; align-items: start; }
.token { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.token-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 8px 10px; background: var(--panel-2); border-bottom: 1px solid var(--line); }
.token-head strong { font-family: var(--mono); font-size: 12.5px; margin-right: auto; }
.token .table td { font-family: var(--mono); font-size: 12px; padding: 4px 10px; word-break: break-all; white-space: normal; }
.token .table td:first-child { color: var(--muted); width: 1%; white-space: nowrap; padding-left: 10px; }
.token .expiry { padding: 7px 10px; font-size: 12.5px; border-bottom: 1px solid var(--line); }
.expired { color: var(--bad); font-weight: 600; }
.valid { color: var(--ok); font-weight: 600; }
.headers td:first-child { font-family: var(--mono); font-size: 12px; color: var(--muted); white-space: nowrap; width: 1%; }
.headers td { font-family: var(--mono); font-size: 12px; word-break: break-all; padding: 4px 10px; }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }

.toasts { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; gap: 8px; z-index: 20; }
.toast { background: var(--text); color: var(--panel); padding: 9px 14px; border-radius: 8px; font-size: 13px; box-shadow: 0 8px 24px rgba(16,24,40,.2); max-width: 360px; }
.toast.bad { background: var(--bad); color: #fff; }

@media (max-width: 1100px) {
  .totals { display: none; }
}
@media (max-width: 1080px) {
  .grid { grid-template-columns: minmax(0, 1fr); padding: 12px; gap: 12px; }
  .col { display: contents; }
  #simulator { order: 1; } #exchanges { order: 2; } #users { order: 3; } #faults { order: 4; } #apps { order: 5; }
  .top-in { padding: 10px 12px; }
  .two { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 760px) {
  .nav { display: none; }
}
@media (max-width: 640px) {
  .card { padding: 14px; }
  .table-wrap { margin: 0 -14px; }
  .table:not(.compact) thead { display: none; }
  .table:not(.compact) tr { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; padding: 10px 14px; border-bottom: 1px solid var(--line); }
  .table:not(.compact) tbody tr:last-child { border-bottom: 0; }
  .table:not(.compact) td { padding: 0 !important; border: 0; white-space: normal; }
  .table:not(.compact) td[data-label]::before { content: attr(data-label) " "; color: var(--faint); font-family: var(--sans); font-size: 12px; }
  .table td.c-full { flex-basis: 100%; }
  .table td.c-end { margin-left: auto; }
  .exchanges td.outcome { min-width: 0; order: 1; }
  .exchanges .rid { display: block; }
  .table td .sub { display: inline; margin: 0 0 0 8px; }
  .users .user-name { display: inline; }
  .msg { max-width: none; }
  .row2 { grid-template-columns: minmax(0, 1fr); }
  .brand-sub { display: none; }
  dialog { width: 100vw; max-width: 100vw; max-height: 100vh; height: 100vh; border-radius: 0; margin: 0; }
  .dialog-head { flex-wrap: wrap; gap: 8px; }
}
`;
