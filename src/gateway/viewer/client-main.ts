/**
 * @module gateway/viewer/client-main
 * Browser code (plain JS, shipped as a string) wiring the form to the gateway's
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}`: the key goes in `x-api-key` (kept
 * in sessionStorage, never in a URL), filters become query parameters, "Load more" follows
 * `next_cursor`. No backticks or dollar-brace in here: the code lives inside a template literal.
 */

export const CLIENT_MAIN_JS = String.raw`
const KEY_STORAGE = 'gamestash.viewer.apiKey';
const $ = (id) => document.getElementById(id);
const form = $('query');
const grid = $('grid');
const table = $('summary-table');
const more = $('more');
const statusLine = $('status');
const errorBox = $('error');
let current = null;
let controller = null;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readQuery() {
  const value = (id) => $(id).value.trim();
  const summary = $('summary').checked;
  const params = new URLSearchParams();
  if (summary) params.set('summary', '1');
  else params.set('limit', value('limit'));
  for (const id of ['tradable', 'type', 'rarity', 'name']) if (value(id)) params.set(id, value(id));
  const segments = [value('steamid'), value('appid'), value('contextid')].map(encodeURIComponent);
  const path = '/v1/steam/inventory/' + segments.join('/');
  return { path, params, key: value('apikey'), summary, nextCursor: null, shown: 0 };
}

function setBusy(busy) {
  $('submit').disabled = busy;
  more.disabled = busy;
  grid.setAttribute('aria-busy', String(busy));
}

function search() {
  if (!form.reportValidity()) return;
  current = readQuery();
  storage()?.setItem(KEY_STORAGE, current.key);
  grid.replaceChildren();
  table.tBodies[0].replaceChildren();
  table.hidden = true;
  more.hidden = true;
  loadPage(current, false);
}

async function loadPage(query, append) {
  if (controller) controller.abort();
  const own = (controller = new AbortController());
  const params = new URLSearchParams(query.params);
  if (append && query.nextCursor) params.set('cursor', query.nextCursor);
  setBusy(true);
  errorBox.hidden = true;
  statusLine.textContent = 'Loading…';
  let res;
  let body = null;
  try {
    res = await fetch(query.path + '?' + params.toString(), {
      headers: { 'x-api-key': query.key, accept: 'application/json' },
      signal: own.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    body = await res.json().catch(() => null);
  } catch (error) {
    if (own.signal.aborted) return;
    setBusy(false);
    statusLine.textContent = '';
    showError(errorBox, 0, null, 'cannot reach the gateway: ' + error.message);
    return;
  }
  if (own !== controller || query !== current) return;
  setBusy(false);
  if (!res.ok || !body) {
    statusLine.textContent = '';
    showError(errorBox, res.status, body, res.statusText);
    return;
  }
  render(query, body);
}

function render(query, body) {
  const counts = body.matched + ' matching items (' + body.total_inventory_count + ' in the inventory)';
  if (query.summary) {
    const rows = document.createDocumentFragment();
    for (const line of body.summary || []) rows.append(summaryRow(line));
    table.tBodies[0].replaceChildren(rows);
    table.hidden = false;
    statusLine.textContent = (body.summary || []).length + ' distinct names, ' + counts;
    return;
  }
  const cards = document.createDocumentFragment();
  for (const item of body.items || []) cards.append(itemCard(item));
  grid.append(cards);
  query.shown += (body.items || []).length;
  query.nextCursor = body.next_cursor || null;
  const hadFocus = document.activeElement === more;
  more.hidden = !query.nextCursor;
  if (hadFocus && more.hidden) statusLine.focus();
  statusLine.textContent = 'Showing ' + query.shown + ' of ' + counts;
}

const savedKey = storage()?.getItem(KEY_STORAGE);
if (savedKey) $('apikey').value = savedKey;
statusLine.tabIndex = -1;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  search();
});
more.addEventListener('click', () => {
  if (current && current.nextCursor) loadPage(current, true);
});
$('summary').addEventListener('change', () => {
  if (current) search();
});
$('forget').addEventListener('click', () => {
  storage()?.removeItem(KEY_STORAGE);
  $('apikey').value = '';
  statusLine.textContent = 'API key removed from this tab.';
});
`;
