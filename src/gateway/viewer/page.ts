/**
 * @module gateway/viewer/page
 * The viewer's HTML: one static page, no inline script or style (the CSP forbids both), so
 * everything it shows is built by `/viewer/app.js` with DOM APIs, never from HTML strings.
 */

export const VIEWER_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="color-scheme" content="light dark" />
    <title>gamestash inventory viewer</title>
    <link rel="stylesheet" href="/viewer/app.css" />
    <script type="module" src="/viewer/app.js"></script>
  </head>
  <body>
    <header class="top">
      <h1>gamestash <span>inventory viewer</span></h1>
      <p>Reads Steam inventories through this gateway. Your API key stays in this tab's session storage.</p>
    </header>
    <main>
      <form id="query" class="panel" autocomplete="off">
        <fieldset>
          <legend>Inventory</legend>
          <div class="field wide">
            <label for="steamid">Account: SteamID64, vanity name, profile or trade URL</label>
            <input id="steamid" maxlength="300" required spellcheck="false" autocapitalize="off"
              placeholder="76561198012345678 or steamcommunity.com/id/name" />
          </div>
          <div class="field">
            <label for="appid">App id</label>
            <input id="appid" inputmode="numeric" pattern="[0-9]{1,32}" value="730" required />
          </div>
          <div class="field">
            <label for="contextid">Context</label>
            <input id="contextid" inputmode="numeric" pattern="[0-9]{1,32}" value="2" required />
          </div>
          <div class="field">
            <label for="limit">Page size</label>
            <input id="limit" type="number" min="1" max="5000" value="50" required />
          </div>
          <div class="field wide">
            <label for="apikey">Gateway API key</label>
            <input id="apikey" type="password" required placeholder="gs_..." />
          </div>
        </fieldset>
        <fieldset>
          <legend>Filters</legend>
          <div class="field">
            <label for="tradable">Tradable</label>
            <select id="tradable">
              <option value="">Any</option>
              <option value="1">Tradable only</option>
              <option value="0">Not tradable</option>
            </select>
          </div>
          <div class="field">
            <label for="type">Type</label>
            <input id="type" maxlength="100" placeholder="Rifle" />
          </div>
          <div class="field">
            <label for="rarity">Rarity</label>
            <input id="rarity" maxlength="100" placeholder="Covert" />
          </div>
          <div class="field">
            <label for="name">Name</label>
            <input id="name" maxlength="100" placeholder="AK-47" />
          </div>
          <div class="field check">
            <input id="summary" type="checkbox" />
            <label for="summary">Summary (names and quantities)</label>
          </div>
        </fieldset>
        <div class="actions">
          <button id="submit" type="submit">Show inventory</button>
          <button id="forget" type="button" class="secondary">Forget key</button>
        </div>
      </form>
      <div id="error" class="error" role="alert" hidden></div>
      <section aria-labelledby="results-title" class="results">
        <h2 id="results-title" class="visually-hidden">Results</h2>
        <p id="status" class="status" role="status" aria-live="polite"></p>
        <ul id="grid" class="grid"></ul>
        <table id="summary-table" class="summary" hidden>
          <caption class="visually-hidden">Items by name</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Tradable</th></tr>
          </thead>
          <tbody></tbody>
        </table>
        <button id="more" type="button" hidden>Load more</button>
      </section>
    </main>
  </body>
</html>
`;
