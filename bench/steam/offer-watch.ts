/**
 * Benchmark: the offer watcher against node-steam-tradeoffer-manager's polling, watching the
 * same account of the emulator (its own process) through the same run of offer changes.
 *
 *   node --import tsx bench/steam/offer-watch.ts [--interval-ms 3000] [--changes 12]
 *
 * Time is scaled: both poll every `--interval-ms` (3 s; the default of both is 30 s) with a
 * full poll every 4 intervals (the manager's default 2 min is 4 × 30 s). A partner sends the
 * account `--changes` offers, one every 0.77 intervals, and cancels each 1.37 intervals after
 * sending it: every state change lands at a different point of the poll cycle. Measured:
 *  - latency: from the change (the emulator's answer to the partner) to each client's event,
 *    as a fraction of the poll interval (the same fraction at 30 s);
 *  - Web API calls per hour per account: the calls each client made, scaled to the default
 *    30 s interval;
 *  - events: gamestash must announce every change exactly once.
 * The gamestash watcher reads offers without item descriptions, as the manager does.
 * Targets: every change announced once by gamestash; its calls per hour no more than the
 * manager's; its median latency within 0.1 interval of the manager's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from '../../src/core/http/client.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { parseSteamSession } from '../../src/steam/session/session.js';
import { SteamTradeClient } from '../../src/steam/trade/client.js';
import { MemoryTradeStateStore } from '../../src/steam/trade/state-store.js';
import { SteamWebApiClient } from '../../src/steam/webapi/client.js';
import { openDatabase } from '../../src/store/database.js';
import { OfferWatchStoreDb } from '../../src/store/offer-watch.js';
import { fmt, median, printTable } from '../lib/stats.js';

const { values } = parseArgs({
  options: { 'interval-ms': { type: 'string', default: '3000' }, changes: { type: 'string', default: '12' } },
});
const INTERVAL = Number(values['interval-ms']);
const CHANGES = Number(values.changes);
const DEFAULT_INTERVAL = 30_000;
const BOT = '76561198000003001';
const PARTNER = '76561198000003002';

const emulator = await startEmulatorProcess({
  scenario: {
    steam: {
      users: { [PARTNER]: { inventories: { '440/2': { size: CHANGES + 10 } } } },
      trade: { maxActivePerPartner: 1000 },
    },
  },
});

interface Minted {
  steamLoginSecure: string;
  sessionid: string;
  accessToken: string;
}
async function mint(steamid: string): Promise<Minted> {
  const response = await fetch(`${emulator.url}/__emulator/steam/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steamid, expiresInSeconds: 86_400 }),
  });
  return (await response.json()) as Minted;
}
const sessionOf = (m: Minted) =>
  parseSteamSession({ cookies: `steamLoginSecure=${m.steamLoginSecure}; sessionid=${m.sessionid}` });

function tradeClient(session: Minted, onCall?: () => void) {
  const http = new HttpClient({ retries: 2, hooks: onCall ? { onResponse: () => onCall() } : {} });
  const webapi = new SteamWebApiClient({ http, apiUrl: emulator.url, communityUrl: emulator.url });
  const client = new SteamTradeClient({
    http,
    webapi,
    communityUrl: emulator.url,
    store: new MemoryTradeStateStore(),
    session: sessionOf(session),
  });
  return { http, client };
}

// The partner and what it gives.
const partnerSession = await mint(PARTNER);
const partner = tradeClient(partnerSession);
const botToken = (
  (await (await fetch(`${emulator.url}/__emulator/steam/trade/accounts/${BOT}`)).json()) as {
    token: string;
  }
).token;
const page = (await (
  await fetch(`${emulator.url}/inventory/${PARTNER}/440/2?l=english&count=2000`, {
    headers: { cookie: `steamLoginSecure=${partnerSession.steamLoginSecure}` },
  })
).json()) as { assets: { assetid: string }[] };
const items = page.assets.map((a) => `440/2/${a.assetid}`);

// gamestash's watcher, its store in a fresh SQLite file.
const botSession = await mint(BOT);
const dir = await mkdtemp(join(tmpdir(), 'gamestash-bench-watch-'));
const database = await openDatabase({ sqlitePath: join(dir, 'gamestash.sqlite') });
let gamestashCalls = 0;
const bot = tradeClient(botSession, () => gamestashCalls++);
const watcher = bot.client.watch(new OfferWatchStoreDb(database.db), {
  intervalMs: INTERVAL,
  fullPollIntervalMs: 4 * INTERVAL,
  descriptions: false,
});

// node-steam-tradeoffer-manager, pointed at the emulator (STACK.md), given the token by hand.
const { default: SteamCommunity } = (await import('steamcommunity')) as unknown as {
  default: new () => Record<string, unknown>;
};
const { default: TradeOfferManager } = (await import('steam-tradeoffer-manager')) as unknown as {
  default: new (options: Record<string, unknown>) => {
    setCookies(cookies: string[], callback: (error: Error | null) => void): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    shutdown(): void;
  };
};
let managerCalls = 0;
const community = new SteamCommunity();
community.onPreHttpRequest = (_id: unknown, _source: unknown, options: { uri?: string; url?: string }) => {
  // node-steamcommunity sets both `uri` and `url` to the same address: one request.
  if (String(options.uri ?? options.url).startsWith('https://api.steampowered.com')) managerCalls++;
  for (const field of ['uri', 'url'] as const) {
    const value = options[field];
    if (typeof value !== 'string') continue;
    options[field] = value
      .replace('https://api.steampowered.com', emulator.url)
      .replace('https://steamcommunity.com', emulator.url);
  }
  return false;
};
const manager = new TradeOfferManager({
  community,
  pollInterval: INTERVAL,
  pollFullUpdateInterval: 4 * INTERVAL,
  useAccessToken: true,
});

// What each side heard, and when: `<offer id>:<state>` → ms.
type Heard = Map<string, number>;
const heard: Record<'gamestash' | 'manager', Heard> = { gamestash: new Map(), manager: new Map() };
let gamestashEvents = 0;
const note = (who: keyof typeof heard, key: string) => {
  if (!heard[who].has(key)) heard[who].set(key, performance.now());
};
watcher.on('event', (event) => {
  gamestashEvents++;
  note('gamestash', `${event.offerId}:${event.offer.state}`);
});
manager.on('newOffer', (offer) => note('manager', `${(offer as { id: string }).id}:2`));
manager.on('receivedOfferChanged', (offer) => {
  const { id, state } = offer as { id: string; state: number };
  note('manager', `${id}:${state}`);
});

const started = performance.now();
watcher.start();
await new Promise<void>((resolve, reject) =>
  manager.setCookies([`steamLoginSecure=${botSession.steamLoginSecure}`], (error) =>
    error ? reject(error) : resolve(),
  ),
);

// The changes: an offer every 0.77 intervals, each cancelled 1.37 intervals later.
const changedAt = new Map<string, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cancels: Promise<void>[] = [];
for (let i = 0; i < CHANGES; i++) {
  const sent = await partner.client.send({ partner: BOT, token: botToken, give: [items[i]!] });
  changedAt.set(`${sent.id}:2`, performance.now());
  cancels.push(
    sleep(1.37 * INTERVAL).then(async () => {
      await fetch(`${emulator.url}/__emulator/steam/trade/offers/${sent.id}/cancel`, { method: 'POST' });
      changedAt.set(`${sent.id}:6`, performance.now());
    }),
  );
  await sleep(0.77 * INTERVAL);
}
await Promise.all(cancels);
// Two more intervals for the last change to be seen by both.
await sleep(2.2 * INTERVAL);
const elapsed = performance.now() - started;
await watcher.stop();
manager.shutdown();
await database.close();
await bot.http.close();
await partner.http.close();
await emulator.close();
await rm(dir, { recursive: true, force: true });

const latency = (who: keyof typeof heard) =>
  [...changedAt].map(([key, at]) => ((heard[who].get(key) ?? Infinity) - at) / INTERVAL);
const perHour = (calls: number) => (calls / elapsed) * 3_600_000 * (INTERVAL / DEFAULT_INTERVAL);
const rows = (['gamestash', 'manager'] as const).map((who) => {
  const l = latency(who).sort((a, b) => a - b);
  const calls = who === 'gamestash' ? gamestashCalls : managerCalls;
  return {
    client: who === 'gamestash' ? 'gamestash watcher' : 'node-steam-tradeoffer-manager',
    'changes seen': `${l.filter(Number.isFinite).length}/${changedAt.size}`,
    'latency p50 (× interval)': fmt(median(l)),
    p90: fmt(l[Math.floor(l.length * 0.9)] ?? NaN),
    max: fmt(l.at(-1) ?? NaN),
    'Web API calls': calls,
    'calls/hour at 30 s': Math.round(perHour(calls)),
  };
});
console.log(
  `\n${changedAt.size} offer changes over ${fmt(elapsed / 1000, 1)} s, both polling every ${INTERVAL} ms (full every ${4 * INTERVAL} ms)`,
);
printTable(rows);

const g = latency('gamestash');
const m = latency('manager');
const checks: [string, boolean][] = [
  [
    `gamestash announced every change exactly once (${gamestashEvents} events for ${changedAt.size} changes)`,
    g.every(Number.isFinite) && gamestashEvents === changedAt.size,
  ],
  [
    `gamestash calls/hour ${Math.round(perHour(gamestashCalls))} ≤ the manager's ${Math.round(perHour(managerCalls))}`,
    gamestashCalls <= managerCalls,
  ],
  [
    `gamestash median latency ${fmt(median(g))} ≤ the manager's ${fmt(median(m.filter(Number.isFinite)))} + 0.1 interval`,
    median(g) <= median(m.filter(Number.isFinite)) + 0.1,
  ],
];
for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
