/**
 * Benchmark: hot-cache throughput. autocannon on loopback against `GET /inventory` for a
 * cached 5,000-item inventory, and against a bare node:http server answering the very same
 * pre-serialized bytes, in the same run (alternating rounds). Target: the gateway serves at
 * least 0.8x the bare server's requests per second; p99 latency is reported for both.
 *
 *   node --import tsx bench/gateway-hot-cache.ts [--seconds 8] [--connections 10] [--log-level warn]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startEmulator } from '../src/emulator/index.js';
import { check, createKey, gatewayEnv, spawnChild } from './gateway-support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'warn' },
    items: { type: 'string', default: '5000' },
  },
});
const STEAMID = '76561198000005000';
const items = Number(values.items);
const dir = mkdtempSync(join(tmpdir(), 'gamestash-bench-'));
const sqlitePath = join(dir, 'gateway.sqlite');

const emulator = await startEmulator({
  scenario: { steam: { users: { [STEAMID]: { inventories: { '730/2': { size: items } } } } } },
});
const key = await createKey({ sqlitePath });
const gateway = await spawnChild(
  ['gateway'],
  gatewayEnv(emulator.url, { GAMESTASH_SQLITE_PATH: sqlitePath, GAMESTASH_LOG_LEVEL: values['log-level'] }),
);
const path = `/inventory?steamid=${STEAMID}&gameid=730&contextid=2&api_key=${key}`;
// Fill the cache, then take the exact bytes a hit answers for the bare server.
await (await fetch(gateway.url + path)).arrayBuffer();
const hit = await fetch(gateway.url + path);
const bytes = Buffer.from(await hit.arrayBuffer());
if (hit.headers.get('x-gamestash-cache') !== 'hit') throw new Error('the inventory is not cached');
const file = join(dir, 'inventory.json');
writeFileSync(file, bytes);
const bare = await spawnChild(['bare', file]);

async function round(url: string, seconds: number) {
  const result = await autocannon({ url, connections: Number(values.connections), duration: seconds });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

const seconds = Number(values.seconds);
// Warm both (JIT, connection setup), then alternate so drift affects both equally.
await round(bare.url, 2);
await round(gateway.url + path, 2);
const runs = { bare: [] as autocannon.Result[], gateway: [] as autocannon.Result[] };
for (let i = 0; i < 2; i++) {
  runs.bare.push(await round(bare.url, seconds / 2));
  runs.gateway.push(await round(gateway.url + path, seconds / 2));
}
const summary = (list: autocannon.Result[]) => ({
  rps: list.reduce((n, r) => n + r.requests.average, 0) / list.length,
  p50: Math.max(...list.map((r) => r.latency.p50)),
  p99: Math.max(...list.map((r) => r.latency.p99)),
  mbps: list.reduce((n, r) => n + r.throughput.average, 0) / list.length / 1e6,
});
const b = summary(runs.bare);
const g = summary(runs.gateway);
const ratio = g.rps / b.rps;
console.table({
  'bare node:http': {
    'req/s': b.rps.toFixed(1),
    'p50 ms': b.p50,
    'p99 ms': b.p99,
    'MB/s': b.mbps.toFixed(0),
  },
  'gateway /inventory': {
    'req/s': g.rps.toFixed(1),
    'p50 ms': g.p50,
    'p99 ms': g.p99,
    'MB/s': g.mbps.toFixed(0),
  },
});
console.log(
  `${items} items, ${(bytes.length / 1e6).toFixed(2)} MB per answer, ${values.connections} connections, log level ${values['log-level']}`,
);
const ok = check(ratio >= 0.8, `gateway / bare = ${ratio.toFixed(3)} (target >= 0.8)`);

await Promise.all([gateway.stop(), bare.stop(), emulator.close()]);
process.exitCode = ok ? 0 : 1;
