/**
 * The trade client's integration tests' world: one emulator per test file with a cast of
 * accounts, trade clients logged in as any of them (real HTTP, fast tuning), a count of
 * the requests each client made, and distinct tradable items handed out so no two tests
 * offer the same asset.
 */
import { afterAll, beforeAll } from 'vitest';
import { HttpClient } from '../src/core/http/client.js';
import { startEmulator, type MintedSession, type StartedEmulator } from '../src/emulator/index.js';
import type { SteamScenarioInput } from '../src/emulator/steam/scenario.js';
import { parseSteamSession, type SteamSession } from '../src/steam/session/session.js';
import { SteamTradeClient } from '../src/steam/trade/client.js';
import type { TradeTuning } from '../src/steam/trade/context.js';
import type { TradeItem } from '../src/steam/trade/items.js';
import type { TradeWarning } from '../src/steam/trade/model.js';
import { MemoryTradeStateStore, type TradeStateStore } from '../src/steam/trade/state-store.js';
import { SteamWebApiClient } from '../src/steam/webapi/client.js';
import { inventory, type Json } from './trade-world.js';

export const ALICE = '76561198000000701';
export const BOB = '76561198000000702';
export const CAROL = '76561198000000703';
export const MOBILE = '76561198000000704';
export const FRESH = '76561198000000705';
export const BANNED = '76561198000000706';
export const AWAY = '76561198000000707';
export const NEW_DEVICE = '76561198000000708';
export const DAVE = '76561198000000709';
export const ALICE_KEY = '0123456789ABCDEF0123456789ABCDEF';

const items = (size: number) => ({ '730/2': { size }, '440/2': { size } });

export const TRADE_PEOPLE: SteamScenarioInput = {
  users: {
    [ALICE]: { name: 'Alice', friends: [CAROL], apiKey: ALICE_KEY, inventories: items(60) },
    [BOB]: { name: 'Bob', inventories: items(60), trade: { escrowDays: 3, probation: true } },
    [CAROL]: { name: 'Carol', inventories: items(20) },
    [MOBILE]: { name: 'Mo', inventories: items(20), trade: { mobileAuthenticator: true } },
    [FRESH]: { name: 'Fresh', inventories: items(20), trade: { acknowledged: false } },
    [BANNED]: { name: 'Banned Ben', trade: { tradeBan: true } },
    [AWAY]: { name: 'Away Ann', trade: { unavailable: true } },
    [NEW_DEVICE]: { name: 'Newton', inventories: items(10), trade: { newDevice: true } },
    [DAVE]: { name: 'Dave', inventories: items(20) },
  },
  trade: { offersPageSize: 4 },
};

/** Reconciliation and read retries without the real 2 s waits. */
export const FAST: Partial<TradeTuning> = { reconcileDelayMs: 10, readRetryDelayMs: 10 };

export interface ClientOptions {
  store?: TradeStateStore;
  /** A minted session (default: a fresh one), a parsed one, or null for none. */
  session?: MintedSession | SteamSession | null;
  apiKey?: string;
  timeoutMs?: number;
  tuning?: Partial<TradeTuning>;
  /** Another base URL for both hosts (a proxy in front of the emulator). */
  url?: string;
}

export interface RequestSeen {
  method: string;
  path: string;
  status: number | undefined;
}

export function asSession(minted: MintedSession): SteamSession {
  return parseSteamSession({
    cookies: `steamLoginSecure=${minted.steamLoginSecure}; sessionid=${minted.sessionid}`,
  });
}

export function tradeClientWorld(steam: SteamScenarioInput = TRADE_PEOPLE) {
  const world = { emulator: undefined as unknown as StartedEmulator };
  const pools = new Map<string, TradeItem[]>();
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    world.emulator = await startEmulator({ scenario: { steam } });
  });
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    await world.emulator.close();
  });

  const url = () => world.emulator.url;
  const trade = () => world.emulator.steam.trade;

  /** A trade client logged in as `steamid`. */
  function client(steamid: string, options: ClientOptions = {}) {
    const requests: RequestSeen[] = [];
    const warnings: TradeWarning[] = [];
    const http = new HttpClient({
      retries: 2,
      baseDelayMs: 5,
      maxDelayMs: 20,
      timeoutMs: options.timeoutMs ?? 15_000,
      hooks: {
        onResponse: (info) =>
          requests.push({ method: info.method, path: new URL(info.url).pathname, status: info.status }),
      },
    });
    closers.push(() => http.close());
    const base = options.url ?? url();
    const webapi = new SteamWebApiClient({ http, apiUrl: base, communityUrl: base, apiKey: options.apiKey });
    const given = options.session === undefined ? trade().session(steamid) : options.session;
    const session = given === null ? undefined : 'cookieHeader' in given ? given : asSession(given);
    const store = options.store ?? new MemoryTradeStateStore();
    const client = new SteamTradeClient({
      http,
      webapi,
      communityUrl: base,
      store,
      session,
      steamId: steamid,
      onWarning: (w) => warnings.push(w),
      tuning: { ...FAST, ...options.tuning },
    });
    const count = (pattern: RegExp, method?: string) =>
      requests.filter((r) => pattern.test(r.path) && (method === undefined || r.method === method)).length;
    return { client, requests, warnings, store, session, count };
  }

  /** `n` tradable items of `steamid` that no other test was given. */
  async function take(steamid: string, appid: number, n: number): Promise<TradeItem[]> {
    const key = `${steamid}/${appid}`;
    let pool = pools.get(key);
    if (!pool) {
      const page = await inventory(url(), steamid, appid, '2', trade().session(steamid));
      const ok = new Set(
        (page.descriptions ?? [])
          .filter((d: Json) => d.tradable === 1)
          .map((d: Json) => `${d.classid}_${d.instanceid ?? '0'}`),
      );
      pool = (page.assets ?? [])
        .filter((a: Json) => ok.has(`${a.classid}_${a.instanceid ?? '0'}`))
        .map((a: Json) => ({ appid: a.appid, contextid: a.contextid, assetid: a.assetid, amount: 1 }));
      pools.set(key, pool!);
    }
    if (pool!.length < n) throw new Error(`the test world ran out of items for ${key}`);
    return pool!.splice(0, n);
  }

  async function stats() {
    const body = (await (await fetch(`${url()}/__emulator/stats`)).json()) as {
      modules: { steamTrade: Record<string, unknown> & { sends: number; offersCreated: number } };
    };
    return body.modules.steamTrade;
  }

  return { world, url, trade, client, take, stats };
}

/** `730/2/123` for an item, as a user would type it. */
export const spec = (item: TradeItem) => `${item.appid}/${item.contextid}/${item.assetid}`;
