/**
 * Benchmark: scale-out. Three gateway processes on one Redis and one PostgreSQL, hammered
 * in parallel for many cold inventories: the emulator (which enforces Steam's per-IP
 * spacing, GCRA with 15 ms tolerance) must see no more than the configured rate and zero
 * 429s, because the three share one pacing queue per egress IP through Redis.
 *
 *   node --import tsx bench/gateway-scale-out.ts [--interval 250] [--margin 25] [--inventories 40] [--clients 30]
 *
 * The emulator enforces `interval` exactly (Steam's limit); the gateways pace at interval +
 * margin (GAMESTASH_PACING_MARGIN_MS), the slack that absorbs send jitter between processes.
 */
import { parseArgs } from 'node:util';
import type { RequestLogEntry } from '../src/emulator/index.js';
import { startPostgres } from '../test/services/postgres.js';
import { startRedis } from '../test/services/redis.js';
import { check, createKey, gatewayEnv, spawnChild, type ChildServer } from './gateway-support.js';

const { values } = parseArgs({
  options: {
    interval: { type: 'string', default: '250' },
    inventories: { type: 'string', default: '40' },
    clients: { type: 'string', default: '30' },
    margin: { type: 'string', default: '25' },
  },
});
const interval = Number(values.interval);
const margin = Number(values.margin);
const ids = Array.from(
  { length: Number(values.inventories) },
  (_, i) => `765611980004${String(i).padStart(5, '0')}`,
);

// The emulator runs in a process of its own: measuring arrival times inside the process
// that generates the load would blame the gateways for this process's own event-loop lag.
const scenario = { steam: { defaultInventorySize: 50, rateLimit: { minIntervalMs: interval } } };
const [redis, pg, emulator] = await Promise.all([
  startRedis(),
  startPostgres(),
  spawnChild(['emulator', JSON.stringify(scenario)]),
]);
const databaseUrl = await pg.createDatabase('scale_out');
const env = gatewayEnv(emulator.url, {
  GAMESTASH_DATABASE_URL: databaseUrl,
  GAMESTASH_REDIS_URL: redis.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: String(interval),
  GAMESTASH_PACING_MARGIN_MS: String(margin),
});
const key = await createKey({ databaseUrl });
const gateways: ChildServer[] = [];
for (let i = 0; i < 3; i++) gateways.push(await spawnChild(['gateway'], env));

// Warm each instance first (JIT, database and Redis connections, the upstream connection):
// a cold process can send its first request well after its slot, which is the process's
// start-up, not the pacing this benchmark measures.
for (const [i, gateway] of gateways.entries()) {
  const res = await fetch(
    `${gateway.url}/inventory?steamid=7656119800050000${i}&gameid=730&contextid=2&api_key=${key}`,
  );
  if (res.status !== 200) throw new Error(`warm-up answered ${res.status}`);
  await res.arrayBuffer();
}

// Every client asks its instance for every inventory, each client in its own random order:
// all inventories are wanted at once from all three instances, as a fleet of callers would.
const statuses = new Map<number, number>();
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(values.clients) }, async (_, c) => {
    const base = gateways[c % 3]!.url;
    const order = [...ids].sort(() => Math.random() - 0.5);
    for (const id of order) {
      const res = await fetch(`${base}/inventory?steamid=${id}&gameid=730&contextid=2&api_key=${key}`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }),
);
const wallMs = performance.now() - started;

const { requests: log } = (await emulator.ask('stats')) as { requests: RequestLogEntry[] };
const upstream = log.filter((r) => r.path.startsWith('/inventory/765611980004')).map((r) => r.at);
const tooMany = log.filter((r) => r.status === 429).length;
upstream.sort((a, b) => a - b);
const gaps = upstream.slice(1).map((t, i) => t - upstream[i]!);
// The busiest window of 10 intervals: at most 10 requests (+1 at the window's edge).
let busiest = 0;
for (let i = 0, j = 0; i < upstream.length; i++) {
  while (upstream[i]! - upstream[j]! >= 10 * interval) j++;
  busiest = Math.max(busiest, i - j + 1);
}
const rate = upstream.length > 1 ? ((upstream.length - 1) * 1000) / (upstream.at(-1)! - upstream[0]!) : 0;
const perInstance = await Promise.all(
  gateways.map(async (g) => {
    const text = await (await fetch(`${g.url}/metrics`)).text();
    return Number(/gamestash_upstream_requests_total\{[^}]*status="200"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  }),
);
const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
console.table({
  'scale-out': {
    instances: 3,
    'gateway answers': answered,
    'answers/s': Math.round((answered * 1000) / wallMs),
    statuses: JSON.stringify(Object.fromEntries(statuses)),
    'upstream requests': upstream.length,
    'by instance': perInstance.join('/'),
    'spacing ms': `${interval}+${margin}`,
    'configured /s': (1000 / interval).toFixed(2),
    'observed /s': rate.toFixed(2),
    'min gap ms': gaps.length ? Math.min(...gaps) : '-',
    [`max in ${10 * interval} ms`]: busiest,
    '429s': tooMany,
  },
});
const ok = [
  check(tooMany === 0, 'zero 429s from the emulator'),
  check(
    rate <= 1000 / interval + 1e-9 && busiest <= 11,
    `no more than ${1000 / interval}/s to the emulator (per egress IP)`,
  ),
  check(
    upstream.length === ids.length,
    `${upstream.length} upstream requests for ${ids.length} inventories (shared cache, single flight)`,
  ),
  check((statuses.get(200) ?? 0) === answered, `every answer 200 (${answered})`),
  check(perInstance.filter((n) => n > 0).length >= 2, 'the upstream work was spread over the instances'),
].every(Boolean);

await Promise.all(gateways.map((g) => g.stop()));
await Promise.all([redis.stop(), pg.stop(), emulator.stop()]);
process.exitCode = ok ? 0 : 1;
