/**
 * @module emulator/steam/webapi/formats
 * The three output formats of the Steam Web API, chosen by the `format` parameter.
 * Valve's dispatcher compares it case-insensitively with xml, vdf and json and falls back
 * to JSON for anything else (GCSDK's ThreadedEmitFormattedOutputWrapperAndFreeResponse);
 * the content types are the ones it sets.
 */
import type { WebApiDocument } from './document.js';
import { toJson } from './json.js';
import { toVdf } from './vdf.js';
import { toXml } from './xml.js';

export type WebApiFormat = 'json' | 'xml' | 'vdf';

export type { WebApiDocument, WebApiObject, WebApiValue } from './document.js';

export function pickFormat(requested: string | undefined): WebApiFormat {
  const wanted = requested?.toLowerCase();
  return wanted === 'xml' || wanted === 'vdf' ? wanted : 'json';
}

export const CONTENT_TYPES: Record<WebApiFormat, string> = {
  json: 'application/json; charset=UTF-8',
  xml: 'text/xml; charset=UTF-8',
  vdf: 'text/vdf; charset=UTF-8',
};

export function serialize(doc: WebApiDocument, format: WebApiFormat): string {
  if (format === 'xml') return toXml(doc);
  if (format === 'vdf') return toVdf(doc);
  return toJson(doc);
}
