/**
 * Benchmark: the pacing guarantee. The emulator enforces Steam's per-IP spacing (a request
 * sooner than the interval earns a 429), so zero 429s proves the spacing held; the wall
 * time against the floor ((requests − 1) × interval) shows no time is wasted.
 *
 *   node --import tsx bench/steam/pacing.ts [--interval 250] [--callers 20]
 *
 * Case 1: one caller, one 10-page inventory: target within 5% of 9 × interval.
 * Case 2: N concurrent callers sharing one scheduler, each a 10-page inventory: target
 * within 5% of (10N − 1) × interval, zero 429s.
 */
import { parseArgs } from 'node:util';
import { HttpClient } from '../../src/core/http/client.js';
import { SteamInventoryClient } from '../../src/steam/community/inventory/client.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { fmt, printTable, inventoryRequests } from '../lib/stats.js';

const { values } = parseArgs({
  options: { interval: { type: 'string', default: '250' }, callers: { type: 'string', default: '20' } },
});
const interval = Number(values.interval);
const callers = Number(values.callers);
const PAGES = 10;
// Small pages: this measures spacing, not payload (fetch-and-join has its own benchmark).
const PAGE_SIZE = 200;
const ids = Array.from({ length: callers }, (_, i) => `7656119800010${String(i).padStart(4, '0')}`);
// Its own process: arrival stamps must not wait on this process parsing pages.
const emulator = await startEmulatorProcess({
  scenario: {
    steam: {
      // 50 ms of slack: on a shared two-core machine, GC pauses on either side of loopback
      // shift arrival stamps by tens of ms; Steam's limiter sees far larger internet jitter.
      rateLimit: { minIntervalMs: interval, toleranceMs: 50 },
      users: Object.fromEntries(
        ids.map((id) => [
          id,
          { cookie: 'bench-owner', inventories: { '730/2': { size: PAGES * PAGE_SIZE } } },
        ]),
      ),
    },
  },
});

async function run(callerIds: string[]) {
  await emulator.reset();
  const http = new HttpClient({ retries: 0 });
  const client = new SteamInventoryClient({
    http,
    communityUrl: emulator.url,
    intervalMs: interval,
    pageSize: PAGE_SIZE,
  });
  const started = performance.now();
  // A failed caller (e.g. a 429 that outlasted its retries) counts as zero items, not a crash.
  const counts = await Promise.all(
    callerIds.map((steamid) =>
      client.fetchAll({ steamid, appid: 730, contextid: 2 }).then(
        (inventory) => inventory.assets.length,
        () => 0,
      ),
    ),
  );
  const ms = performance.now() - started;
  await http.close();
  const stats = await emulator.stats();
  const requests = inventoryRequests(stats);
  const limited = stats.byStatus['429'] ?? 0;
  const floor = (requests - 1) * interval;
  return {
    callers: callerIds.length,
    requests,
    'wall ms': fmt(ms, 0),
    'floor ms': floor,
    'wall ÷ floor': fmt(ms / floor, 3),
    '429s': limited,
    items: counts.reduce((a, b) => a + b, 0),
    ok:
      ms <= floor * 1.05 &&
      limited === 0 &&
      requests === callerIds.length * PAGES &&
      counts.every((n) => n === PAGES * PAGE_SIZE),
  };
}

// Warm the generator so case timings measure pacing, not inventory generation.
// Inventories are generated at emulator start; walk them once so the pages are serialized,
// as their owner (exempt from the per-IP limit, like Steam) so the warm-up is quick.
const warmHttp = new HttpClient();
const warm = new SteamInventoryClient({
  http: warmHttp,
  communityUrl: emulator.url,
  intervalMs: 0,
  pageSize: PAGE_SIZE,
  cookies: 'steamLoginSecure=bench-owner',
});
await Promise.all(ids.map((steamid) => warm.fetchAll({ steamid, appid: 730, contextid: 2 })));
await warmHttp.close();
await new Promise((r) => setTimeout(r, interval));

const rows = [await run(ids.slice(0, 1)), await run(ids)];
await emulator.close();
printTable(rows);
for (const row of rows)
  console.log(
    `${row.ok ? 'PASS' : 'FAIL'} ${row.callers} caller(s): ${row['wall ÷ floor']}× floor, ${row['429s']} 429s`,
  );
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
