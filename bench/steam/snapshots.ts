/**
 * Benchmark: storing 100 snapshots of a 50,000-item CS2 inventory in SQLite (docs/value.md).
 * Each snapshot differs from the one before by a little churn (items traded away, new ones
 * received), as a watched inventory does. Measured: bytes the store grows by per snapshot
 * (against Steam's merged JSON of the same inventory, what a naive store would keep), the
 * time to store one, and the time to load two and diff them (against fetching and joining
 * the inventory again).
 *
 *   node --import tsx bench/steam/snapshots.ts [--items 50000] [--snapshots 100]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { HttpClient } from '../../src/core/http/client.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { SteamInventoryClient } from '../../src/steam/community/inventory/client.js';
import type { InventoryItem } from '../../src/steam/community/inventory/types.js';
import { diffInventories } from '../../src/steam/snapshots/diff.js';
import { loadSnapshot, recordSnapshot } from '../../src/steam/snapshots/record.js';
import { openDatabase } from '../../src/store/database.js';
import { SnapshotStore } from '../../src/store/snapshots.js';
import { fmt, median, printTable } from '../lib/stats.js';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '50000' }, snapshots: { type: 'string', default: '100' } },
});
const items = Number(values.items);
const count = Number(values.snapshots);
const steamid = '76561198000080000';
/** Items traded away and received between two snapshots. */
const CHURN = 50;

const emulator = await startEmulatorProcess({
  scenario: { steam: { users: { [steamid]: { inventories: { '730/2': { size: items } } } } } },
});
const http = new HttpClient({ retries: 0 });
const client = new SteamInventoryClient({ http, communityUrl: emulator.url, intervalMs: 0 });
const request = { steamid, appid: 730, contextid: 2 };
const raw = await client.fetchAll(request);
const rawBytes = Buffer.byteLength(JSON.stringify(raw));
const fetchTimes: number[] = [];
let inventory: InventoryItem[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  inventory = await client.fetchItems(request);
  fetchTimes.push(performance.now() - started);
}
await http.close();
await emulator.close();

const dir = await mkdtemp(join(tmpdir(), 'gamestash-bench-snapshots-'));
const file = join(dir, 'snapshots.sqlite');
const database = await openDatabase({ sqlitePath: file });
const store = new SnapshotStore(database.db);
const size = async () => {
  // Everything written lands in the main file, so its size is what the store holds.
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
  return (await stat(file)).size;
};

const empty = await size();
// Churn: the oldest items leave, new assets of existing classes arrive (fresh, higher ids).
let nextId = 90_000_000_000;
let current = inventory;
const ids: number[] = [];
const recordTimes: number[] = [];
let afterFirst = 0;
for (let i = 0; i < count; i++) {
  if (i > 0) {
    const arrived = current.slice(0, CHURN).map((item) => ({ ...item, assetid: String(nextId++) }));
    current = [...current.slice(CHURN), ...arrived];
  }
  const started = performance.now();
  const info = await recordSnapshot(store, {
    steamid,
    appid: 730,
    contextid: 2,
    items: current,
    takenAt: i * 3_600_000,
  });
  recordTimes.push(performance.now() - started);
  ids.push(info.id);
  if (i === 0) afterFirst = await size();
}
const full = await size();
const bodies = await database.db
  .selectFrom('inventory_snapshots')
  .select((eb) => eb.fn.sum<number>(eb.fn('length', ['body'])).as('bytes'))
  .executeTakeFirstOrThrow();

const diffTimes: number[] = [];
let lastDiff = '';
for (let i = 0; i < 10; i++) {
  const [a, b] = i % 2 ? [ids[0]!, ids.at(-1)!] : [ids[i]!, ids[i + 1]!];
  const started = performance.now();
  const diff = diffInventories([await loadSnapshot(store, a)], [await loadSnapshot(store, b)]);
  diffTimes.push(performance.now() - started);
  lastDiff = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.unchanged} unchanged`;
}
await database.close();
await rm(dir, { recursive: true, force: true });

const perSnapshot = (full - afterFirst) / (count - 1);
const descriptionsOnce = afterFirst - empty;
const fetchMs = median(fetchTimes);
const diffMs = median(diffTimes);
printTable([
  { measure: "Steam's merged JSON of the inventory", value: `${fmt(rawBytes / 1024, 0)} KiB` },
  { measure: 'store growth per snapshot (after the first)', value: `${fmt(perSnapshot / 1024, 1)} KiB` },
  {
    measure: 'encoded assets per snapshot (body)',
    value: `${fmt(Number(bodies.bytes) / count / 1024, 1)} KiB`,
  },
  { measure: 'first snapshot (shared descriptions once)', value: `${fmt(descriptionsOnce / 1024, 0)} KiB` },
  { measure: `store after ${count} snapshots`, value: `${fmt(full / 1024 / 1024, 1)} MiB` },
  { measure: 'store one snapshot (median)', value: `${fmt(median(recordTimes), 0)} ms` },
  { measure: 'load two and diff (median)', value: `${fmt(diffMs, 0)} ms (${lastDiff})` },
  { measure: 'fetch + join the inventory (median)', value: `${fmt(fetchMs, 0)} ms` },
]);
const checks = [
  [
    `bytes per snapshot ${fmt((perSnapshot / rawBytes) * 100, 2)}% of Steam's JSON (< 5%)`,
    perSnapshot / rawBytes < 0.05,
  ],
  [`diff of two snapshots ${fmt(diffMs / fetchMs, 2)}× a fetch + join (< 1×)`, diffMs < fetchMs],
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
