/**
 * Benchmark: fetch + join of a 50,000-item CS2 inventory from the emulator, pacing off.
 * Compares, in the same run, gamestash against (a) a bare fetch + JSON.parse loop over the
 * same pages and (b) node-steamcommunity's getUserInventoryContents. Each run is a fresh
 * process (peak RSS is its own); rounds alternate so machine noise hits all three alike.
 * Two settings: `cold` is the first fetch in a fresh process (a CLI call); `warm` fetches
 * another inventory of the same size first, untimed, as a long-running bot or gateway has.
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
/** The warm-up inventory: same size, other items, so nothing a client might keep is reused. */
const warmupSteamid = '76561198000050001';
const inventory = { inventories: { '730/2': { size: items } } };
// The emulator gets its own process, so serving never competes with this driver's loop.
const emulator = await startEmulatorProcess({
  scenario: { steam: { users: { [steamid]: inventory, [warmupSteamid]: inventory } } },
});
const worker = new URL('./inventory-worker.ts', import.meta.url).pathname;
const settings = { cold: [], warm: [warmupSteamid, '1'] } as const;
const args = (mode: string, setting: keyof typeof settings) => [
  mode,
  emulator.url,
  steamid,
  '730',
  '2',
  ...settings[setting],
];

// Warm the emulator's pages (both inventories) so no mode pays for serializing them.
await runWorker(worker, args('bare', 'warm'));

const modes = ['bare', 'gamestash', 'steamcommunity'] as const;
type Mode = (typeof modes)[number];
type Setting = keyof typeof settings;
const results = new Map<string, WorkerResult[]>();
const requests: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  for (const setting of Object.keys(settings) as Setting[]) {
    for (const mode of modes) {
      await emulator.reset();
      const result = await runWorker(worker, args(mode, setting));
      if (result.items !== items)
        throw new Error(`${mode} returned ${result.items} items, expected ${items}`);
      const key = `${mode} ${setting}`;
      results.set(key, [...(results.get(key) ?? []), result]);
      requests[key] = inventoryRequests(await emulator.stats(), steamid);
    }
  }
}
await emulator.close();

const summarize = (mode: Mode, setting: Setting) => {
  const runs = results.get(`${mode} ${setting}`)!;
  const ms = median(runs.map((r) => r.ms));
  return {
    ms,
    itemsPerSec: items / (ms / 1000),
    cpuMs: median(runs.map((r) => r.cpuMs ?? 0)),
    rss: median(runs.map((r) => r.maxRssMb)),
  };
};
const ratio = (setting: Setting, baseline: Mode) =>
  summarize('gamestash', setting).itemsPerSec / summarize(baseline, setting).itemsPerSec;

printTable(
  (Object.keys(settings) as Setting[]).flatMap((setting) =>
    modes.map((mode) => {
      const s = summarize(mode, setting);
      return {
        setting,
        mode,
        'median ms': fmt(s.ms, 0),
        'CPU ms': fmt(s.cpuMs, 0),
        'items/s': fmt(s.itemsPerSec, 0),
        'upstream requests': requests[`${mode} ${setting}`],
        'peak RSS MB': fmt(s.rss, 0),
        'gamestash ÷ this': fmt(summarize('gamestash', setting).itemsPerSec / s.itemsPerSec),
      };
    }),
  ),
);

const expectedRequests = Math.ceil(items / 2000);
const checks = [
  [`gamestash upstream requests = ${expectedRequests}`, requests['gamestash cold'] === expectedRequests],
  ...(Object.keys(settings) as Setting[]).flatMap((setting) => [
    [`${setting}: throughput vs bare ${fmt(ratio(setting, 'bare'))}× ≥ 0.8×`, ratio(setting, 'bare') >= 0.8],
    [
      `${setting}: throughput vs node-steamcommunity ${fmt(ratio(setting, 'steamcommunity'))}× ≥ 2×`,
      ratio(setting, 'steamcommunity') >= 2,
    ],
  ]),
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
