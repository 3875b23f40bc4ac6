/**
 * Benchmark: listing 1,000 trade offers with their item descriptions (GetTradeOffers, every
 * cursor page) against the emulator in its own process.
 *
 *   node --import tsx bench/steam/trade-list.ts [--offers 1000] [--rounds 11]
 *
 * gamestash's `listAll` (each page checked for Steam's glitches, every offer normalized and
 * its items joined to their descriptions with the inventory's normalizer) against, in the same
 * run, a bare loop of `fetch` + `JSON.parse` over the same pages (the floor: the transfer and
 * the parse every client pays), and node-steam-tradeoffer-manager's `getOffers` for reference.
 * The manager asks for no descriptions (it reads them from ISteamEconomy/GetAssetClassInfo,
 * which the emulator does not serve, and only when given a language): its figure is for the
 * offers without names, next to the bare loop without descriptions. Rounds alternate the
 * four; medians reported.
 * Targets: every client reads the same pages (the same request count) and gamestash returns
 * all offers, every item named; its time is reported against the bare loop.
 */
import { parseArgs } from 'node:util';
import SteamCommunity from 'steamcommunity';
import TradeOfferManager from 'steam-tradeoffer-manager';
import { loadConfig } from '../../src/core/config.js';
import { createHttpClient } from '../../src/core/http/from-config.js';
import type { EmulatorStatsReport } from '../../src/emulator/control.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { createSteamTradeClient, MemoryTradeStateStore } from '../../src/steam/trade/index.js';
import { createSteamWebApiClient } from '../../src/steam/webapi/from-config.js';
import { fmt, median, printTable } from '../lib/stats.js';
import { tradableAssetIds } from './tradable.js';

const { values } = parseArgs({
  options: { offers: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '11' } },
});
const OFFERS = Number(values.offers);
const ROUNDS = Number(values.rounds);
const OWNER = '76561198000000601';
const PARTNER = '76561198000000602';

const emulator = await startEmulatorProcess({
  scenario: {
    steam: {
      users: {
        [OWNER]: { name: 'Bench trader', inventories: { '730/2': { size: OFFERS * 3 } } },
        [PARTNER]: { name: 'Bench partner', inventories: { '730/2': { size: OFFERS * 3 } } },
      },
      trade: { maxActivePerPartner: OFFERS * 2, maxActiveTotal: OFFERS * 2 },
    },
  },
});

async function control<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/steam/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return (await response.json()) as T;
}

interface Session {
  steamLoginSecure: string;
  sessionid: string;
  accessToken: string;
}
const owner = await control<Session>('sessions', { steamid: OWNER, expiresInSeconds: 86_400 });
const cookies = `steamLoginSecure=${owner.steamLoginSecure}; sessionid=${owner.sessionid}`;

async function tradableItems(steamid: string): Promise<string[]> {
  const ids = await tradableAssetIds(emulator.url, steamid, '730/2', cookies);
  if (ids.length < OFFERS) throw new Error(`only ${ids.length} tradable items in ${steamid}'s first page`);
  return ids.slice(0, OFFERS);
}

/** The offers to list: one of ours for one of theirs each, posted as Steam's page posts them. */
async function makeOffers(): Promise<void> {
  const [give, receive] = [await tradableItems(OWNER), await tradableItems(PARTNER)];
  const token = (
    (await (await fetch(`${emulator.url}/__emulator/steam/trade/accounts/${PARTNER}`)).json()) as {
      token: string;
    }
  ).token;
  const asset = (assetid: string) => ({ appid: 730, contextid: '2', amount: 1, assetid });
  for (let i = 0; i < OFFERS; i++) {
    const form = new URLSearchParams({
      sessionid: owner.sessionid,
      serverid: '1',
      partner: PARTNER,
      tradeoffermessage: `listed offer ${i + 1}`,
      json_tradeoffer: JSON.stringify({
        newversion: true,
        version: 3,
        me: { assets: [asset(give[i]!)], currency: [], ready: false },
        them: { assets: [asset(receive[i]!)], currency: [], ready: false },
      }),
      captcha: '',
      trade_offer_create_params: JSON.stringify({ trade_offer_access_token: token }),
    });
    const response = await fetch(`${emulator.url}/tradeoffer/new/send`, {
      method: 'POST',
      body: form.toString(),
      headers: {
        cookie: cookies,
        referer: `https://steamcommunity.com/tradeoffer/new/?partner=${BigInt(PARTNER) - 76561197960265728n}&token=${token}`,
        origin: 'https://steamcommunity.com',
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      },
    });
    if (response.status !== 200)
      throw new Error(`offer ${i + 1}: HTTP ${response.status} ${await response.text()}`);
  }
}
await makeOffers();

const cutoff = Math.floor(Date.now() / 1000) + 365 * 86_400;

/** The floor: the same pages, fetched and parsed, nothing else. */
async function bare(descriptions = true): Promise<{ offers: number; named: number }> {
  let offers = 0;
  let cursor = 0;
  for (;;) {
    const query = new URLSearchParams({
      access_token: owner.accessToken,
      get_sent_offers: '1',
      get_received_offers: '1',
      get_descriptions: descriptions ? '1' : '0',
      language: 'english',
      active_only: '1',
      historical_only: '0',
      time_historical_cutoff: String(cutoff),
      cursor: String(cursor),
    });
    const response = await fetch(`${emulator.url}/IEconService/GetTradeOffers/v1/?${query}`);
    const body = JSON.parse(await response.text()) as {
      response: { trade_offers_sent?: unknown[]; trade_offers_received?: unknown[]; next_cursor?: number };
    };
    offers +=
      (body.response.trade_offers_sent?.length ?? 0) + (body.response.trade_offers_received?.length ?? 0);
    cursor = body.response.next_cursor ?? 0;
    if (!cursor) return { offers, named: 0 };
  }
}

const config = loadConfig({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_STEAM_API_URL: emulator.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  STEAM_COOKIES: cookies,
});
const http = createHttpClient(config);
const trade = createSteamTradeClient(config, http, {
  store: new MemoryTradeStateStore(),
  webapi: createSteamWebApiClient(config, http),
});

async function gamestash(): Promise<{ offers: number; named: number }> {
  const offers = await trade.listAll({ filter: 'active' });
  const items = offers.flatMap((o) => [...o.itemsToGive, ...o.itemsToReceive]);
  return { offers: offers.length, named: items.filter((i) => i.name !== '').length };
}

const community = new SteamCommunity();
community.onPreHttpRequest = (_id: unknown, _source: unknown, options: { uri?: string; url?: string }) => {
  for (const field of ['uri', 'url'] as const) {
    const value = options[field];
    if (typeof value === 'string') {
      options[field] = value.replace(/^https:\/\/(steamcommunity\.com|api\.steampowered\.com)/, emulator.url);
    }
  }
  return false;
};
const manager = new TradeOfferManager({ community, pollInterval: -1, useAccessToken: true });
await new Promise<void>((resolve, reject) =>
  manager.setCookies(cookies.split('; '), (err: Error | null) => (err ? reject(err) : resolve())),
);

function managerList(): Promise<{ offers: number; named: number }> {
  return new Promise((resolve, reject) =>
    manager.getOffers(
      TradeOfferManager.EOfferFilter.ActiveOnly,
      (err: Error | null, sent: unknown[], received: unknown[]) =>
        err ? reject(err) : resolve({ offers: sent.length + received.length, named: 0 }),
    ),
  );
}

function listRequests(stats: EmulatorStatsReport): number {
  return Object.entries(stats.byPath)
    .filter(([path]) => path.startsWith('/IEconService/GetTradeOffers/'))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

const cases = {
  'bare fetch + JSON.parse': () => bare(),
  gamestash: gamestash,
  'bare, no descriptions': () => bare(false),
  'node-steam-tradeoffer-manager (no descriptions)': managerList,
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const requests: Record<string, Set<number>> = Object.fromEntries(
  Object.keys(cases).map((k) => [k, new Set()]),
);
const counts: Record<string, Set<string>> = Object.fromEntries(Object.keys(cases).map((k) => [k, new Set()]));
// Two warm-up rounds (JIT, keep-alive sockets, the emulator's pages), then timed ones.
for (let round = -2; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const before = listRequests(await emulator.stats());
    const started = performance.now();
    const { offers, named } = await run();
    const ms = performance.now() - started;
    requests[name]!.add(listRequests(await emulator.stats()) - before);
    counts[name]!.add(`${offers}/${named}`);
    if (round >= 0) samples[name]!.push(ms);
  }
}
await http.close();
manager.shutdown();
await emulator.close();

// Each against the bare loop reading the same pages (with descriptions, or without).
const baseOf = (name: string) =>
  median(samples[name.includes('no descriptions') ? 'bare, no descriptions' : 'bare fetch + JSON.parse']!);
printTable(
  Object.keys(cases).map((name) => ({
    case: name,
    'requests/run': [...requests[name]!].join(','),
    'offers/named items': [...counts[name]!].join(','),
    'median ms': fmt(median(samples[name]!), 1),
    'vs its bare loop': `${fmt(median(samples[name]!) / baseOf(name))}×`,
  })),
);
const sameRequests = new Set(Object.values(requests).flatMap((set) => [...set])).size === 1;
const ours = [...counts.gamestash!];
const results = [
  {
    name: `every client read the same pages (${[...requests.gamestash!].join(',')} requests)`,
    ok: sameRequests,
  },
  {
    name: `gamestash returned ${OFFERS} offers, all ${OFFERS * 2} items named (${ours.join(',')})`,
    ok: ours.length === 1 && ours[0] === `${OFFERS}/${OFFERS * 2}`,
  },
];
for (const { name, ok } of results) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
