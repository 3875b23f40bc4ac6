/**
 * @module emulator/steam/webapi/formats/json
 * JSON as api.steampowered.com sends it today: compact, no whitespace (captured answers
 * of GetPlayerSummaries, GetOwnedGames and GetRecentlyPlayedGames in 2025 are minified;
 * Valve's older GCSDK writer indented with tabs). Strings are escaped the way Valve's
 * EmitJSONString does: `"` `\` `\n` `\r` `\t`, other control characters as `\u00XX`, and
 * everything else (non-ASCII, `/`) as is.
 */
import { isObject, members, type WebApiDocument, type WebApiValue } from './document.js';

export function toJson(doc: WebApiDocument): string {
  if (doc.root === '') return '{}';
  return doc.anonymousRoot ? value(doc.value) : `{${jsonString(doc.root)}:${value(doc.value)}}`;
}

function value(v: WebApiValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(value).join(',')}]`;
  if (isObject(v))
    return `{${members(v)
      .map(([k, item]) => `${jsonString(k)}:${value(item)}`)
      .join(',')}}`;
  return 'null';
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function jsonString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f]/g, (c) => {
    return ESCAPES[c] ?? `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `"${escaped}"`;
}
