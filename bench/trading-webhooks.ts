/**
 * Benchmark: offer events through the whole gateway, from a state change in the emulator to a
 * signed webhook arriving at a loopback receiver (this process), against node-steam-tradeoffer-
 * manager's polling of a second account of the same emulator in the same run.
 *
 *   node --import tsx bench/trading-webhooks.ts [--interval-ms 3000] [--changes 12]
 *
 * The emulator and the gateway each run in their own process. The gateway (SQLite store, the
 * store's webhook queue) watches one registered account; a key with `webhooks:write` and
 * `offers:read` for it subscribes a webhook to the offer events. Time is scaled as in
 * steam/offer-watch.ts: both poll every `--interval-ms` (3 s; the default of both is 30 s) with
 * a full poll every 4 intervals, and a partner sends each account `--changes` offers, one every
 * 0.77 intervals, cancelling each 1.37 intervals after sending it. Measured:
 *  - deliveries: every change must reach the receiver under its own event id (counted after
 *    de-duplication; raw repeats are reported), every signature verifying;
 *  - latency: from the change (the emulator's answer to the partner) to the webhook's arrival,
 *    and to the manager's event, as a fraction of the poll interval (the same fraction at 30 s),
 *    and the webhook hop alone in ms (from the body's `created`, when it was published);
 *  - Web API calls per hour per account at the default 30 s: the emulator's count of Web API
 *    requests over the run, less the manager's (counted by its request hook) and the partner's,
 *    is the gateway's (the gateway's first poll, made before the clock starts, included).
 * Targets: every change delivered; the gateway's calls per hour no more than the manager's; its
 * median latency within 0.15 interval of the manager's (the webhook hop on top of the poll).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EmulatorStatsReport } from '../src/emulator/control.js';
import { startEmulatorProcess } from '../src/emulator/process.js';
import { ApiKeyStore } from '../src/store/api-keys.js';
import { openDatabase } from '../src/store/database.js';
import { SecretBox } from '../src/store/secret-box.js';
import { SteamAccountStore } from '../src/store/steam-accounts.js';
import { startReceiver } from '../test/services/webhook-receiver.js';
import { check, gatewayEnv, spawnChild } from './gateway-support.js';
import { fmt, median, printTable } from './lib/stats.js';
import {
  backpack,
  cookiesOf,
  driveOffers,
  isWebApiPath,
  latencies,
  mint,
  perHourAtDefault,
  startManager,
  tradeClient,
  tradeToken,
} from './steam/offer-run.js';

const { values } = parseArgs({
  options: { 'interval-ms': { type: 'string', default: '3000' }, changes: { type: 'string', default: '12' } },
});
const INTERVAL = Number(values['interval-ms']);
const CHANGES = Number(values.changes);
const GATEWAY_BOT = '76561198000003101';
const MANAGER_BOT = '76561198000003102';
const PARTNER = '76561198000003103';
const ACCOUNT = 'bot1';
const SECRET_KEY = Buffer.alloc(32, 9).toString('base64');
const OFFER_EVENTS = ['newOffer', 'sentOfferChanged', 'receivedOfferChanged', 'offerReverted'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const emulator = await startEmulatorProcess({
  scenario: {
    steam: {
      users: { [PARTNER]: { inventories: { '440/2': { size: 3 * CHANGES + 20 } } } },
      trade: { maxActivePerPartner: 1000 },
    },
  },
});
const webApiRequests = (stats: EmulatorStatsReport) =>
  (stats.modules.steamWebApi as { requests: number; byMethod: Record<string, number> }) ?? {
    requests: 0,
    byMethod: {},
  };

// The partner (its own Web API calls counted, to be told apart from the gateway's) and the two bots.
const partnerSession = await mint(emulator.url, PARTNER);
let partnerCalls = 0;
const partner = tradeClient(
  emulator.url,
  partnerSession,
  (url) => void (isWebApiPath(url) && partnerCalls++),
);
const items = await backpack(emulator.url, partnerSession);
if (items.length < 2 * CHANGES)
  throw new Error(`the partner has ${items.length} tradable items, not ${2 * CHANGES}`);
const [gatewaySession, managerSession] = await Promise.all([
  mint(emulator.url, GATEWAY_BOT),
  mint(emulator.url, MANAGER_BOT),
]);

// The gateway's store: the watched account (sealed with the secret key) and the subscriber's key.
const dir = await mkdtemp(join(tmpdir(), 'gamestash-bench-trading-webhooks-'));
const sqlitePath = join(dir, 'gamestash.sqlite');
const database = await openDatabase({ sqlitePath });
await new SteamAccountStore(database.db, SecretBox.fromSecretKey(SECRET_KEY)).add({
  name: ACCOUNT,
  steamid: GATEWAY_BOT,
  secrets: { cookies: cookiesOf(gatewaySession) },
  present: [],
  sessionExpiresAt: gatewaySession.expiresAt * 1000,
  watch: true,
});
const { key } = await new ApiKeyStore(database.db).create({
  name: 'bench-trading-webhooks',
  scopes: ['webhooks:write', 'offers:read'],
  accounts: [ACCOUNT],
});
await database.close();

const receiver = await startReceiver();
const before = webApiRequests(await emulator.stats());
const gateway = await spawnChild(
  ['trading'],
  gatewayEnv(emulator.url, {
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_SQLITE_PATH: sqlitePath,
    GAMESTASH_SECRET_KEY: SECRET_KEY,
    GAMESTASH_OFFER_POLL_INTERVAL_MS: String(INTERVAL),
    GAMESTASH_OFFER_FULL_POLL_INTERVAL_MS: String(4 * INTERVAL),
    GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
  }),
);
// Should this process fail, the gateway must not outlive it (the emulator ends with its stdin).
process.once('exit', () => {
  try {
    process.kill(gateway.pid);
  } catch {
    // already gone
  }
});
const res = await fetch(`${gateway.url}/v1/webhooks`, {
  method: 'POST',
  headers: { 'x-api-key': key, 'content-type': 'application/json' },
  body: JSON.stringify({ url: `${receiver.url}/hook`, events: OFFER_EVENTS }),
});
if (res.status !== 201) throw new Error(`webhook creation answered ${res.status}: ${await res.text()}`);
receiver.secrets.set('/hook', ((await res.json()) as { secret: string }).secret);
for (let tries = 0; ; tries++) {
  const { held } = (await gateway.ask('held')) as { held: string[] };
  if (held.includes(ACCOUNT)) break;
  if (tries > 300) throw new Error(`the gateway did not start watching ${ACCOUNT}`);
  await sleep(100);
}

const started = Date.now();
const manager = await startManager(emulator.url, managerSession, INTERVAL);
const [gatewayChanges, managerChanges] = await driveOffers({
  emulatorUrl: emulator.url,
  partner: partner.client,
  targets: [
    { steamid: GATEWAY_BOT, token: await tradeToken(emulator.url, GATEWAY_BOT) },
    { steamid: MANAGER_BOT, token: await tradeToken(emulator.url, MANAGER_BOT) },
  ],
  items,
  changes: CHANGES,
  intervalMs: INTERVAL,
});
// Two more intervals for the last change to be seen by both; calls are counted up to here.
await sleep(2.2 * INTERVAL);
const elapsed = Date.now() - started;
const managerCalls = manager.calls();
const after = webApiRequests(await emulator.stats());
const gatewayCalls = after.requests - before.requests - managerCalls - partnerCalls;
// A late delivery still counts as delivered (its latency shows it): give stragglers 3 intervals.
await receiver
  .waitFor(() => receiver.delivered('/hook').size >= gatewayChanges!.size, 3 * INTERVAL)
  .catch(() => undefined);

manager.shutdown();
await gateway.stop();
await receiver.close();
await partner.http.close();
await emulator.close();
await rm(dir, { recursive: true, force: true });

// What arrived at the receiver: first 2xx arrival per event id (`<steamid>:<offer id>:<state>`).
const deliveries = receiver.received.filter((r) => r.path === '/hook');
const delivered = receiver.delivered('/hook');
const arrived = new Map<string, number>();
for (const r of deliveries) {
  const key = r.eventId.slice(`${GATEWAY_BOT}:`.length);
  if (delivered.has(r.eventId) && !arrived.has(key)) arrived.set(key, r.at);
}
const latency = {
  gateway: latencies(gatewayChanges!, arrived, INTERVAL),
  manager: latencies(managerChanges!, manager.heard, INTERVAL),
};
const perHour = (calls: number) => Math.round(perHourAtDefault(calls, elapsed, INTERVAL));
const row = (client: string, l: number[], changes: number, calls: number) => ({
  client,
  'changes seen': `${l.filter(Number.isFinite).length}/${changes}`,
  'latency p50 (× interval)': fmt(median(l)),
  p90: fmt(l[Math.floor(l.length * 0.9)] ?? NaN),
  max: fmt(l.at(-1) ?? NaN),
  'Web API calls': calls,
  'calls/hour at 30 s': perHour(calls),
});
console.log(
  `\n${gatewayChanges!.size} offer changes per account over ${fmt(elapsed / 1000, 1)} s, both polling every ${INTERVAL} ms (full every ${4 * INTERVAL} ms)`,
);
printTable([
  row('gamestash gateway → webhook', latency.gateway, gatewayChanges!.size, gatewayCalls),
  row('node-steam-tradeoffer-manager', latency.manager, managerChanges!.size, managerCalls),
]);
const byMethod = Object.entries(after.byMethod)
  .map(([method, n]) => [method, n - (before.byMethod[method] ?? 0)] as const)
  .filter(([, n]) => n > 0);
console.log(
  `emulator Web API requests in the run: ${after.requests - before.requests} (${byMethod.map(([m, n]) => `${m} ${n}`).join(', ')}); ` +
    `the manager's ${managerCalls}, the partner's ${partnerCalls}, the gateway's ${gatewayCalls}`,
);
const badSignatures = deliveries.filter((r) => r.verified !== true).length;
// The webhook hop alone: from publishing (the body's `created`, same machine clock) to arrival.
const hops = deliveries
  .map((r) => r.at - Date.parse((r.body as { created: string }).created))
  .sort((a, b) => a - b);
console.log(
  `receiver: ${deliveries.length} requests, ${delivered.size} distinct event ids answered 2xx, ${badSignatures} bad signatures; ` +
    `publish → arrival median ${fmt(median(hops), 0)} ms, max ${fmt(hops.at(-1) ?? NaN, 0)} ms`,
);

const g = latency.gateway;
const m = latency.manager.filter(Number.isFinite);
let ok = true;
ok =
  check(
    g.every(Number.isFinite) && delivered.size === gatewayChanges!.size && badSignatures === 0,
    `every change delivered once per event id, signed (${delivered.size} event ids for ${gatewayChanges!.size} changes)`,
  ) && ok;
ok =
  check(
    gatewayCalls <= managerCalls,
    `gateway calls/hour ${perHour(gatewayCalls)} ≤ the manager's ${perHour(managerCalls)}`,
  ) && ok;
ok =
  check(
    median(g) <= median(m) + 0.15,
    `gateway median latency ${fmt(median(g))} ≤ the manager's ${fmt(median(m))} + 0.15 interval`,
  ) && ok;
process.exitCode = ok ? 0 : 1;
