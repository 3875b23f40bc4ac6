/**
 * Benchmark: valuing a 50,000-item CS2 inventory (docs/value.md).
 * Warm: the price cache holds fresh prices; fetching + joining the inventory and valuing it
 * is timed against fetching + joining alone, in the same process, rounds alternating. Target:
 * valuation adds under 10%, and no upstream price request.
 * Cold: an empty store; the upstream requests one valuation costs, against the floor of one
 * bulk pass over the app's market (ceil(listed items / page size) search pages on the Steam
 * market, one request on Skinport) — not one request per item.
 *
 *   node --import tsx bench/steam/valuation.ts [--items 50000] [--rounds 7]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HttpClient } from '../../src/core/http/client.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import type { EmulatorStatsReport } from '../../src/emulator/control.js';
import { SteamInventoryClient } from '../../src/steam/community/inventory/client.js';
import { requireCurrency } from '../../src/steam/market/currencies.js';
import { PriceService } from '../../src/steam/market/price-service.js';
import type { PriceSourceId } from '../../src/steam/market/price-source.js';
import { SkinportSource } from '../../src/steam/market/skinport-source.js';
import { SteamMarketSource } from '../../src/steam/market/steam-source.js';
import { valueInventory } from '../../src/steam/market/valuation.js';
import { openDatabase } from '../../src/store/database.js';
import { PriceStore } from '../../src/store/prices.js';
import { fmt, median, printTable } from '../lib/stats.js';

// A gc() to call between timed runs, without needing node --expose-gc on the command line.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const { values } = parseArgs({
  options: { items: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '7' } },
});
const items = Number(values.items);
const rounds = Number(values.rounds);
const steamid = '76561198000070000';
const emulator = await startEmulatorProcess({
  scenario: {
    steam: { users: { [steamid]: { inventories: { '730/2': { size: items } } } } },
    market: { requestsPerWindow: 0 },
  },
});
const dir = await mkdtemp(join(tmpdir(), 'gamestash-bench-value-'));
const http = new HttpClient({ retries: 0 });
const inventory = new SteamInventoryClient({ http, communityUrl: emulator.url, intervalMs: 0 });
const usd = requireCurrency('USD');
const request = { steamid, appid: 730, contextid: 2 };

const pathRequests = (stats: EmulatorStatsReport, prefix: string) =>
  Object.entries(stats.byPath)
    .filter(([path]) => path.startsWith(prefix))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
const priceRequests = (stats: EmulatorStatsReport) =>
  pathRequests(stats, '/market/') + pathRequests(stats, '/v1/items');

async function pricesOn(file: string) {
  const database = await openDatabase({ sqlitePath: join(dir, file) });
  const prices = new PriceService({
    store: new PriceStore(database.db),
    sources: {
      steam: new SteamMarketSource({ http, communityUrl: emulator.url, intervalMs: 0 }),
      skinport: new SkinportSource({ http, url: emulator.url, intervalMs: 0 }),
    },
    maxAgeMs: 3_600_000,
  });
  return { database, prices };
}

// Cold: an empty store per source; how many upstream requests one valuation costs.
const cold: Record<string, { requests: number; floor: number; ms: number }> = {};
const listed = (await (
  await fetch(`${emulator.url}/market/search/render/?norender=1&appid=730&count=100`)
).json()) as {
  total_count: number;
  pagesize: number;
};
const floors: Record<PriceSourceId, number> = {
  steam: Math.ceil(listed.total_count / listed.pagesize),
  skinport: 1,
};
const all = await inventory.fetchItems(request);
for (const source of ['steam', 'skinport'] as const) {
  const { database, prices } = await pricesOn(`cold-${source}.sqlite`);
  await emulator.reset();
  const started = performance.now();
  await valueInventory(all, { currency: usd, source, prices });
  cold[source] = {
    requests: priceRequests(await emulator.stats()),
    floor: floors[source],
    ms: performance.now() - started,
  };
  await database.close();
}

// Warm: one store with fresh prices; fetch + join with and without valuing, alternating.
const warm = await pricesOn('warm.sqlite');
await valueInventory(all, { currency: usd, source: 'steam', prices: warm.prices });
const fetchOnly: number[] = [];
const fetchAndValue: number[] = [];
const valueOnly: number[] = [];
let warmPriceRequests = 0;
let total = '';
await inventory.fetchItems(request); // warm-up: code optimized, connections open
const timeFetch = async () => {
  gc();
  const started = performance.now();
  await inventory.fetchItems(request);
  fetchOnly.push(performance.now() - started);
};
const timeFetchAndValue = async () => {
  gc();
  const started = performance.now();
  const fetched = await inventory.fetchItems(request);
  const priced = performance.now();
  const valuation = await valueInventory(fetched, { currency: usd, source: 'steam', prices: warm.prices });
  const done = performance.now();
  fetchAndValue.push(done - started);
  valueOnly.push(done - priced);
  total = `${valuation.totals.total.amount} ${valuation.totals.total.currency} over ${valuation.lines.length} lines`;
};
for (let round = 0; round < rounds; round++) {
  await emulator.reset();
  // Alternate the order, and collect garbage before each: neither case pays for the other's heap.
  for (const run of round % 2 ? [timeFetchAndValue, timeFetch] : [timeFetch, timeFetchAndValue]) await run();
  warmPriceRequests += priceRequests(await emulator.stats());
}
await warm.database.close();
await http.close();
await emulator.close();
await rm(dir, { recursive: true, force: true });

const fetchMs = median(fetchOnly);
const withValueMs = median(fetchAndValue);
const valueMs = median(valueOnly);
// The headline: wall time with valuation as a ratio of fetching and joining alone.
const overhead = withValueMs / fetchMs - 1;
printTable([
  { case: 'fetch + join', 'median ms': fmt(fetchMs, 0), 'price requests': 0 },
  {
    case: 'fetch + join + value (warm)',
    'median ms': fmt(withValueMs, 0),
    'price requests': warmPriceRequests,
  },
  { case: 'value alone (warm)', 'median ms': fmt(valueMs, 1), 'price requests': warmPriceRequests },
  ...(['steam', 'skinport'] as const).map((source) => ({
    case: `value, cold store, ${source}`,
    'median ms': fmt(cold[source]!.ms, 0),
    'price requests': `${cold[source]!.requests} (floor ${cold[source]!.floor})`,
  })),
]);
console.log(`${items} items, ${total}`);
const checks = [
  [
    `warm: fetch + join + value is ${fmt(withValueMs / fetchMs, 3)}× fetch + join (valuation adds ${fmt(overhead * 100, 1)}%, its own time ${fmt((valueMs / fetchMs) * 100, 1)}%; target < 10%)`,
    overhead < 0.1,
  ],
  [`warm valuation makes no upstream price request (${warmPriceRequests})`, warmPriceRequests === 0],
  ...(['steam', 'skinport'] as const).map(
    (source) =>
      [
        `cold ${source}: ${cold[source]!.requests} upstream requests = one bulk pass (${cold[source]!.floor})`,
        cold[source]!.requests === cold[source]!.floor,
      ] as const,
  ),
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
