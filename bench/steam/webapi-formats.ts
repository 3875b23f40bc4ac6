/**
 * Benchmark: reading the same 1,000-player GetPlayerSummaries answer in each wire format,
 * into the same typed result. The answer is 10 chunks' worth of players (what a 1,000-id
 * call receives), written as Steam writes JSON, XML and VDF (seed 004's rules, the fixture
 * writers in test/steam-webapi-fixtures.ts). No network: parse and normalize only.
 *
 *   node --import tsx bench/steam/webapi-formats.ts [--rounds 15] [--players 1000]
 *
 * Reported: each format's time as a ratio of JSON's (JSON.parse plus the shape pass), and our
 * XML path against fast-xml-parser alone with the same options (the overhead of our layer:
 * the truncation check and the normalizer). Targets: our XML layer within 1.5× of
 * fast-xml-parser alone; VDF (our own parser) no slower than XML.
 */
import { parseArgs } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parseBody, type WebApiFormat } from '../../src/steam/webapi/formats/index.js';
import { WEBAPI_METHODS } from '../../src/steam/webapi/methods.js';
import { normalizeResult } from '../../src/steam/webapi/shape.js';
import { playerSummary, toSteamVdf, toSteamXml } from '../../test/steam-webapi-fixtures.js';
import { fmt, median, printTable } from '../lib/stats.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '15' }, players: { type: 'string', default: '1000' } },
});
const rounds = Number(values.rounds);
const count = Number(values.players);

// Varied players: public ones with private fields, private ones with public fields only.
const players = Array.from({ length: count }, (_, i) => {
  const steamid = (76561198000000000n + BigInt(i)).toString();
  const base = playerSummary(steamid, `Player "${i}" & <friends>`);
  return i % 3 === 0
    ? { ...base, communityvisibilitystate: 1 }
    : {
        ...base,
        realname: `Real Name ${i}`,
        primaryclanid: '103582791429521412',
        timecreated: 1063407589 + i,
        lastlogoff: 1700000000 + i,
        loccountrycode: 'US',
        loccityid: 3961,
      };
});
const answer = { response: { players } };
const bodies: Record<WebApiFormat, string> = {
  json: JSON.stringify(answer),
  xml: toSteamXml(answer),
  vdf: toSteamVdf(answer),
};
const shape = WEBAPI_METHODS.getPlayerSummaries.shape;

const ours = (format: WebApiFormat) => () =>
  normalizeResult(parseBody(format, bodies[format]), shape, format);
const bareXml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
});
const cases: Record<string, () => unknown> = {
  json: ours('json'),
  xml: ours('xml'),
  vdf: ours('vdf'),
  'fast-xml-parser alone': () => bareXml.parse(bodies.xml),
};

// Same result from every format, or the timings mean nothing.
const expected = JSON.stringify(cases.json!());
for (const format of ['xml', 'vdf'] as const) {
  if (JSON.stringify(cases[format]!()) !== expected)
    throw new Error(`${format} does not give the JSON result`);
}

/** Median ms per parse over `rounds` rounds, the cases interleaved so drift hits them alike. */
function measure(): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const perRound = 5;
  for (let round = -2; round < rounds; round++) {
    for (const [name, run] of Object.entries(cases)) {
      const started = performance.now();
      for (let i = 0; i < perRound; i++) run();
      // The first two rounds warm the JIT up and are not kept.
      if (round >= 0) samples[name]!.push((performance.now() - started) / perRound);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const ms = measure();
printTable(
  (['json', 'xml', 'vdf', 'fast-xml-parser alone'] as const).map((name) => ({
    case: name,
    'body KB': fmt((name === 'fast-xml-parser alone' ? bodies.xml : bodies[name]).length / 1024, 0),
    'ms/parse': fmt(ms[name]!),
    'vs json': `${fmt(ms[name]! / ms.json!)}×`,
  })),
);
const overhead = ms.xml! / ms['fast-xml-parser alone']!;
console.log(`our XML layer vs fast-xml-parser alone: ${fmt(overhead)}×`);
const results = [
  { name: 'XML layer within 1.5× of fast-xml-parser alone', ok: overhead <= 1.5 },
  { name: 'VDF no slower than XML', ok: ms.vdf! <= ms.xml! },
];
for (const { name, ok } of results) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
