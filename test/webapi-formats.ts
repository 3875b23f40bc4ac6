/**
 * Readers for the Steam Web API's XML and VDF answers in tests, and the shapes a JSON answer
 * takes in each (so one assertion compares the three formats of the same call).
 */
import { XMLParser } from 'fast-xml-parser';

type Tree = string | Tree[] | { [key: string]: Tree };

/** A small reader for Valve's KeyValues text (quoted keys and values, braces, `\"` and `\\`). */
export function readVdf(text: string): Record<string, Tree> {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const quoted = (): string => {
    if (text[at] !== '"') throw new Error(`expected " at ${at}: ${text.slice(at, at + 20)}`);
    let out = '';
    for (at++; text[at] !== '"'; at++) {
      if (at >= text.length) throw new Error('unterminated string');
      if (text[at] === '\\') at++;
      out += text[at];
    }
    at++;
    return out;
  };
  const object = (): Record<string, Tree> => {
    const out: Record<string, Tree> = {};
    for (;;) {
      skip();
      if (at >= text.length || text[at] === '}') return out;
      const key = quoted();
      skip();
      if (text[at] === '{') {
        at++;
        out[key] = object();
        skip();
        if (text[at] !== '}') throw new Error(`expected } at ${at}`);
        at++;
      } else {
        out[key] = quoted();
      }
    }
  };
  const root = object();
  skip();
  if (at !== text.length) throw new Error(`trailing text at ${at}`);
  return root;
}

export function readXml(text: string, arrayItems: string[]): unknown {
  return new XMLParser({
    parseTagValue: false,
    ignoreDeclaration: true,
    processEntities: true,
    isArray: (name) => arrayItems.includes(name),
  }).parse(text);
}

/** The JSON answer as the VDF reader sees it: arrays keyed "0", "1", …; all strings. */
export function jsonAsVdf(value: unknown): Tree {
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), jsonAsVdf(v)]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonAsVdf(v)]));
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  return value === null ? '' : String(value);
}

/** The JSON answer as fast-xml-parser reads the XML: array items under their element name. */
export function jsonAsXml(value: unknown, itemName: (arrayName: string) => string, name = ''): Tree {
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    return { [itemName(name)]: value.map((v) => jsonAsXml(v, itemName, itemName(name))) };
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '';
    return Object.fromEntries(entries.map(([k, v]) => [k, jsonAsXml(v, itemName, k)]));
  }
  return value === null ? 'null' : String(value);
}
