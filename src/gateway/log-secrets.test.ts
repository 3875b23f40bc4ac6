/**
 * A property over the real gateway's log stream: a secret sent anywhere a caller can put one
 * (query, `;matrix` parameter, path segment, header, body) under a generated name, shaped like
 * one of ours or named like one, in a generated encoding (percent-encoded, double-encoded,
 * mixed-case escapes, `+` for spaces) never appears in a log line or an answer, however the line
 * is decoded. A small seeded generator stands in for a property-testing library: the seed is in
 * the test name, and a failure names the case that leaked.
 */
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';

const OWNER = '76561198000000071';
const SEED = 20261201;
const CASES = 150;

let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;
const lines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  gw = await startGateway({ emulatorUrl: emulator.url, logStream, env: { GAMESTASH_LOG_LEVEL: 'trace' } });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => pick([...alphabet])).join('');
  return { next, int, pick, chars };
}
type Gen = ReturnType<typeof generator>;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Secret {
  kind: string;
  value: string;
  /** The parts that must never show: the random ones, each long enough to be unmistakable. */
  needles: string[];
  /** Found by its shape alone (any name will do), or only by a secret-sounding name. */
  byShape: boolean;
}

function secretOf(g: Gen): Secret {
  const jwt = () => {
    const parts = [`eyJ${g.chars(B64URL, 20)}`, g.chars(B64URL, 40), g.chars(B64URL, 30)];
    return { text: parts.join('.'), parts: [parts[0]!.slice(3), parts[1]!, parts[2]!] };
  };
  switch (g.int(4)) {
    case 0: {
      const body = g.chars(B64URL, 32);
      return { kind: 'gateway key', value: `gs_${body}`, needles: [body], byShape: true };
    }
    case 1: {
      const token = jwt();
      const steamid = `7656119${g.chars('0123456789', 10)}`;
      const value = `${steamid}${g.pick(['||', '%7C%7C'])}${token.text}`;
      return { kind: 'steamLoginSecure', value, needles: token.parts, byShape: true };
    }
    case 2: {
      const token = jwt();
      return { kind: 'JWT', value: token.text, needles: token.parts, byShape: true };
    }
    default: {
      const value = g.chars(ALNUM, 12) + g.pick(['', ' ', '-', '.']) + g.chars(ALNUM, 12);
      return { kind: 'opaque', value, needles: value.split(/[ .-]/), byShape: false };
    }
  }
}

const WORDS = ['key', 'token', 'secret', 'password', 'session', 'cookie'];
const PREFIXES = ['', 'api', 'x-api-', 'my_', 'access', 'client-', 'steam', 'oauth', 'refresh.'];
const SUFFIXES = ['', 'id', '_value', '-2', 'Secure', '[]'];
const PLAIN_NAMES = ['q', 'note', 'redirect', 'steamid2', 'x', 'v'];

function mixCase(g: Gen, text: string): string {
  const mode = g.int(3);
  if (mode === 0) return text;
  if (mode === 1) return text.toUpperCase();
  return [...text].map((c) => (g.int(2) ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** A parameter name: secret-sounding (prefix, word, suffix in any case, maybe with a space), or plain. */
function nameOf(g: Gen, secret: Secret): string {
  if (secret.byShape && g.int(3) === 0) return g.pick(PLAIN_NAMES);
  const glue = g.pick(['', '_', '-', ' ']);
  const prefix = g.pick(PREFIXES);
  return mixCase(g, `${prefix}${prefix ? glue : ''}${g.pick(WORDS)}${g.pick(SUFFIXES)}`);
}

const hex = (g: Gen, c: string) => {
  const code = c.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${g.int(2) ? code.toUpperCase() : code.toLowerCase()}`;
};

/** One of the spellings a URL component can take; `+` for a space in query-like places. */
function encode(g: Gen, text: string, plusForSpace: boolean): { text: string; how: string } {
  const space = (s: string) => s.replaceAll(' ', plusForSpace && g.int(2) ? '+' : '%20');
  switch (g.int(5)) {
    case 0:
      return { text: space(text), how: 'raw' };
    case 1:
      return { text: encodeURIComponent(text), how: 'percent-encoded' };
    case 2:
      return { text: [...text].map((c) => hex(g, c)).join(''), how: 'every character escaped' };
    case 3:
      return {
        text: [...text].map((c) => (g.int(3) === 0 ? hex(g, c) : c === ' ' ? '%20' : c)).join(''),
        how: 'some characters escaped',
      };
    default:
      return {
        text: encodeURIComponent(encodeURIComponent(text)).replace(/%25([0-9A-F]{2})/g, (_, h: string) =>
          g.int(2) ? `%25${h.toLowerCase()}` : `%25${h}`,
        ),
        how: 'double-encoded',
      };
  }
}

interface Case {
  description: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  secret: Secret;
}

const tokenName = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

function caseOf(g: Gen, n: number): Case {
  const secret = secretOf(g);
  const name = nameOf(g, secret);
  const probe = `probe=${n}`;
  const base = `/inventory?steamid=${OWNER}&gameid=730&contextid=2&api_key=${key}`;
  const where = g.int(7);
  const value = encode(g, secret.value, where <= 1);
  const pair = `${encode(g, name, where <= 1).text}=${value.text}`;
  const description = `case ${n}: ${secret.kind} "${secret.value}" as ${value.how}, name "${name}"`;
  const get = (path: string, place: string, headers: Record<string, string> = {}): Case => ({
    description: `${description}, in ${place}: ${path}`,
    method: 'GET',
    path,
    headers,
    secret,
  });
  switch (where) {
    case 0: {
      const params = [`steamid=${OWNER}`, 'gameid=730', 'contextid=2', `api_key=${key}`, probe];
      params.splice(g.int(params.length + 1), 0, pair);
      return get(`/inventory?${params.join('&')}`, 'the query');
    }
    case 1:
      return get(`${base}&${probe}${g.pick(['&', ';'])}${pair}`, 'the query after a separator');
    case 2:
      return get(`/inventory;${pair}?${probe}&steamid=${OWNER}`, 'a matrix parameter');
    case 3: {
      const segment = secret.byShape && g.int(2) ? value.text : pair;
      return get(
        g.pick([
          `/v1/steam/inventory/${segment}/730/2?${probe}&api_key=${key}`,
          `/nowhere/${segment}?${probe}`,
          `/v1/steam/inventory/${OWNER}/730/2/${segment}?${probe}`,
        ]),
        'a path segment',
      );
    }
    case 4: {
      const header = g.pick<Record<string, string>>([
        { [tokenName(name)]: value.text },
        { cookie: `sessionid=abc; ${pair}` },
        { authorization: `Bearer ${value.text}` },
        { 'x-api-key': value.text },
        { 'x-steam-cookie': `steamLoginSecure=${value.text}` },
      ]);
      return get(`${base}&${probe}`, `the header ${JSON.stringify(header)}`, header);
    }
    default: {
      const json = g.int(2) === 0;
      const body = json ? JSON.stringify({ [name]: secret.value, note: 'x' }) : `note=x&${pair}`;
      return {
        description: `${description}, in a ${json ? 'JSON' : 'form'} body: ${body}`,
        method: 'POST',
        path: g.pick([
          `/nowhere?${probe}`,
          `/inventory?${probe}`,
          `/v1/steam/inventory/${OWNER}/730/2?${probe}`,
        ]),
        headers: {
          'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
          'x-api-key': key,
        },
        body,
        secret,
      };
    }
  }
}

/** Raw HTTP, so the request target goes out exactly as generated (fetch would normalize it). */
function send(c: Case): Promise<{ status: number; text: string }> {
  const url = new URL(gw.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: c.method, path: c.path, headers: c.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(c.body);
  });
}

/** Every way a reader could decode a line: JSON escapes, then each layer of percent-encoding, `+` as space. */
function readings(line: string): string[] {
  const out = [line];
  let text = line.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  text = text.replace(/\\(["\\/])/g, '$1');
  for (let layer = 0; layer < 5; layer++) {
    out.push(text, text.replaceAll('+', ' '));
    const next = text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (next === text) break;
    text = next;
  }
  return out;
}

function leaks(text: string, secret: Secret): boolean {
  return readings(text).some((reading) => secret.needles.some((needle) => reading.includes(needle)));
}

describe('secrets in every shape never reach the log', () => {
  it('never quotes a token back in a 400, even one longer than the quote', async () => {
    const g = generator(SEED + 1);
    const tried = new Map<string, number>();
    while (tried.size < 3 || [...tried.values()].some((n) => n < 2)) {
      const secret = secretOf(g);
      if (!secret.byShape || (tried.get(secret.kind) ?? 0) >= 2) continue;
      tried.set(secret.kind, (tried.get(secret.kind) ?? 0) + 1);
      for (const path of [
        `/v1/steam/inventory/${secret.value}/730/2?api_key=${key}`,
        `/inventory?steamid=${encodeURIComponent(secret.value)}&gameid=730&contextid=2&api_key=${key}`,
      ]) {
        const answer = await send({ description: '', method: 'GET', path, headers: {}, secret });
        expect(answer.status, path).toBeLessThan(500);
        expect(leaks(answer.text, secret), answer.text).toBe(false);
      }
    }
  });

  it(`${CASES} generated cases (seed ${SEED}): no line and no answer holds the secret`, async () => {
    const g = generator(SEED);
    const failures: string[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < CASES; n++) {
      const c = caseOf(g, n);
      seen.add(`${c.secret.kind}/${c.method}/${c.description.split(', in ')[1]!.split(/[:{]/)[0]}`);
      const before = lines.length;
      const answer = await send(c);
      if (answer.status >= 500) failures.push(`${c.description}: answered ${answer.status}`);
      if (leaks(answer.text, c.secret))
        failures.push(`${c.description}: the answer holds it: ${answer.text}`);
      // Let the access log's last line of this request arrive.
      await new Promise((r) => setTimeout(r, 5));
      const mine = lines.slice(before);
      if (!mine.some((line) => line.includes(`probe=${n}`) || line.includes(`probe%3D${n}`)))
        failures.push(`${c.description}: no log line names the request (is the probe redacted?)`);
      for (const line of mine)
        if (leaks(line, c.secret)) failures.push(`${c.description}: logged as ${line}`);
    }
    expect(failures).toEqual([]);
    // The generator reached every kind of secret in every place.
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });
});
