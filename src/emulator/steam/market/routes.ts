/**
 * @module emulator/steam/market/routes
 * The community market's two price endpoints (UPSTREAM.md), quirks included:
 * `GET /market/search/render/?norender=1` pages by name with `sell_price` in US cents whatever
 * `currency` says (anonymous callers get USD), at most `searchPageCap` results a page;
 * `GET /market/priceoverview/` answers formatted strings in the asked currency, with
 * `median_price` and `volume` sometimes missing, and `{"success": false}` with a 500 for a name
 * the market does not list.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { hash32 } from '../random.js';
import { convertCents, formatSteam, STEAM_STYLES } from './money.js';
import type { MarketScenario } from './scenario.js';
import { universeOf, type MarketItem } from './universe.js';

const APPS = [730, 440, 570, 252490, 753];
const USD = STEAM_STYLES.get(1)!;

export function searchReply(req: EmulatorRequest, scenario: MarketScenario): EmulatorReply {
  const query = req.url.searchParams;
  const start = Math.max(0, Number(query.get('start') ?? 0) || 0);
  const asked = Number(query.get('count') ?? 10) || 10;
  const pagesize = Math.max(1, Math.min(asked, scenario.searchPageCap));
  const appid = Number(query.get('appid'));
  const apps = Number.isInteger(appid) && appid > 0 ? [appid] : APPS;
  const items = apps.flatMap((app) => universeOf(app, scenario).items);
  const search = (query.get('query') ?? '').toLowerCase();
  const matching = search ? items.filter((i) => i.marketHashName.toLowerCase().includes(search)) : items;
  if (query.get('sort_dir') === 'desc') matching.reverse();
  const results = matching.slice(start, start + pagesize).map(resultOf);
  return {
    status: 200,
    body: {
      success: true,
      start,
      pagesize,
      total_count: matching.length,
      searchdata: {
        query: search,
        search_descriptions: false,
        total_count: matching.length,
        pagesize,
        prefix: 'searchResults',
        class_prefix: 'market',
      },
      results,
    },
  };
}

function resultOf(item: MarketItem) {
  const d = item.description;
  const cents = item.listings === 0 ? 0 : item.usdCents;
  return {
    name: d.market_name ?? item.marketHashName,
    hash_name: item.marketHashName,
    sell_listings: item.listings,
    sell_price: cents,
    sell_price_text: formatSteam(cents, USD),
    app_icon: `https://cdn.fastly.steamstatic.com/steamcommunity/public/images/apps/${item.appid}/icon.jpg`,
    app_name: APP_NAMES[item.appid] ?? `App ${item.appid}`,
    asset_description: {
      appid: item.appid,
      classid: d.classid,
      instanceid: d.instanceid ?? '0',
      background_color: d.background_color ?? '',
      icon_url: d.icon_url,
      tradable: 1,
      name: d.name,
      name_color: d.name_color,
      type: d.type,
      market_name: d.market_name,
      market_hash_name: item.marketHashName,
      commodity: d.commodity ?? 0,
    },
    sale_price_text: formatSteam(Math.max(1, Math.floor((cents * 96) / 100)), USD),
  };
}

const APP_NAMES: Record<number, string> = {
  730: 'Counter-Strike 2',
  440: 'Team Fortress 2',
  570: 'Dota 2',
  252490: 'Rust',
  753: 'Steam',
};

const NOT_LISTED: EmulatorReply = { status: 500, body: { success: false } };

export function priceOverviewReply(req: EmulatorRequest, scenario: MarketScenario): EmulatorReply {
  const query = req.url.searchParams;
  const appid = Number(query.get('appid'));
  const name = query.get('market_hash_name') ?? '';
  const style = STEAM_STYLES.get(Number(query.get('currency') ?? 1));
  const item = Number.isInteger(appid) ? universeOf(appid, scenario).byName.get(name) : undefined;
  if (!item || !style) return NOT_LISTED;
  if (item.listings === 0) return { status: 200, body: { success: true } };
  const h = hash32(`overview:${name}`);
  const lowest = convertCents(item.usdCents, style);
  const body: Record<string, unknown> = { success: true, lowest_price: formatSteam(lowest, style) };
  // UPSTREAM.md: volume and median_price are sometimes missing.
  if (h % 11 !== 0) body.volume = String(1 + (h % 40_000)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (h % 7 !== 0)
    body.median_price = formatSteam(
      convertCents(Math.max(1, Math.floor((item.usdCents * 97) / 100)), style),
      style,
    );
  return { status: 200, body };
}
