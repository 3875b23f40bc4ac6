/**
 * @module gateway/viewer/style
 * The viewer's stylesheet: a CSS grid of cards, light and dark through
 * `prefers-color-scheme`, visible focus rings. A card's rarity colour arrives as `--rarity`.
 */

export const VIEWER_CSS = `:root {
  --bg: #f4f5f7;
  --fg: #1b1f24;
  --muted: #5b6470;
  --panel: #ffffff;
  --border: #d5d9df;
  --accent: #1f6feb;
  --accent-fg: #ffffff;
  --ok: #1a7f37;
  --no: #9a6700;
  --danger-bg: #ffebe9;
  --danger-fg: #82071e;
  --focus: #0969da;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --fg: #e6edf3;
    --muted: #9aa5b1;
    --panel: #161b22;
    --border: #30363d;
    --accent: #2f81f7;
    --ok: #3fb950;
    --no: #d29922;
    --danger-bg: #3a1618;
    --danger-fg: #ffb3ad;
    --focus: #58a6ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.4; }
.top { padding: 1rem 1.5rem 0; }
.top h1 { margin: 0; font-size: 1.4rem; }
.top h1 span { color: var(--muted); font-weight: 400; }
.top p { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.9rem; }
main { padding: 1rem 1.5rem 2rem; max-width: 1400px; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 1rem; }
fieldset {
  border: 0; margin: 0 0 0.75rem; padding: 0;
  display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
}
legend { font-weight: 600; margin-bottom: 0.5rem; padding: 0; }
.field { display: flex; flex-direction: column; gap: 0.25rem; }
.field.wide { grid-column: span 2; }
.field.check { flex-direction: row; align-items: center; align-self: end; gap: 0.5rem; min-height: 2.3rem; }
label { font-size: 0.85rem; color: var(--muted); }
.field.check label { color: var(--fg); }
input, select {
  font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; padding: 0.45rem 0.55rem; min-width: 0;
}
input[type='checkbox'] { width: 1.1rem; height: 1.1rem; accent-color: var(--accent); }
button {
  font: inherit; font-weight: 600; cursor: pointer; border-radius: 6px; padding: 0.5rem 1rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg);
}
button.secondary { background: transparent; color: var(--fg); border-color: var(--border); }
button:disabled { opacity: 0.6; cursor: progress; }
:is(input, select, button, a):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.error {
  margin: 1rem 0 0; padding: 0.75rem 1rem; border-radius: 8px;
  background: var(--danger-bg); color: var(--danger-fg); border: 1px solid currentColor;
}
.error strong { display: block; }
.status { color: var(--muted); min-height: 1.4em; }
.grid {
  list-style: none; margin: 0; padding: 0;
  display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
}
.card {
  --rarity: var(--border);
  background: var(--panel); border: 1px solid var(--border); border-top: 4px solid var(--rarity);
  border-radius: 8px; padding: 0.6rem; display: flex; flex-direction: column; gap: 0.3rem;
}
.thumb {
  height: 96px; display: grid; place-items: center; border-radius: 6px;
  background: linear-gradient(180deg, transparent, color-mix(in srgb, var(--rarity) 25%, transparent));
}
.thumb img { max-width: 100%; max-height: 96px; object-fit: contain; }
.thumb .fallback { color: var(--muted); font-size: 0.8rem; text-align: center; padding: 0 0.5rem; }
.card h3 { margin: 0; font-size: 0.95rem; overflow-wrap: anywhere; }
.card .meta { margin: 0; font-size: 0.8rem; color: var(--muted); }
.card .rarity { color: var(--fg); font-weight: 600; }
.card .rarity::before {
  content: ''; display: inline-block; width: 0.65em; height: 0.65em; border-radius: 50%;
  background: var(--rarity); margin-right: 0.35em;
}
.badges { display: flex; gap: 0.35rem; flex-wrap: wrap; align-items: center; margin-top: auto; }
.badge { font-size: 0.75rem; border-radius: 999px; padding: 0.1rem 0.5rem; border: 1px solid currentColor; }
.badge.tradable { color: var(--ok); }
.badge.locked { color: var(--no); }
.card a { font-size: 0.8rem; color: var(--accent); }
.summary { width: 100%; border-collapse: collapse; background: var(--panel); border-radius: 8px; }
.summary th, .summary td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--border); }
.summary .num { text-align: right; font-variant-numeric: tabular-nums; }
#more { margin: 1rem auto 0; display: block; }
#more[hidden] { display: none; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
@media (max-width: 520px) { .field.wide { grid-column: auto; } }
`;
