/**
 * The VDF reader: Steam-shaped answers, escapes, comments, bare tokens, errors, and property
 * tests (random trees written out in many legal ways must read back identical).
 */
import { describe, expect, it } from 'vitest';
import { escapeVdf, parseVdf, stringifyVdf, VdfSyntaxError, type VdfObject } from './vdf.js';

describe('parseVdf', () => {
  it('reads a Web API answer with ids as exact strings and arrays keyed "0", "1"', () => {
    const text = [
      '"response"',
      '{',
      '\t"players"',
      '\t{',
      '\t\t"0"',
      '\t\t{',
      '\t\t\t"steamid"\t\t"76561197960435530"',
      '\t\t\t"personaname"\t\t"Robin"',
      '\t\t\t"realname"\t\t""',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    expect(parseVdf(text)).toEqual({
      response: { players: { '0': { steamid: '76561197960435530', personaname: 'Robin', realname: '' } } },
    });
  });

  it('decodes the escapes kvparser loses (\\n became n) and keeps unknown ones', () => {
    expect(parseVdf('"a" "line one\\nline two\\ttab \\"q\\" back\\\\slash C:\\path"')).toEqual({
      a: 'line one\nline two\ttab "q" back\\slash C:\\path',
    });
  });

  it('keeps raw line breaks inside quoted strings', () => {
    expect(parseVdf('"contents" "first\r\nsecond"')).toEqual({ contents: 'first\r\nsecond' });
  });

  it('reads bare tokens, comments, conditions, several roots and a BOM', () => {
    const text = '\ufeff// header\nroot { key value // trailing\n "n" "1" [$WIN32]\n inner { } }\nsecond "x"';
    expect(parseVdf(text)).toEqual({ root: { key: 'value', n: '1', inner: {} }, second: 'x' });
  });

  it('collects a repeated key into an array instead of dropping values', () => {
    expect(parseVdf('"a" { "k" "1" "k" "2" "k" { "x" "y" } }')).toEqual({ a: { k: ['1', '2', { x: 'y' }] } });
  });

  it('keeps a key named __proto__ as a key', () => {
    const parsed = parseVdf('"__proto__" { "polluted" "yes" }');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['"response" { "a" "1"', /end of input inside an object/],
    ['"response" { "a" "1', /unterminated quoted string/],
    ['"a" "b" }', /unexpected "}"/],
    ['{ "a" "b" }', /needs a key/],
    ['"a"', /has no value/],
    ['"a" { "b" }', /has no value/],
  ])('rejects %j', (text, message) => {
    expect(() => parseVdf(text)).toThrow(VdfSyntaxError);
    expect(() => parseVdf(text)).toThrow(message);
  });

  it('reads an empty document as no keys', () => {
    expect(parseVdf('')).toEqual({});
    expect(parseVdf('  // only a comment\n')).toEqual({});
  });
});

describe('stringifyVdf', () => {
  it('writes the Web API layout: tabs, quotes, escapes', () => {
    expect(stringifyVdf({ response: { a: 'x"y\n', b: {} } })).toBe(
      '"response"\n{\n\t"a"\t\t"x\\"y\\n"\n\t"b"\n\t{\n\t}\n}\n',
    );
    expect(escapeVdf('\\"\n\t\r')).toBe('\\\\\\"\\n\\t\\r');
  });
});

/** mulberry32: a seeded PRNG so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  'a',
  'Z',
  '7',
  '0',
  ' ',
  '"',
  '\\',
  '\n',
  '\t',
  '\r',
  '{',
  '}',
  '/',
  '[',
  'é',
  '🎮',
  '_',
  '$',
];

function randomString(random: () => number, max: number): string {
  const length = Math.floor(random() * max);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return out;
}

function randomTree(random: () => number, depth: number): VdfObject {
  const out: VdfObject = {};
  const size = Math.floor(random() * 5);
  for (let i = 0; i < size; i++) {
    const key = random() < 0.3 ? String(i) : randomString(random, 8);
    out[key] = depth > 0 && random() < 0.4 ? randomTree(random, depth - 1) : randomString(random, 12);
  }
  return out;
}

/** Writes a tree in a random legal way: quoted or bare tokens, odd whitespace, comments. */
function writeLoosely(tree: VdfObject, random: () => number): string {
  const gap = () => [' ', '\t', '\n', '\r\n', '  \n\t', ' // a comment\n'][Math.floor(random() * 6)]!;
  const token = (text: string) =>
    /^[A-Za-z0-9_.$-]+$/.test(text) && random() < 0.5 ? text : `"${escapeVdf(text)}"`;
  const write = (object: VdfObject): string =>
    Object.entries(object)
      .map(([key, value]) =>
        typeof value === 'string'
          ? `${token(key)}${gap()}${token(value)}`
          : `${token(key)}${gap()}{${gap()}${write(value as VdfObject)}${gap()}}`,
      )
      .join(gap());
  return `${gap()}${write(tree)}${gap()}`;
}

describe('VDF property tests', () => {
  it('reads back every random tree it wrote (500 trees)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = prng(seed);
      const tree = randomTree(random, 4);
      expect(parseVdf(stringifyVdf(tree)), `seed ${seed}`).toEqual(tree);
    }
  });

  it('reads back random trees written with bare tokens, comments and odd whitespace (500 trees)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = prng(seed * 7919);
      const tree = randomTree(random, 4);
      expect(parseVdf(writeLoosely(tree, random)), `seed ${seed}`).toEqual(tree);
    }
  });
});
