/**
 * @module emulator/steam/steam-items
 * The Steam Community inventory (app 753, context 6): trading cards, emoticons, profile
 * backgrounds and gems. Gems stack (amount > 1) and are also reported in a small separate
 * `currency` array on the first page (UPSTREAM.md: "Currency items may appear in a separate
 * `currency` array").
 */
import type { RawDescription } from '../../steam/community/inventory/types.js';
import { html, staticDraw, tag, type AppCatalog, type StaticItem } from './catalog.js';
import { digitsFrom, hash32, iconUrl } from './random.js';

const ICON = 'IzMF03bk9WpSBq-S-ekoE33L-iLqGFHVaU25ZzQNQcXdEH9myp0erOEGHhMTE';
const GAME = tag('Game', 'app_620', 'Game', 'Portal 2');
const STEAM_GAME = tag('Game', 'app_753', 'Game', 'Steam');
const itemClass = (n: number, name: string) => tag('item_class', `item_class_${n}`, 'Item Type', name);
const COMMON = tag('droprate', 'droprate_0', 'Rarity', 'Common');

/** Community items of a game: market names start with the app id ("620-Chell"). */
function communityItem(
  name: string,
  weight: number,
  type: string,
  tags: StaticItem['body']['tags'],
  options: { marketName?: string; foil?: boolean; gooValue?: number } = {},
): StaticItem {
  const classid = digitsFrom(`753:${name}:${options.foil === true}`, 9);
  return {
    weight,
    classid,
    instanceid: '0',
    body: {
      currency: 0,
      background_color: '',
      icon_url: iconUrl(ICON, `753:${name}`, 80),
      descriptions: [
        html(options.foil ? 'A foil trading card from Portal 2.' : 'A trading card from Portal 2.'),
      ],
      tradable: 1,
      owner_actions: [
        {
          link: `javascript:GetGooValue( '%contextid%', '%assetid%', 620, ${options.gooValue ?? 2}, ${options.foil ? 1 : 0} )`,
          name: 'Turn into Gems...',
        },
      ],
      name,
      name_color: '',
      type,
      market_name: name,
      market_hash_name: `620-${options.marketName ?? name}`,
      market_fee_app: 620,
      commodity: 1,
      market_tradable_restriction: 7,
      market_marketable_restriction: 7,
      marketable: 1,
      tags,
    },
  };
}

const card = (name: string, weight: number, foil = false) =>
  communityItem(
    foil ? `${name} (Foil)` : name,
    weight,
    foil ? 'Portal 2 Foil Trading Card' : 'Portal 2 Trading Card',
    [
      GAME,
      itemClass(2, 'Trading Card'),
      tag('cardborder', foil ? 'cardborder_1' : 'cardborder_0', 'Card Border', foil ? 'Foil' : 'Normal'),
    ],
    { foil, marketName: foil ? `${name} (Foil)` : `${name} (Trading Card)` },
  );

const GEMS_CLASSID = '667924416';

function gems(
  name: string,
  classid: string,
  weight: number,
  marketable: number,
  amount: StaticItem['amount'],
): StaticItem {
  return {
    weight,
    classid,
    instanceid: '0',
    amount,
    body: {
      currency: 0,
      background_color: '',
      icon_url: iconUrl(ICON, `753:${name}`, 80),
      descriptions: [html('These gems can be used to create Booster Packs or craft badges.')],
      tradable: 1,
      name,
      name_color: '',
      type: 'Steam Gems',
      market_name: name,
      market_hash_name: `753-${name}`,
      market_fee_app: 753,
      commodity: 1,
      market_tradable_restriction: 7,
      marketable,
      tags: [STEAM_GAME, itemClass(7, 'Gems')],
    },
  };
}

const STEAM_ITEMS: StaticItem[] = [
  ...['Chell', 'GLaDOS', 'Wheatley', 'Atlas', 'P-Body'].flatMap((name) => [
    card(name, 12),
    card(name, 0.6, true),
  ]),
  communityItem(':aperture:', 8, 'Portal 2 Emoticon', [GAME, itemClass(4, 'Emoticon'), COMMON]),
  communityItem(':portalcube:', 7, 'Portal 2 Emoticon', [GAME, itemClass(4, 'Emoticon'), COMMON]),
  communityItem(
    'Aperture Laboratories',
    12,
    'Portal 2 Profile Background',
    [GAME, itemClass(3, 'Profile Background'), COMMON],
    {
      marketName: 'Aperture Laboratories (Profile Background)',
    },
  ),
  gems('Gems', GEMS_CLASSID, 8, 0, (rng) => 1 + Math.floor(rng() * 4000)),
  gems('Sack of Gems', '667933237', 5, 1, () => 1),
];

export const steamCommunityCatalog: AppCatalog = {
  appid: 753,
  contexts: ['6'],
  draw: staticDraw(753, STEAM_ITEMS),
  currency(steamid: string, contextid: string) {
    const gemsItem = STEAM_ITEMS.find((item) => item.classid === GEMS_CLASSID) as StaticItem;
    const description: RawDescription = {
      appid: 753,
      classid: GEMS_CLASSID,
      instanceid: '0',
      ...gemsItem.body,
    };
    return {
      entries: [
        {
          appid: 753,
          contextid,
          currencyid: digitsFrom(`currency:${steamid}`, 10),
          classid: GEMS_CLASSID,
          amount: String(hash32(`gems:${steamid}`) % 25_000),
        },
      ],
      descriptions: [description],
    };
  },
};
