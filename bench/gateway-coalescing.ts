/**
 * Benchmark: single flight. 500 concurrent cold requests for one inventory, all at once
 * (500 connections, one request each), must cost exactly ceil(items/2000) upstream
 * requests, counted by the emulator. Reports the wall time and latency percentiles.
 *
 *   node --import tsx bench/gateway-coalescing.ts [--requests 500] [--items 5000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startEmulator } from '../src/emulator/index.js';
import { check, createKey, gatewayEnv, spawnChild } from './gateway-support.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '500' }, items: { type: 'string', default: '5000' } },
});
const requests = Number(values.requests);
const items = Number(values.items);
const STEAMID = '76561198000005000';
const sqlitePath = join(mkdtempSync(join(tmpdir(), 'gamestash-bench-')), 'gateway.sqlite');

const emulator = await startEmulator({
  scenario: { steam: { users: { [STEAMID]: { inventories: { '730/2': { size: items } } } } } },
});
const key = await createKey({ sqlitePath });
const gateway = await spawnChild(
  ['gateway'],
  gatewayEnv(emulator.url, { GAMESTASH_SQLITE_PATH: sqlitePath }),
);
const url = `${gateway.url}/inventory?steamid=${STEAMID}&gameid=730&contextid=2&api_key=${key}`;

const started = performance.now();
const result = await autocannon({ url, connections: requests, amount: requests, timeout: 60 });
const wallMs = performance.now() - started;
const upstream = emulator.stats.count({ pathPrefix: `/inventory/${STEAMID}/` });
const expected = Math.ceil(items / 2000);

console.table({
  'cold burst': {
    requests,
    '2xx': result['2xx'],
    'upstream requests': upstream,
    expected,
    'wall ms': Math.round(wallMs),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
  },
});
const ok = [
  check(result['2xx'] === requests && result.errors === 0, `${result['2xx']}/${requests} answered 200`),
  check(
    upstream === expected,
    `${upstream} upstream requests for ${items} items (exactly ceil(items/2000) = ${expected})`,
  ),
].every(Boolean);

await Promise.all([gateway.stop(), emulator.close()]);
process.exitCode = ok ? 0 : 1;
