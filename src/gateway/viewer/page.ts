/**
 * @module gateway/viewer/page
 * The viewer's HTML: one static page, no inline script or style (the CSP forbids both); the
 * browser code (`/viewer/client/*.js`, compiled from client/*.ts) builds everything it shows
 * with DOM APIs, never from HTML strings.
 */

const SORT_OPTIONS = [
  ['date', 'Newest first'],
  ['date-asc', 'Oldest first'],
  ['name', 'Name, A to Z'],
  ['name-desc', 'Name, Z to A'],
  ['rarity', 'Rarest first'],
  ['rarity-asc', 'Most common first'],
  ['float', 'Float, lowest first'],
  ['float-desc', 'Float, highest first'],
  ['price', 'Price, highest first'],
  ['price-asc', 'Price, lowest first'],
]
  .map(([value, label]) => `<option value="${value}">${label}</option>`)
  .join('');

const YES_NO = (any: string, yes: string, no: string) =>
  `<option value="">${any}</option><option value="1">${yes}</option><option value="0">${no}</option>`;

export const VIEWER_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="color-scheme" content="light dark" />
    <title>gamestash viewer</title>
    <link rel="icon" href="/viewer/icon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/viewer/app.css" />
    <script type="module" src="/viewer/client/main.js"></script>
  </head>
  <body>
    <header class="top">
      <h1>gamestash <span>viewer</span></h1>
      <details id="key-panel" class="key-panel">
        <summary>Gateway key</summary>
        <form id="key-form" autocomplete="off">
          <label for="apikey">Gateway API key</label>
          <div class="row">
            <input id="apikey" type="password" placeholder="gs_..." spellcheck="false" autocapitalize="off" />
            <button type="submit">Save key</button>
            <button id="forget-key" type="button" class="secondary">Forget key</button>
          </div>
          <p id="key-status" class="muted"></p>
          <p id="key-error" class="error" role="alert" hidden></p>
          <p class="muted">The key stays in this tab's session storage and goes out only in a header.</p>
        </form>
      </details>
    </header>
    <main>
      <div id="tabs" role="tablist" aria-label="Inventories and trading" class="tabs">
        <button type="button" role="tab" id="tab-steam" data-tab="steam" aria-controls="panel-steam" aria-selected="true">Steam</button>
        <button type="button" role="tab" id="tab-roblox" data-tab="roblox" aria-controls="panel-roblox" aria-selected="false" tabindex="-1">Roblox</button>
        <button type="button" role="tab" id="tab-trade" data-tab="trade" aria-controls="panel-trade" aria-selected="false" tabindex="-1">Trade desk</button>
      </div>

      <section id="panel-steam" role="tabpanel" aria-labelledby="tab-steam" class="tabpanel">
        <form id="steam-lookup" class="panel lookup" autocomplete="off">
          <div class="field grow">
            <label for="who">SteamID, profile or trade URL</label>
            <input id="who" required maxlength="256" spellcheck="false" autocapitalize="off"
              placeholder="76561198012345678, a vanity name, or a steamcommunity.com URL" />
          </div>
          <div class="field">
            <label for="app">Game</label>
            <select id="app"></select>
          </div>
          <div class="field narrow">
            <label for="ctx">Context</label>
            <input id="ctx" required inputmode="numeric" pattern="[0-9]{1,32}" value="2" />
          </div>
          <button type="submit">Look up</button>
        </form>
        <p id="steam-status" class="status" role="status"></p>
        <p id="steam-error" class="error" role="alert" hidden></p>
        <div id="steam-results" hidden>
          <h2 id="steam-heading"></h2>
          <div id="values-slot"></div>
          <form id="steam-filters" class="panel filters" autocomplete="off" aria-label="Search, filters and sort">
            <div class="field grow">
              <label for="q">Search items</label>
              <input id="q" type="search" maxlength="100" spellcheck="false" placeholder="AK-47 redline" />
            </div>
            <div class="field"><label for="f-tradable">Tradable</label><select id="f-tradable">${YES_NO('Any', 'Tradable', 'Not tradable')}</select></div>
            <div class="field"><label for="f-marketable">Marketable</label><select id="f-marketable">${YES_NO('Any', 'Marketable', 'Not marketable')}</select></div>
            <div class="field"><label for="f-type">Type</label><select id="f-type"><option value="">Any</option></select></div>
            <div class="field"><label for="f-rarity">Rarity</label><select id="f-rarity"><option value="">Any</option></select></div>
            <div class="field"><label for="f-exterior">Exterior</label><select id="f-exterior"><option value="">Any</option></select></div>
            <div class="field narrow"><label for="f-min">Min price</label><input id="f-min" inputmode="decimal" pattern="[0-9]{1,9}([.][0-9]{1,2})?" placeholder="0.00" /></div>
            <div class="field narrow"><label for="f-max">Max price</label><input id="f-max" inputmode="decimal" pattern="[0-9]{1,9}([.][0-9]{1,2})?" placeholder="any" /></div>
            <div class="field"><label for="f-sort">Sort</label><select id="f-sort">${SORT_OPTIONS}</select></div>
            <button id="f-clear" type="button" class="secondary">Clear filters</button>
          </form>
          <p id="steam-count" class="count" aria-live="polite"></p>
          <div id="steam-grid" class="vgrid" aria-label="Steam items"></div>
        </div>
      </section>

      <section id="panel-roblox" role="tabpanel" aria-labelledby="tab-roblox" class="tabpanel" hidden>
        <form id="roblox-lookup" class="panel lookup" autocomplete="off">
          <div class="field grow">
            <label for="rbx-user">Roblox user id</label>
            <input id="rbx-user" required inputmode="numeric" pattern="[0-9]{1,20}" maxlength="20" placeholder="1234567" />
          </div>
          <button type="submit">Look up</button>
        </form>
        <p id="roblox-status" class="status" role="status"></p>
        <p id="roblox-error" class="error" role="alert" hidden></p>
        <div id="roblox-results" hidden>
          <form id="roblox-filters" class="panel filters" autocomplete="off" aria-label="Search and filters">
            <div class="field grow"><label for="rq">Search Roblox items</label><input id="rq" type="search" maxlength="100" placeholder="hat 200" /></div>
            <div class="field"><label for="r-type">Type</label><select id="r-type"><option value="">Any</option></select></div>
            <div class="field check"><input id="r-collectibles" type="checkbox" /><label for="r-collectibles">Collectibles only</label></div>
          </form>
          <p id="roblox-count" class="count" aria-live="polite"></p>
          <div id="roblox-grid" class="vgrid" aria-label="Roblox items"></div>
        </div>
      </section>

      <section id="panel-trade" role="tabpanel" aria-labelledby="tab-trade" class="tabpanel" hidden>
        <form id="trade-account" class="panel lookup" autocomplete="off">
          <div class="field grow">
            <label for="trade-acct">Trading account</label>
            <input id="trade-acct" required maxlength="32" pattern="[a-z0-9][a-z0-9_\\-]{0,31}" spellcheck="false"
              autocapitalize="off" list="trade-accounts" placeholder="the account's name on the gateway, e.g. bot1" />
            <datalist id="trade-accounts"></datalist>
          </div>
          <button type="submit">Open desk</button>
        </form>
        <p id="trade-status" class="status" role="status"></p>
        <p id="trade-error" class="error" role="alert" hidden></p>
        <div id="trade-desk" hidden>
          <div id="trade-lists" class="switches" role="group" aria-label="Offers to show">
            <button type="button" class="secondary" data-list="incoming" aria-pressed="true">Incoming</button>
            <button type="button" class="secondary" data-list="outgoing" aria-pressed="false">Outgoing</button>
            <button type="button" class="secondary" data-list="new" aria-pressed="false">New offer</button>
          </div>
          <section id="trade-incoming" aria-labelledby="trade-list-incoming">
            <h2 id="trade-list-incoming" tabindex="-1">Incoming offers</h2>
          </section>
          <section id="trade-outgoing" aria-labelledby="trade-list-outgoing" hidden>
            <h2 id="trade-list-outgoing" tabindex="-1">Outgoing offers</h2>
          </section>
          <section id="trade-new" aria-labelledby="trade-list-new" hidden>
            <h2 id="trade-list-new" tabindex="-1">New offer</h2>
            <form id="trade-compose" class="panel lookup" autocomplete="off">
              <div class="field grow">
                <label for="trade-partner">Partner's trade URL</label>
                <input id="trade-partner" required maxlength="300" spellcheck="false" autocapitalize="off"
                  placeholder="steamcommunity.com/tradeoffer/new/?partner=…&amp;token=…" />
              </div>
              <div class="field">
                <label for="trade-app">Game to trade</label>
                <select id="trade-app"></select>
              </div>
              <button type="submit">Load inventories</button>
            </form>
            <div id="trade-sides" class="sides" hidden></div>
            <div class="panel send-box">
              <div class="field grow">
                <label for="trade-message">Message</label>
                <textarea id="trade-message" maxlength="128" rows="2"></textarea>
              </div>
              <button id="trade-send" type="button" hidden>Send offer</button>
              <p id="trade-sent" class="status" role="status"></p>
              <p id="trade-send-error" class="error" role="alert" hidden></p>
            </div>
          </section>
        </div>
      </section>
    </main>
    <dialog id="item-dialog" aria-labelledby="dialog-title" class="item-dialog">
      <div class="dialog-head">
        <h2 id="dialog-title"></h2>
        <button id="dialog-close" type="button" class="secondary" aria-label="Close">Close</button>
      </div>
      <div id="dialog-body"></div>
    </dialog>
  </body>
</html>
`;
