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
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { openDatabase } from '../../src/store/database.js';
import { OfferWatchStoreDb } from '../../src/store/offer-watch.js';
import { fmt, median, printTable } from '../lib/stats.js';
import {
  backpack,
  driveOffers,
  latencies,
  mint,
  perHourAtDefault,
  startManager,
  tradeClient,
  tradeToken,
} from './offer-run.js';

const { values } = parseArgs({
  options: { 'interval-ms': { type: 'string', default: '3000' }, changes: { type: 'string', default: '12' } },
});
const INTERVAL = Number(values['interval-ms']);
const CHANGES = Number(values.changes);
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

// The partner and what it gives.
const partnerSession = await mint(emulator.url, PARTNER);
const partner = tradeClient(emulator.url, partnerSession);
const botToken = await tradeToken(emulator.url, BOT);
const items = await backpack(emulator.url, partnerSession);

// gamestash's watcher, its store in a fresh SQLite file.
const botSession = await mint(emulator.url, BOT);
const dir = await mkdtemp(join(tmpdir(), 'gamestash-bench-watch-'));
const database = await openDatabase({ sqlitePath: join(dir, 'gamestash.sqlite') });
let gamestashCalls = 0;
const bot = tradeClient(emulator.url, botSession, () => gamestashCalls++);
const watcher = bot.client.watch(new OfferWatchStoreDb(database.db), {
  intervalMs: INTERVAL,
  fullPollIntervalMs: 4 * INTERVAL,
  descriptions: false,
});

// What the watcher announced first and when: `<offer id>:<state>` → ms.
const heard = new Map<string, number>();
let gamestashEvents = 0;
watcher.on('event', (event) => {
  gamestashEvents++;
  const key = `${event.offerId}:${event.offer.state}`;
  if (!heard.has(key)) heard.set(key, Date.now());
});

const started = Date.now();
watcher.start();
// node-steam-tradeoffer-manager on the same account, given the token by hand.
const manager = await startManager(emulator.url, botSession, INTERVAL);

const changedAt = (
  await driveOffers({
    emulatorUrl: emulator.url,
    partner: partner.client,
    targets: [{ steamid: BOT, token: botToken }],
    items,
    changes: CHANGES,
    intervalMs: INTERVAL,
  })
)[0]!;
// Two more intervals for the last change to be seen by both.
await new Promise((resolve) => setTimeout(resolve, 2.2 * INTERVAL));
const elapsed = Date.now() - started;
const managerCalls = manager.calls();
await watcher.stop();
manager.shutdown();
await database.close();
await bot.http.close();
await partner.http.close();
await emulator.close();
await rm(dir, { recursive: true, force: true });

const perHour = (calls: number) => perHourAtDefault(calls, elapsed, INTERVAL);
const latency = {
  gamestash: latencies(changedAt, heard, INTERVAL),
  manager: latencies(changedAt, manager.heard, INTERVAL),
};
const rows = (['gamestash', 'manager'] as const).map((who) => {
  const l = latency[who];
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

const g = latency.gamestash;
const m = latency.manager;
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
