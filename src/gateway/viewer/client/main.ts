/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/main
 * The viewer's entry point: takes a handed-over key out of the address, reads the state from
 * the URL, wires the key panel, the tabs, both inventories and the trade desk, and keeps the
 * URL in step (a new lookup is a history entry; filters and the open item replace the current
 * one).
 * `?virtualize=0` draws every grid row (the benchmark's baseline).
 */
import { byId, say } from './dom.js';
import { adoptKeyFromFragment, forgetKey, looksLikeKey, readKey, saveKey } from './key.js';
import { robloxTab } from './roblox-tab.js';
import {
  parseState,
  stateQuery,
  type RobloxView,
  type SteamView,
  type Tab,
  type TradeView,
  type ViewState,
} from './state.js';
import { steamTab } from './steam-tab.js';
import { tablist } from './tabs.js';
import { tradeDesk } from './trade-desk.js';

adoptKeyFromFragment();
const virtualize = new URLSearchParams(location.search).get('virtualize') !== '0';
let state: ViewState = parseState(location.search);

function writeUrl(push: boolean): void {
  let query = stateQuery(state);
  if (!virtualize) query += `${query ? '&' : '?'}virtualize=0`;
  const url = location.pathname + query;
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

const steam = steamTab({
  view: () => state.steam,
  change(patch: Partial<SteamView>, push = false) {
    state = { ...state, steam: { ...state.steam, ...patch } };
    writeUrl(push);
  },
  virtualize,
});
const roblox = robloxTab({
  view: () => state.roblox,
  change(patch: Partial<RobloxView>, push = false) {
    state = { ...state, roblox: { ...state.roblox, ...patch } };
    writeUrl(push);
  },
  virtualize,
});

const trade = tradeDesk({
  view: () => state.trade,
  change(patch: Partial<TradeView>, push = false) {
    state = { ...state, trade: { ...state.trade, ...patch } };
    writeUrl(push);
  },
});

const showTab = tablist(byId('tabs'), (id) => {
  if (id === state.tab) return;
  state = { ...state, tab: id as Tab };
  showTab(id);
  writeUrl(true);
});

// The key panel: open until a key is stored.
const keyPanel = byId<HTMLDetailsElement>('key-panel');
const keyInput = byId<HTMLInputElement>('apikey');
const keyStatus = byId('key-status');
const keyError = byId('key-error');
function showKeyState(): void {
  const stored = readKey() !== '';
  keyStatus.textContent = stored ? 'A key is stored in this tab.' : 'No key yet.';
  if (!stored) keyPanel.open = true;
}
byId<HTMLFormElement>('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!looksLikeKey(keyInput.value)) {
    say(keyError, 'A gateway key looks like gs_ followed by 32 letters, digits, - or _.');
    keyInput.focus();
    return;
  }
  saveKey(keyInput.value);
  keyInput.value = '';
  say(keyError, '');
  showKeyState();
  keyPanel.open = false;
  // What failed for want of a key is asked again.
  steam.sync();
  if (state.tab === 'roblox') roblox.sync();
  if (state.tab === 'trade') trade.sync(true);
});
byId('forget-key').addEventListener('click', () => {
  forgetKey();
  showKeyState();
  keyInput.focus();
});

window.addEventListener('popstate', () => {
  state = parseState(location.search);
  showTab(state.tab);
  steam.sync();
  roblox.sync();
  trade.sync();
});

showKeyState();
showTab(state.tab);
steam.sync();
roblox.sync();
trade.sync();
