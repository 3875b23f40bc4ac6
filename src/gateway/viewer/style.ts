/**
 * @module gateway/viewer/style
 * The viewer's stylesheet: light and dark through `prefers-color-scheme`, visible focus rings,
 * readable from 360 px wide. Grid rows are absolutely placed by the script (virtualization);
 * a cell's rarity colour arrives as `--rarity`, the column count as `--columns`.
 */

export const VIEWER_CSS = `:root {
  --bg: #f4f5f7;
  --fg: #1b1f24;
  --muted: #57606a;
  --panel: #ffffff;
  --border: #d0d7de;
  --accent: #0969da;
  --accent-fg: #ffffff;
  --ok: #1a7f37;
  --no: #9a6700;
  --danger-bg: #ffebe9;
  --danger-fg: #82071e;
  --focus: #0969da;
  --line: #0969da;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --fg: #e6edf3;
    --muted: #9da7b3;
    --panel: #161b22;
    --border: #30363d;
    --accent: #2f81f7;
    --ok: #3fb950;
    --no: #d29922;
    --danger-bg: #3a1618;
    --danger-fg: #ffb3ad;
    --focus: #79c0ff;
    --line: #58a6ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.4; }
.top {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between;
  padding: 0.75rem 1rem 0;
}
.top h1 { margin: 0; font-size: 1.3rem; }
.top h1 span { color: var(--muted); font-weight: 400; }
.key-panel { max-width: 100%; }
.key-panel summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.key-panel form { margin-top: 0.5rem; }
.key-panel .row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.key-panel input { flex: 1 1 14rem; }
main { padding: 0.75rem 1rem 2rem; max-width: 1400px; margin: 0 auto; }
h2 { font-size: 1.15rem; margin: 1rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.muted { color: var(--muted); }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 0.75rem; }
.tabs { display: flex; gap: 0.25rem; border-bottom: 1px solid var(--border); margin-bottom: 0.75rem; }
.tabs [role='tab'] {
  background: transparent; color: var(--fg); border: 1px solid transparent; border-bottom: 3px solid transparent;
  border-radius: 6px 6px 0 0; padding: 0.5rem 1rem; font-weight: 600;
}
.tabs [role='tab'][aria-selected='true'] { border-bottom-color: var(--accent); color: var(--accent); }
.lookup, .filters { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: flex-end; }
.field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 8rem; flex: 0 1 10rem; }
.field.grow { flex: 1 1 16rem; }
.field.narrow { min-width: 5.5rem; flex: 0 1 6.5rem; }
.field.check { flex-direction: row; align-items: center; gap: 0.4rem; min-height: 2.3rem; }
label { font-size: 0.85rem; color: var(--muted); }
.field.check label { color: var(--fg); font-size: 0.95rem; }
input, select, textarea {
  font: inherit; color: inherit; background: var(--bg); min-width: 0; width: 100%;
  border: 1px solid var(--border); border-radius: 6px; padding: 0.45rem 0.55rem;
}
input[type='checkbox'] { width: 1.15rem; height: 1.15rem; accent-color: var(--accent); }
input:invalid:not(:placeholder-shown) { border-color: var(--danger-fg); }
button {
  font: inherit; font-weight: 600; cursor: pointer; border-radius: 6px; padding: 0.45rem 1rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); min-height: 2.3rem;
}
button.secondary { background: transparent; color: var(--fg); border-color: var(--border); }
:is(input, select, textarea, button, a, summary, [tabindex]):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.error {
  margin: 0.75rem 0; padding: 0.6rem 0.9rem; border-radius: 8px;
  background: var(--danger-bg); color: var(--danger-fg); border: 1px solid currentColor;
}
.error[hidden] { display: none; }
.status { color: var(--muted); min-height: 1.4em; margin: 0.5rem 0; }
.count { color: var(--muted); margin: 0.6rem 0; }
.values { margin-bottom: 0.75rem; display: grid; gap: 0.5rem 1.5rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 900px) { .values { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
.values h2, .values h3 { margin-top: 0; }
.total { font-size: 1.1rem; margin: 0.25rem 0; }
.total strong { font-size: 1.5rem; }
.chart-figure { margin: 0; }
.chart { width: 100%; max-width: 540px; height: auto; display: block; }
.chart .line { fill: none; stroke: var(--line); stroke-width: 2.5; }
.chart .area { fill: color-mix(in srgb, var(--line) 15%, transparent); stroke: none; }
.chart .point { fill: var(--line); }
.chart .point.today { fill: var(--panel); stroke: var(--line); stroke-width: 2; }
.chart .axis { fill: var(--muted); font-size: 15px; }
.chart .grid-line { stroke: var(--border); stroke-dasharray: 4 4; }
.chart-table table { border-collapse: collapse; margin-top: 0.4rem; }
.chart-table td, .chart-table th { padding: 0.2rem 0.8rem 0.2rem 0; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.vgrid { position: relative; --columns: 4; contain: layout style; }
.vrow {
  position: absolute; left: 0; right: 0; top: 0; height: 228px;
  display: grid; grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); gap: 8px;
  /* Each row lays out and paints on its own: adding one while scrolling touches nothing else. */
  contain: layout style paint; will-change: transform;
}
#roblox-grid .vrow { height: 104px; }
.cell {
  --rarity: var(--border);
  background: var(--panel); border: 1px solid var(--border); border-top: 4px solid var(--rarity);
  border-radius: 8px; padding: 0.5rem; display: flex; flex-direction: column; gap: 0.15rem;
  cursor: pointer; overflow: hidden; min-width: 0;
}
.cell:hover { border-color: var(--accent); border-top-color: var(--rarity); }
.cell:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.c-thumb {
  height: 96px; display: grid; place-items: center; border-radius: 6px; flex: none;
  background: color-mix(in srgb, var(--rarity) 14%, transparent);
}
.c-thumb img { max-width: 100%; max-height: 96px; object-fit: contain; }
.noimg { display: block; width: 48px; height: 36px; border-radius: 6px; background: var(--border); }
.c-name {
  font-weight: 600; font-size: 0.9rem; line-height: 1.2; overflow: hidden; overflow-wrap: anywhere; flex: none;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
}
.c-sub, .c-float { font-size: 0.8rem; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.c-float { font-variant-numeric: tabular-nums; }
.c-price { font-weight: 600; font-size: 0.9rem; margin-top: auto; font-variant-numeric: tabular-nums; }
.c-serial { font-weight: 600; font-size: 0.9rem; }
.c-badges { display: flex; gap: 0.3rem; flex-wrap: wrap; min-height: 1.2rem; }
.badge { font-size: 0.72rem; border-radius: 999px; padding: 0 0.45rem; border: 1px solid currentColor; width: fit-content; }
.badge.locked { color: var(--no); }
.cell.collectible { --rarity: #b8860b; }
.item-dialog {
  border: 1px solid var(--border); border-radius: 12px; padding: 0; background: var(--panel); color: var(--fg);
  width: min(760px, calc(100vw - 1rem)); max-height: calc(100vh - 2rem);
}
.item-dialog::backdrop { background: rgb(0 0 0 / 55%); }
.dialog-head {
  display: flex; gap: 0.75rem; align-items: flex-start; justify-content: space-between;
  padding: 0.75rem 1rem; border-bottom: 1px solid var(--border); position: sticky; top: 0; background: var(--panel);
}
.dialog-head h2 { margin: 0; overflow-wrap: anywhere; }
#dialog-body { padding: 0.75rem 1rem 1rem; }
.item-details .picture {
  --rarity: var(--border); display: grid; place-items: center; min-height: 180px; border-radius: 10px;
  background: radial-gradient(circle, color-mix(in srgb, var(--rarity) 30%, transparent), transparent 70%);
}
.item-details .picture img { max-width: 100%; height: auto; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0.75rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.4em; background: var(--border); }
.floatbar { margin: 0.25rem 0 1.6rem; }
.fb-track { position: relative; display: flex; height: 1.6rem; border-radius: 6px; overflow: visible; }
.fb-seg {
  display: grid; place-items: center; font-size: 0.72rem; font-weight: 600; color: #1b1f24; overflow: hidden;
  border-right: 1px solid rgb(0 0 0 / 25%);
}
.fb-fn { background: #3fb950; border-radius: 6px 0 0 6px; }
.fb-mw { background: #8dd16b; }
.fb-ft { background: #e3c04b; }
.fb-ww { background: #ec8f3e; }
.fb-bs { background: #e5534b; border-radius: 0 6px 6px 0; border-right: 0; }
.fb-current { box-shadow: inset 0 0 0 2px var(--fg); }
.fb-marker {
  position: absolute; top: -0.35rem; bottom: -0.35rem; width: 3px; margin-left: -1.5px;
  background: var(--fg); border-radius: 2px; box-shadow: 0 0 0 2px var(--panel);
}
.fb-scale { position: relative; height: 1rem; font-size: 0.7rem; color: var(--muted); }
.fb-scale span { position: absolute; top: 0.15rem; transform: translateX(-50%); }
.fb-scale span:first-child { transform: none; }
.fb-scale span:last-child { transform: translateX(-100%); }
.tags { border-collapse: collapse; width: 100%; }
.tags th, .tags td { text-align: left; padding: 0.25rem 0.6rem 0.25rem 0; border-bottom: 1px solid var(--border); }
.tags th { color: var(--muted); font-weight: 400; white-space: nowrap; }
.stickers, .charms { margin: 0.25rem 0; padding-left: 1.25rem; }
.nametag { font-weight: 600; }
a { color: var(--accent); }
.inspect { font-weight: 600; }
/* The trade desk */
.switches { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.25rem 0 0.5rem; }
.switches button[aria-pressed='true'] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.offers { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.offer-head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; }
.offer-head h3 { margin: 0; overflow-wrap: anywhere; }
.state { font-weight: 600; border-radius: 999px; padding: 0.05rem 0.6rem; border: 1px solid currentColor; }
.state.s2, .state.s9 { color: var(--accent); }
.state.s3, .state.s11 { color: var(--ok); }
.state.s6, .state.s7, .state.s8, .state.s10 { color: var(--no); }
.offer-message { margin: 0.4rem 0; font-style: italic; }
.offer-sides, .sides { display: grid; gap: 0.5rem 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
.offer-sides h4 { margin: 0.5rem 0 0.25rem; font-size: 0.9rem; color: var(--muted); }
.offer-items { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
.offer-items li { display: flex; gap: 0.5rem; align-items: center; min-width: 0; overflow-wrap: anywhere; }
.offer-items li.missing { opacity: 0.6; text-decoration: line-through; }
.offer-items img, .pick img { width: 48px; height: 36px; object-fit: contain; flex: none; }
.offer-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.6rem; }
.sides { margin: 0.75rem 0; }
.side h3 { margin-top: 0; }
.side-value { font-weight: 600; min-height: 1.4em; margin: 0.25rem 0 0.5rem; }
.pick-list { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; gap: 0.3rem; max-height: 26rem; overflow-y: auto; }
.pick {
  display: flex; gap: 0.5rem; align-items: center; width: 100%; text-align: left; font-weight: 400;
  background: transparent; color: var(--fg); border-color: var(--border); padding: 0.3rem 0.5rem;
}
.pick[aria-pressed='true'] { border-color: var(--accent); background: color-mix(in srgb, var(--accent) 16%, transparent); }
.pick-name { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.pick-name small, .offer-items small { color: var(--muted); }
.pick-price { font-variant-numeric: tabular-nums; font-weight: 600; }
.send-box { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: flex-end; }
.send-box .status, .send-box .error { flex: 1 1 100%; }
textarea { resize: vertical; }
@media (max-width: 600px) {
  main { padding: 0.5rem 0.6rem 2rem; }
  .top { padding: 0.6rem 0.6rem 0; }
  .field, .field.narrow { flex: 1 1 45%; min-width: 0; }
  .field.grow { flex: 1 1 100%; }
  .lookup button, .filters button { flex: 1 1 100%; }
  .facts { grid-template-columns: 1fr; gap: 0 0; }
  .facts dd { margin-bottom: 0.4rem; }
}
`;
