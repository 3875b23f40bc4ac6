/**
 * Benchmark: fetch + join of a 50,000-item CS2 inventory from the emulator, pacing off.
 * Compares, in the same run, gamestash against (a) a bare fetch + JSON.parse loop over the
 * same pages and (b) node-steamcommunity's getUserInventoryContents. Each run is a fresh
 * process (peak RSS is its own); rounds alternate so machine noise hits all three alike.
 *
 *   node --import tsx bench/steam/inventory-fetch.ts [--items 50000] [--rounds 5]
 *
 * Targets: gamestash ≥ 0.8× the bare throughput, ≥ 2× node-steamcommunity's, and exactly
 * ceil(items/2000) upstream requests.
 */
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { fmt, median, printTable, runWorker, type WorkerResult, inventoryRequests } from '../lib/stats.js';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '5' } },
});
const items = Number(values.items);
const rounds = Number(values.rounds);
const steamid = '76561198000050000';
// The emulator gets its own process, so serving never competes with this driver's loop.
const emulator = await startEmulatorProcess({
  scenario: { steam: { users: { [steamid]: { inventories: { '730/2': { size: items } } } } } },
});
const worker = new URL('./inventory-worker.ts', import.meta.url).pathname;
const args = (mode: string) => [mode, emulator.url, steamid, '730', '2'];

// Warm the emulator's generated inventory so no mode pays for generation.
await runWorker(worker, args('bare'));

const modes = ['bare', 'gamestash', 'steamcommunity'] as const;
const results: Record<string, WorkerResult[]> = { bare: [], gamestash: [], steamcommunity: [] };
const requests: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  for (const mode of modes) {
    await emulator.reset();
    const result = await runWorker(worker, args(mode));
    if (result.items !== items) throw new Error(`${mode} returned ${result.items} items, expected ${items}`);
    results[mode]!.push(result);
    requests[mode] = inventoryRequests(await emulator.stats());
  }
}
await emulator.close();

const summary = Object.fromEntries(
  modes.map((mode) => {
    const ms = median(results[mode]!.map((r) => r.ms));
    return [
      mode,
      {
        ms,
        itemsPerSec: items / (ms / 1000),
        cpuMs: median(results[mode]!.map((r) => r.cpuMs ?? 0)),
        rss: median(results[mode]!.map((r) => r.maxRssMb)),
      },
    ];
  }),
) as Record<(typeof modes)[number], { ms: number; itemsPerSec: number; cpuMs: number; rss: number }>;

printTable(
  modes.map((mode) => ({
    mode,
    'median ms': fmt(summary[mode].ms, 0),
    'CPU ms': fmt(summary[mode].cpuMs, 0),
    'items/s': fmt(summary[mode].itemsPerSec, 0),
    'upstream requests': requests[mode]!,
    'peak RSS MB': fmt(summary[mode].rss, 0),
    'gamestash ÷ this': fmt(summary.gamestash.itemsPerSec / summary[mode].itemsPerSec),
  })),
);

const expectedRequests = Math.ceil(items / 2000);
const vsBare = summary.gamestash.itemsPerSec / summary.bare.itemsPerSec;
const vsCommunity = summary.gamestash.itemsPerSec / summary.steamcommunity.itemsPerSec;
const checks = [
  [`gamestash upstream requests = ${expectedRequests}`, requests.gamestash === expectedRequests],
  [`throughput vs bare ${fmt(vsBare)}× ≥ 0.8×`, vsBare >= 0.8],
  [`throughput vs node-steamcommunity ${fmt(vsCommunity)}× ≥ 2×`, vsCommunity >= 2],
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
