/**
 * Benchmark: the pacing guarantee, across intervals. The emulator enforces Steam's per-IP
 * spacing (a request sooner than the interval earns a 429), so zero 429s proves the spacing
 * held; the wall time against the floor ((requests − 1) × interval) shows no time is wasted.
 *
 *   node --import tsx bench/steam/pacing.ts [--intervals 200,500,1000,4000]
 *   node --import tsx bench/steam/pacing.ts --interval 250 [--callers 20]   (the old single case)
 *
 * For each interval: one caller walking one inventory, then N concurrent callers sharing one
 * scheduler, each walking a short inventory (the long intervals have fewer requests, so the
 * 4 s case stays short). Target per row: within 5% of the floor, zero 429s.
 */
import { parseArgs } from 'node:util';
import { HttpClient } from '../../src/core/http/client.js';
import { SteamInventoryClient } from '../../src/steam/community/inventory/client.js';
import { startEmulatorProcess, type EmulatorProcess } from '../../src/emulator/process.js';
import { fmt, printTable, inventoryRequests } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    intervals: { type: 'string', default: '200,500,1000,4000' },
    interval: { type: 'string' },
    callers: { type: 'string', default: '20' },
  },
});
// Small pages: this measures spacing, not payload (fetch-and-join has its own benchmark).
const PAGE_SIZE = 200;

interface Plan {
  interval: number;
  /** Pages of the single caller's inventory. */
  alonePages: number;
  callers: number;
  /** Pages of each concurrent caller's inventory. */
  pages: number;
}

/** About 8 s of floor per row at short intervals; a few requests at 4 s. */
function planFor(interval: number): Plan {
  if (values.interval !== undefined)
    return { interval, alonePages: 10, callers: Number(values.callers), pages: 10 };
  const requests = Math.max(4, Math.min(40, Math.round(8000 / interval)));
  return {
    interval,
    alonePages: Math.max(3, Math.min(10, Math.round(requests / 2))),
    callers: Math.ceil(requests / 2),
    pages: 2,
  };
}

const plans = (values.interval !== undefined ? [values.interval] : values.intervals.split(','))
  .map(Number)
  .map(planFor);

async function runPlan(plan: Plan) {
  const { interval } = plan;
  const alone = '76561198000200000';
  const ids = Array.from({ length: plan.callers }, (_, i) => `7656119800010${String(i).padStart(4, '0')}`);
  // Its own process: arrival stamps must not wait on this process parsing pages.
  const emulator = await startEmulatorProcess({
    scenario: {
      steam: {
        // 50 ms of slack: on a shared two-core machine, GC pauses on either side of loopback
        // shift arrival stamps by tens of ms; Steam's limiter sees far larger internet jitter.
        rateLimit: { minIntervalMs: interval, toleranceMs: 50 },
        users: {
          [alone]: { cookie: 'bench-owner', inventories: { '730/2': { size: plan.alonePages * PAGE_SIZE } } },
          ...Object.fromEntries(
            ids.map((id) => [
              id,
              { cookie: 'bench-owner', inventories: { '730/2': { size: plan.pages * PAGE_SIZE } } },
            ]),
          ),
        },
      },
    },
  });
  try {
    await warm(emulator, [alone, ...ids]);
    await new Promise((r) => setTimeout(r, interval));
    return [
      await run(emulator, interval, [alone], plan.alonePages),
      await run(emulator, interval, ids, plan.pages),
    ];
  } finally {
    await emulator.close();
  }
}

/**
 * Inventories are generated at emulator start; walk them once so the pages are serialized, as
 * their owner (exempt from the per-IP limit, like Steam) so the warm-up is quick.
 */
async function warm(emulator: EmulatorProcess, ids: string[]) {
  const http = new HttpClient();
  const owner = new SteamInventoryClient({
    http,
    communityUrl: emulator.url,
    intervalMs: 0,
    pageSize: PAGE_SIZE,
    cookies: 'steamLoginSecure=bench-owner',
  });
  await Promise.all(ids.map((steamid) => owner.fetchAll({ steamid, appid: 730, contextid: 2 })));
  await http.close();
}

async function run(emulator: EmulatorProcess, interval: number, callerIds: string[], pages: number) {
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
    'interval ms': interval,
    callers: callerIds.length,
    requests,
    'wall ms': fmt(ms, 0),
    'floor ms': floor,
    'wall ÷ floor': fmt(ms / floor, 3),
    '429s': limited,
    ok:
      ms <= floor * 1.05 &&
      limited === 0 &&
      requests === callerIds.length * pages &&
      counts.every((n) => n === pages * PAGE_SIZE),
  };
}

const rows = [];
for (const plan of plans) rows.push(...(await runPlan(plan)));
printTable(rows);
for (const row of rows)
  console.log(
    `${row.ok ? 'PASS' : 'FAIL'} ${row['interval ms']} ms, ${row.callers} caller(s): ${row['wall ÷ floor']}× floor, ${row['429s']} 429s`,
  );
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
