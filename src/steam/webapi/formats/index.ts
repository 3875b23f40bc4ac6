/**
 * @module steam/webapi/formats
 * The three wire formats Steam offers for every method (seed 004): `json` (default), `xml`
 * and `vdf`. `parseBody` turns a body into a tree; the shape normalizer (../shape.ts) turns
 * XML and VDF trees into the JSON shape.
 */
import { InvalidInputError } from '../../../core/errors.js';
import { parseJson } from './json.js';
import { parseVdf } from './vdf.js';
import { parseXml } from './xml.js';

export const WEBAPI_FORMATS = ['json', 'xml', 'vdf'] as const;
export type WebApiFormat = (typeof WEBAPI_FORMATS)[number];

/** Checks a caller's format (any case) before any request; undefined means json. */
export function checkFormat(format: string | undefined): WebApiFormat {
  if (format === undefined) return 'json';
  const lower = format.trim().toLowerCase();
  if ((WEBAPI_FORMATS as readonly string[]).includes(lower)) return lower as WebApiFormat;
  throw new InvalidInputError(`format "${format}" is not one Steam offers: use json, xml or vdf`, 'format');
}

/** Parses a body in the given format; throws the format's syntax error when it does not parse. */
export function parseBody(format: WebApiFormat, text: string): unknown {
  if (format === 'xml') return parseXml(text);
  if (format === 'vdf') return parseVdf(text);
  return parseJson(text);
}

export * from './json.js';
export * from './vdf.js';
export * from './xml.js';
