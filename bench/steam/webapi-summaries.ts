/**
 * Benchmark: 1,000 profiles through GetPlayerSummaries against the emulator (its own
 * process, so its serializing does not share the client's event loop). Steam takes 100 ids
 * per request, so the call must cost exactly 10 upstream requests (asserted on every run).
 *
 *   node --import tsx bench/steam/webapi-summaries.ts [--rounds 11]
 *
 * Baseline in the same run: a bare undici loop sending the same 10 requests one after the
 * other and JSON.parse-ing each answer. gamestash is timed twice: with one chunk in flight at a
 * time (the same work as the bare loop, plus id checks, the shape pass, ordering: the ratio is
 * the library's overhead) and with its default of 4 chunks in flight.
 * Targets: exactly 10 requests each run; sequential gamestash within 1.25× of the bare loop.
 */
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { HttpClient } from '../../src/core/http/client.js';
import { startEmulatorProcess } from '../../src/emulator/process.js';
import { SteamWebApiClient } from '../../src/steam/webapi/client.js';
import { fmt, median, printTable } from '../lib/stats.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '11' } } });
const rounds = Number(values.rounds);
const KEY = '0123456789ABCDEF0123456789ABCDEF';
const ids = Array.from({ length: 1000 }, (_, i) => (76561198000100000n + BigInt(i)).toString());
const chunks = Array.from({ length: 10 }, (_, i) => ids.slice(i * 100, i * 100 + 100));

const emulator = await startEmulatorProcess({ scenario: { steam: { apiKeys: [KEY] } } });

async function summariesRequests(): Promise<number> {
  const stats = await emulator.stats();
  return Object.entries(stats.byPath)
    .filter(([path]) => path.startsWith('/ISteamUser/GetPlayerSummaries/'))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
async function bare(): Promise<number> {
  let players = 0;
  for (const chunk of chunks) {
    const url = `${emulator.url}/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&format=json&steamids=${chunk.join(',')}`;
    const res = await request(url, { dispatcher: agent });
    const body = (await res.body.json()) as { response: { players: unknown[] } };
    players += body.response.players.length;
  }
  return players;
}

const http = new HttpClient({ retries: 0 });
const sequential = new SteamWebApiClient({
  http,
  apiUrl: emulator.url,
  apiKey: KEY,
  summariesConcurrency: 1,
});
const concurrent = new SteamWebApiClient({ http, apiUrl: emulator.url, apiKey: KEY });
const cases: Record<string, () => Promise<number>> = {
  'bare undici loop': bare,
  'gamestash, 1 in flight': async () => (await sequential.getPlayerSummaries(ids)).players.length,
  'gamestash, 4 in flight': async () => (await concurrent.getPlayerSummaries(ids)).players.length,
};

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const requestCounts: Record<string, Set<number>> = Object.fromEntries(
  Object.keys(cases).map((k) => [k, new Set()]),
);
const playersSeen = new Set<number>();
// Two warm-up rounds (JIT, keep-alive sockets, the emulator's generated people), then timed ones.
for (let round = -2; round < rounds; round++) {
  for (const [name, run] of Object.entries(cases)) {
    await emulator.reset();
    const started = performance.now();
    const players = await run();
    const ms = performance.now() - started;
    requestCounts[name]!.add(await summariesRequests());
    playersSeen.add(players);
    if (round >= 0) samples[name]!.push(ms);
  }
}
await http.close();
await agent.close();
await emulator.close();

const base = median(samples['bare undici loop']!);
printTable(
  Object.keys(cases).map((name) => ({
    case: name,
    'requests/run': [...requestCounts[name]!].join(','),
    'median ms': fmt(median(samples[name]!), 1),
    'vs bare': `${fmt(median(samples[name]!) / base)}×`,
  })),
);
const exactlyTen = Object.values(requestCounts).every((set) => set.size === 1 && set.has(10));
const overhead = median(samples['gamestash, 1 in flight']!) / base;
const results = [
  { name: 'every run sent exactly 10 GetPlayerSummaries requests', ok: exactlyTen },
  { name: 'every run returned 1,000 players', ok: playersSeen.size === 1 && playersSeen.has(1000) },
  { name: `sequential gamestash within 1.25× of the bare loop (${fmt(overhead)}×)`, ok: overhead <= 1.25 },
];
for (const { name, ok } of results) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
