/**
 * The viewer's browser logic that needs no DOM, in Node: the URL state (a link reproduces the
 * view, never carries a key, shrugs off junk), searching, filtering and sorting the whole
 * inventory, the wear ranges, Roblox entries, and the error words.
 */
import { describe, expect, it } from 'vitest';
import { age, money } from './client/format.js';
import {
  applyView,
  facets,
  joinPrices,
  prepare,
  wearOf,
  worth,
  type Item,
  type UnitPrice,
} from './client/items.js';
import { filterRoblox, robloxEntries } from './client/roblox.js';
import { DEFAULT_STATE, parseState, priceBound, stateQuery, type ViewState } from './client/state.js';
import { sideValue, type PickItem } from './client/trade-value.js';
import { offerStateWords, sentWords, tradeWords } from './client/trade-words.js';
import { plainWords } from './client/words.js';

function item(over: Partial<Item>): Item {
  return {
    assetid: '1',
    classid: '1',
    instanceid: '0',
    amount: 1,
    name: 'Thing',
    marketHashName: over.name ?? 'Thing',
    type: 'Rifle',
    tradable: true,
    marketable: true,
    tags: {},
    fraudWarnings: [],
    ...over,
  };
}

const ITEMS = [
  item({
    assetid: '9',
    name: 'AK-47 | Redline',
    rarity: 'Classified',
    exterior: 'Field-Tested',
    float: 0.2,
    category: 'Rifle',
  }),
  item({
    assetid: '8',
    name: 'AWP | Asiimov',
    rarity: 'Covert',
    exterior: 'Battle-Scarred',
    float: 0.5,
    category: 'Sniper Rifle',
  }),
  item({
    assetid: '7',
    name: 'Recoil Case',
    type: 'Base Grade Container',
    rarity: 'Base Grade',
    category: 'Container',
    amount: 3,
    tradable: false,
  }),
  item({
    assetid: '6',
    name: 'AK-47 | Slate',
    rarity: 'Restricted',
    exterior: 'Factory New',
    float: 0.01,
    category: 'Rifle',
  }),
];
const price = (amount: number): UnitPrice => ({
  unit: { amount, currency: 'USD', text: `$${amount / 100}` },
  observedAt: null,
  source: 'steam',
  stale: false,
});

describe('URL state', () => {
  it('round-trips a whole view and leaves defaults out', () => {
    const state: ViewState = {
      tab: 'steam',
      steam: {
        ...DEFAULT_STATE.steam,
        who: 'https://steamcommunity.com/id/demo',
        q: 'ak red',
        rarity: 'Covert',
        min: '1.5',
        sort: 'price',
        item: '123',
      },
      roblox: { ...DEFAULT_STATE.roblox, user: '123456', collectibles: true },
      trade: { account: 'bot1', list: 'outgoing' },
    };
    const query = stateQuery(state);
    expect(query).toContain('acct=bot1&list=outgoing');
    expect(query).not.toContain('app=');
    expect(query).toContain('who=https%3A%2F%2Fsteamcommunity.com%2Fid%2Fdemo');
    expect(parseState(query)).toEqual(state);
    expect(stateQuery(DEFAULT_STATE)).toBe('');
  });

  it('drops junk and never reads a key from the query', () => {
    const state = parseState(
      '?app=7a&ctx=-1&sort=evil&min=abc&item=1x&tradable=2&key=gs_x&api_key=gs_y&tab=admin&acct=Bad!&list=all',
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(stateQuery(state)).toBe('');
    expect(priceBound('12.34', 2)).toBe(1234);
    expect(priceBound('1.5', 0)).toBe(2);
    expect(priceBound('x', 2)).toBeUndefined();
  });
});

describe('searching, filtering and sorting the whole inventory', () => {
  const entries = prepare(ITEMS);
  const view = { ...DEFAULT_STATE.steam, min: undefined, max: undefined };

  it('searches every word in name and type, any case; filters by each field', () => {
    const names = (over: object) => applyView(entries, { ...view, ...over }).map((e) => e.item.name);
    expect(names({ q: 'ak slate' })).toEqual(['AK-47 | Slate']);
    expect(names({ q: 'RIFLE' })).toHaveLength(3);
    expect(names({ tradable: '0' })).toEqual(['Recoil Case']);
    expect(names({ type: 'Rifle', exterior: 'Factory New' })).toEqual(['AK-47 | Slate']);
    expect(names({ rarity: 'Covert' })).toEqual(['AWP | Asiimov']);
  });

  it('sorts by date, name, rarity, float (missing last either way) and price', () => {
    const order = (sort: string) => applyView(entries, { ...view, sort } as never).map((e) => e.item.assetid);
    expect(order('date')).toEqual(['9', '8', '7', '6']);
    expect(order('date-asc')).toEqual(['6', '7', '8', '9']);
    expect(order('name')).toEqual(['9', '6', '8', '7']);
    expect(order('rarity')).toEqual(['8', '9', '6', '7']);
    expect(order('float')).toEqual(['6', '9', '8', '7']);
    expect(order('float-desc')).toEqual(['8', '9', '6', '7']);
    joinPrices(
      entries,
      new Map([
        ['AK-47 | Redline', price(1200)],
        ['AWP | Asiimov', price(9000)],
        ['Recoil Case', price(30)],
      ]),
    );
    expect(order('price')).toEqual(['8', '9', '7', '6']);
    expect(order('price-asc')).toEqual(['7', '9', '8', '6']);
    const cheap = applyView(entries, { ...view, min: 100, max: 5000 }).map((e) => e.item.assetid);
    expect(cheap).toEqual(['9']);
    expect(worth(entries)).toEqual({ amount: 1200 + 9000 + 3 * 30, unpriced: 1 });
  });

  it('offers the values present: rarities rarest first, exteriors in wear order', () => {
    expect(facets(entries)).toEqual({
      types: ['Container', 'Rifle', 'Sniper Rifle'],
      rarities: ['Covert', 'Classified', 'Restricted', 'Base Grade'],
      exteriors: ['Factory New', 'Field-Tested', 'Battle-Scarred'],
    });
  });

  it('places floats in the wear ranges FN 0-0.07, MW -0.15, FT -0.38, WW -0.45, BS -1', () => {
    expect([0, 0.0699, 0.07, 0.149, 0.15, 0.3799, 0.38, 0.45, 0.99].map((f) => wearOf(f).short)).toEqual([
      'FN',
      'FN',
      'MW',
      'MW',
      'FT',
      'FT',
      'WW',
      'BS',
      'BS',
    ]);
  });

  it('keeps 50,000 items quick to search and sort', () => {
    const many = prepare(
      Array.from({ length: 50_000 }, (_, i) =>
        item({ assetid: String(i), name: `Item ${i}`, float: ((i * 7919) % 1000) / 1000 }),
      ),
    );
    const shown = applyView(many, { ...view, q: 'item 4', sort: 'float' });
    expect(shown.length).toBe(23_756); // every number with a 4 in it
    for (let i = 1; i < shown.length; i++)
      expect(shown[i - 1]!.item.float!).toBeLessThanOrEqual(shown[i]!.item.float!);
  });
});

describe('Roblox entries', () => {
  it('names items by type and id, with collectible serials and states', () => {
    const entries = robloxEntries([
      {
        path: 'users/1/inventory-items/QQ',
        assetDetails: {
          assetId: '20000101',
          inventoryItemAssetType: 'HAIR_ACCESSORY',
          instanceId: '5',
          collectibleDetails: { serialNumber: 12, instanceState: 'AVAILABLE', itemId: 'abc' },
        },
      },
      { path: 'users/1/inventory-items/Qg', badgeDetails: { badgeId: '77' } },
    ]);
    expect(entries.map((e) => [e.key, e.name, e.serial, e.state])).toEqual([
      ['QQ', 'Hair accessory 20000101', 12, 'Available'],
      ['Qg', 'Badge 77', undefined, undefined],
    ]);
    expect(filterRoblox(entries, { q: '', type: '', collectibles: true })).toHaveLength(1);
    expect(filterRoblox(entries, { q: 'badge', type: '', collectibles: false })).toHaveLength(1);
  });
});

describe('words', () => {
  it('says what went wrong in plain words, with the wait', () => {
    expect(plainWords(403, 'private_inventory', 'x', undefined, 'steam')).toMatch(/private: only its owner/);
    expect(plainWords(429, 'quota_exceeded', 'x', 42, 'steam')).toMatch(/try again in 42 seconds/);
    expect(plainWords(503, 'upstream_rate_limited', 'x', 5, 'roblox')).toMatch(
      /^Roblox is rate limiting .* 5 seconds/,
    );
    expect(plainWords(404, 'profile_not_found', 'x', undefined, 'steam')).toMatch(/No Steam profile/);
    expect(plainWords(401, 'invalid_api_key', 'x', undefined, 'value')).toMatch(
      /did not accept this API key/,
    );
    expect(money(123456, 'USD')).toBe('$1,234.56');
    expect(money(1234, 'JPY')).toBe('¥1,234');
    expect(age(new Date(Date.now() - 3 * 3600_000).toISOString())).toBe('3 hours ago');
  });
});

describe('trade desk words', () => {
  it('names offer states, and says which scope a key lacks for which account', () => {
    expect([2, 3, 6, 7, 9, 11].map(offerStateWords)).toEqual([
      'Active',
      'Accepted',
      'Canceled',
      'Declined',
      'Needs confirmation',
      'In escrow',
    ]);
    expect(
      tradeWords(
        403,
        'missing_scope',
        { message: 'this key lacks the offers:read scope' },
        undefined,
        'bot1',
        'read offers',
      ),
    ).toBe('This key may not read offers of bot1 — ask the operator for offers:read.');
    expect(
      tradeWords(
        403,
        'missing_scope',
        { message: 'this key lacks the offers:write scope' },
        undefined,
        'bot1',
        'accept',
      ),
    ).toMatch(
      /^This key may not send, accept, decline or cancel offers of bot1 — ask the operator for offers:write\.$/,
    );
    expect(
      tradeWords(
        422,
        'trade_refused',
        { message: 'x', reason: 'TargetCannotTrade' },
        undefined,
        'bot1',
        'send',
      ),
    ).toMatch(/^Steam refused to send this offer: the partner cannot trade right now/);
    expect(tradeWords(409, 'account_session_expired', {}, undefined, 'bot1', 'accept')).toMatch(
      /session of bot1 has expired.*accounts update --name bot1/,
    );
    expect(tradeWords(409, 'idempotency_conflict', { reason: 'in_progress' }, 2, 'bot1', 'send')).toMatch(
      /still being sent/,
    );
    expect(tradeWords(429, 'quota_exceeded', {}, 7, 'bot1', 'send')).toMatch(/try again in 7 seconds/);
    expect(
      sentWords({
        id: '5',
        state: 9,
        needsMobileConfirmation: true,
        needsEmailConfirmation: false,
        replayed: true,
      }),
    ).toBe(
      'Sent offer 5: Needs confirmation — confirm it in the Steam mobile app (already sent: this is the same offer, not a second one).',
    );
  });

  it('adds up a side of an offer, counting the items without a price', () => {
    const priced = (amount: number | null) =>
      ({ price: amount === null ? null : { unit: { amount, currency: 'USD', text: '' } } }) as PickItem;
    expect(sideValue([priced(150), priced(null), priced(25)])).toEqual({
      amount: 175,
      currency: 'USD',
      unpriced: 1,
    });
  });
});
