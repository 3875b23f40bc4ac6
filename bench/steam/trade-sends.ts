/**
 * Benchmark: 200 trade offer sends against the emulator (its own process) with 15% EResult 16
 * *after* the offer was created and 5% connections dropped after it was created (UPSTREAM.md:
 * "the offer may still have been created"), one send at a time as a bot sends them.
 *
 *   node --import tsx bench/steam/trade-sends.ts [--sends 200] [--seed 1]
 *
 * gamestash's send (reconciliation against the sent offers, no idempotency key) and
 * node-steam-tradeoffer-manager's `offer.send` are driven with the same 200 offers (one item
 * each, a numbered message) against the same fault plan: the emulator is reset between the two
 * runs, so both meet the same faults on the same request numbers. The manager is retried the way
 * its users do: a failed send is sent once more, without checking anything first.
 * Counted from the emulator's own offers: offers created, duplicates (a numbered message seen
 * more than once), lost (a message never seen), sends the client reported failed, and upstream
 * requests per send.
 * Targets (gamestash): exactly 200 offers, 0 duplicates, 0 lost, 0 reported failed.
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
import { fmt, printTable } from '../lib/stats.js';
import { tradableAssetIds } from './tradable.js';

const { values } = parseArgs({
  options: { sends: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
});
const SENDS = Number(values.sends);
const SENDER = '76561198000000501';
const PARTNER = '76561198000000502';

const emulator = await startEmulatorProcess({
  scenario: {
    steam: {
      users: {
        [SENDER]: { name: 'Bench bot', inventories: { '730/2': { size: SENDS * 3 } } },
        [PARTNER]: { name: 'Bench partner' },
      },
      trade: {
        // The default caps (30 per partner, 1,000 in all) would refuse most of the run.
        maxActivePerPartner: SENDS * 4,
        maxActiveTotal: SENDS * 10,
        faults: {
          send: {
            rate: 0.2,
            // Listed three times to one: 15% EResult 16 after creation, 5% dropped connections.
            kinds: [
              'eresult16AfterCreate',
              'eresult16AfterCreate',
              'eresult16AfterCreate',
              'dropAfterCreate',
            ],
            seed: Number(values.seed),
          },
        },
      },
    },
  },
});

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/steam/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (await response.json()) as T;
}

interface Session {
  steamLoginSecure: string;
  sessionid: string;
}
const session = await control<Session>('sessions', { steamid: SENDER, expiresInSeconds: 86_400 });
const cookies = `steamLoginSecure=${session.steamLoginSecure}; sessionid=${session.sessionid}`;
const token = (await control<{ token: string }>(`trade/accounts/${PARTNER}`)).token;

/** The first SENDS tradable items of the bot, read as its owner. */
async function tradableItems(): Promise<string[]> {
  const ids = await tradableAssetIds(emulator.url, SENDER, '730/2', cookies);
  if (ids.length < SENDS) throw new Error(`only ${ids.length} tradable items for ${SENDS} sends`);
  return ids.slice(0, SENDS);
}
const items = await tradableItems();
const message = (i: number) => `bench offer #${i + 1}`;

interface RunResult {
  /** Sends the client reported failed (by index). */
  failed: number[];
  ms: number;
}

async function gamestash(): Promise<RunResult> {
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
  const failed: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SENDS; i++) {
    try {
      await trade.send({ partner: PARTNER, token, give: [`730/2/${items[i]}`], message: message(i) });
    } catch (error) {
      failed.push(i);
      console.error(`gamestash send ${i + 1}: ${(error as Error).message}`);
    }
  }
  const ms = performance.now() - started;
  await http.close();
  return { failed, ms };
}

/** node-steam-tradeoffer-manager, pointed at the emulator through node-steamcommunity's hook (STACK.md). */
async function manager(): Promise<RunResult> {
  const community = new SteamCommunity();
  const host = new URL(emulator.url).host;
  community.onPreHttpRequest = (
    _id: unknown,
    _source: unknown,
    options: { uri?: string; url?: string; headers?: Record<string, string> },
  ) => {
    for (const field of ['uri', 'url'] as const) {
      const value = options[field];
      if (typeof value === 'string') {
        options[field] = value.replace(
          /^https:\/\/(steamcommunity\.com|api\.steampowered\.com)/,
          emulator.url,
        );
      }
    }
    // Its cookie jar knows steamcommunity.com, not the emulator's host: send the cookies along.
    options.headers = { ...options.headers, cookie: cookies, host };
    return false;
  };
  const offers = new TradeOfferManager({ community, pollInterval: -1, useAccessToken: true });
  await new Promise<void>((resolve, reject) =>
    offers.setCookies(cookies.split('; '), (err: Error | null) => (err ? reject(err) : resolve())),
  );
  const sendOnce = (offer: { send: (cb: (err: Error | null) => void) => void }) =>
    new Promise<Error | null>((resolve) => offer.send((err) => resolve(err)));
  const failed: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SENDS; i++) {
    const offer = offers.createOffer(PARTNER, token);
    offer.addMyItem({ appid: 730, contextid: '2', assetid: items[i] });
    offer.setMessage(message(i));
    // As its users do: a failed send is sent again once, nothing checked first.
    if ((await sendOnce(offer)) && (await sendOnce(offer))) failed.push(i);
  }
  const ms = performance.now() - started;
  offers.shutdown();
  return { failed, ms };
}

interface OfferView {
  recipient: string;
  message: string;
}

function requestsOf(stats: EmulatorStatsReport, test: (path: string) => boolean): number {
  return Object.entries(stats.byPath)
    .filter(([path]) => test(path))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

const rows: Record<string, unknown>[] = [];
const outcomes: Record<string, { offers: number; duplicates: number; lost: number; failed: number }> = {};
for (const [name, run] of Object.entries({ gamestash, 'node-steam-tradeoffer-manager': manager })) {
  await emulator.reset();
  const { failed, ms } = await run();
  const stats = await emulator.stats();
  const { offers } = await control<{ offers: OfferView[] }>(`trade/offers?steamid=${SENDER}`);
  const byMessage = new Map<string, number>();
  for (const offer of offers.filter((o) => o.recipient === PARTNER)) {
    byMessage.set(offer.message, (byMessage.get(offer.message) ?? 0) + 1);
  }
  const duplicates = [...byMessage.values()].reduce((n, count) => n + count - 1, 0);
  const lost = Array.from({ length: SENDS }, (_, i) => message(i)).filter((m) => !byMessage.has(m)).length;
  const trade = (stats.modules as { steamTrade?: { sendFaults?: Record<string, number> } }).steamTrade;
  const sendPosts = requestsOf(stats, (p) => p === '/tradeoffer/new/send');
  const listReads = requestsOf(stats, (p) => p.startsWith('/IEconService/GetTradeOffers/'));
  outcomes[name] = { offers: offers.length, duplicates, lost, failed: failed.length };
  rows.push({
    client: name,
    offers: offers.length,
    duplicates,
    lost,
    'reported failed': failed.length,
    // The client said it failed, yet the partner has the offer: a bot would send it again.
    'of which sent': failed.filter((i) => byMessage.has(message(i))).length,
    'faults met': Object.values(trade?.sendFaults ?? {}).reduce((a, b) => a + b, 0),
    'upstream requests': stats.total,
    'per send': fmt(stats.total / SENDS),
    'send POSTs': sendPosts,
    'list reads': listReads,
    'wall ms': Math.round(ms),
  });
}
await emulator.close();

printTable(rows);
const ours = outcomes.gamestash!;
const results = [
  { name: `gamestash: exactly ${SENDS} offers exist (${ours.offers})`, ok: ours.offers === SENDS },
  { name: `gamestash: 0 duplicates (${ours.duplicates})`, ok: ours.duplicates === 0 },
  { name: `gamestash: 0 lost (${ours.lost})`, ok: ours.lost === 0 },
  { name: `gamestash: 0 sends reported failed (${ours.failed})`, ok: ours.failed === 0 },
];
for (const { name, ok } of results) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
