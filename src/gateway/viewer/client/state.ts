/**
 * @module gateway/viewer/client/state
 * The page's state as its URL's query: the tab, who is looked up, app and context, search,
 * filters, sort and the open item; the trade desk's account and list. A link reproduces the view; the API key is never part
 * of it. Pure (no DOM): parsed and written the same way in the browser and in unit tests.
 */

export type Tab = 'steam' | 'roblox' | 'trade';
export const TABS: readonly Tab[] = ['steam', 'roblox', 'trade'];

/** The trade desk's lists: offers received, offers sent, and a new offer being composed. */
export const TRADE_LISTS = ['incoming', 'outgoing', 'new'] as const;
export type TradeList = (typeof TRADE_LISTS)[number];

export const SORTS = [
  'date',
  'date-asc',
  'name',
  'name-desc',
  'rarity',
  'rarity-asc',
  'float',
  'float-desc',
  'price',
  'price-asc',
] as const;
export type Sort = (typeof SORTS)[number];

export interface SteamView {
  who: string;
  app: string;
  context: string;
  q: string;
  /** '' any, '1' only, '0' none. */
  tradable: '' | '1' | '0';
  marketable: '' | '1' | '0';
  type: string;
  rarity: string;
  exterior: string;
  /** Unit price bounds in the currency's major units, as typed ('' = none). */
  min: string;
  max: string;
  sort: Sort;
  /** Asset id of the open item. */
  item: string;
}

export interface RobloxView {
  user: string;
  q: string;
  type: string;
  collectibles: boolean;
  item: string;
}

export interface TradeView {
  /** The registered trading account's name (the gateway's `accounts/{account}`). */
  account: string;
  list: TradeList;
}

export interface ViewState {
  tab: Tab;
  steam: SteamView;
  roblox: RobloxView;
  trade: TradeView;
}

export const DEFAULT_STATE: ViewState = {
  tab: 'steam',
  steam: {
    who: '',
    app: '730',
    context: '2',
    q: '',
    tradable: '',
    marketable: '',
    type: '',
    rarity: '',
    exterior: '',
    min: '',
    max: '',
    sort: 'date',
    item: '',
  },
  roblox: { user: '', q: '', type: '', collectibles: false, item: '' },
  trade: { account: '', list: 'incoming' },
};

/** Query names: short, stable (links get shared). Roblox's carry an `r` prefix. */
const STEAM_KEYS: Record<keyof SteamView, string> = {
  who: 'who',
  app: 'app',
  context: 'ctx',
  q: 'q',
  tradable: 'tradable',
  marketable: 'marketable',
  type: 'type',
  rarity: 'rarity',
  exterior: 'exterior',
  min: 'min',
  max: 'max',
  sort: 'sort',
  item: 'item',
};

const DIGITS = /^\d{1,32}$/;
/** The gateway's account names (store/key-scopes.ts ACCOUNT_NAME). */
export const ACCOUNT = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const PRICE = /^\d{1,9}(\.\d{1,2})?$/;
const FLAG = (value: string | null): '' | '1' | '0' => (value === '1' || value === '0' ? value : '');
const text = (value: string | null, max = 300) => (value ?? '').slice(0, max);

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  const get = (key: string) => params.get(key);
  const sort = get('sort') as Sort | null;
  const steam: SteamView = {
    who: text(get('who')).trim(),
    app: DIGITS.test(get('app') ?? '') ? (get('app') as string) : d.steam.app,
    context: DIGITS.test(get('ctx') ?? '') ? (get('ctx') as string) : d.steam.context,
    q: text(get('q'), 100),
    tradable: FLAG(get('tradable')),
    marketable: FLAG(get('marketable')),
    type: text(get('type'), 100),
    rarity: text(get('rarity'), 100),
    exterior: text(get('exterior'), 100),
    min: PRICE.test(get('min') ?? '') ? (get('min') as string) : '',
    max: PRICE.test(get('max') ?? '') ? (get('max') as string) : '',
    sort: sort && (SORTS as readonly string[]).includes(sort) ? sort : d.steam.sort,
    item: DIGITS.test(get('item') ?? '') ? (get('item') as string) : '',
  };
  const roblox: RobloxView = {
    user: DIGITS.test(get('ruser') ?? '') ? (get('ruser') as string) : '',
    q: text(get('rq'), 100),
    type: text(get('rtype'), 100),
    collectibles: get('rcollectibles') === '1',
    item: /^[A-Za-z0-9_:-]{1,100}$/.test(get('ritem') ?? '') ? (get('ritem') as string) : '',
  };
  const list = get('list') as TradeList | null;
  const trade: TradeView = {
    account: ACCOUNT.test(get('acct') ?? '') ? (get('acct') as string) : '',
    list: list && TRADE_LISTS.includes(list) ? list : d.trade.list,
  };
  const tab = get('tab') as Tab | null;
  return { tab: tab && TABS.includes(tab) ? tab : 'steam', steam, roblox, trade };
}

/** The query for a state, defaults left out, in a fixed order (`?` included; '' when empty). */
export function stateQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.tab !== DEFAULT_STATE.tab) params.set('tab', state.tab);
  for (const [field, key] of Object.entries(STEAM_KEYS) as [keyof SteamView, string][]) {
    const value = state.steam[field];
    if (value !== DEFAULT_STATE.steam[field]) params.set(key, value);
  }
  if (state.roblox.user) params.set('ruser', state.roblox.user);
  if (state.roblox.q) params.set('rq', state.roblox.q);
  if (state.roblox.type) params.set('rtype', state.roblox.type);
  if (state.roblox.collectibles) params.set('rcollectibles', '1');
  if (state.roblox.item) params.set('ritem', state.roblox.item);
  if (state.trade.account) params.set('acct', state.trade.account);
  if (state.trade.list !== DEFAULT_STATE.trade.list) params.set('list', state.trade.list);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Price bounds in minor units (cents), or undefined; `digits` is the currency's minor digits. */
export function priceBound(text: string, digits: number): number | undefined {
  if (!PRICE.test(text)) return undefined;
  return Math.round(Number(text) * 10 ** digits);
}
