/**
 * @module steam/webapi/params
 * A call's parameters, from `key=value` strings (the CLI's `--param`) or a JS object, to
 * what goes on the wire: plain query or form fields for the classic interfaces, one
 * `input_json` for service interfaces (seed 004; UPSTREAM.md: the *whole* request goes in it,
 * mixing it with plain parameters has given 500s). `key`, `access_token` and `format` never
 * come from here: they travel separately and the key comes from STEAM_API_KEY.
 */
import { InvalidInputError } from '../../core/errors.js';

export type ParamScalar = string | number | boolean | bigint;
export type ParamValue = ParamScalar | readonly ParamValue[] | { readonly [name: string]: ParamValue };
export type WebApiParams = Readonly<Record<string, ParamValue | undefined>>;

/** What the caller asked for: parameters by base name (`x[0]` and `x[1]` collected as `x`). */
export interface CallArguments {
  params: Map<string, ParamValue>;
  /** Parsed `input_json`, when the caller wrote one. */
  inputJson?: Record<string, unknown>;
}

/** How the method list describes a parameter, for encoding (see check.ts). */
export interface ParamSpec {
  type: string;
  /** Listed as `name[0]`: sent as `name[0]=…&name[1]=…` by the classic interfaces. */
  indexed: boolean;
}

const RESERVED: Record<string, string> = {
  key: 'the key is read from STEAM_API_KEY, never from parameters (they end up in shell history and logs)',
  access_token: 'pass an access token through the accessToken option, never as a parameter',
  format: 'ask for a format with the format option (json, xml or vdf)',
};

const INDEXED = /^(.+)\[(\d+)\]$/;

export function parseArguments(input: readonly string[] | WebApiParams | undefined): CallArguments {
  const params = new Map<string, ParamValue>();
  let inputJson: Record<string, unknown> | undefined;
  const entries: [string, ParamValue | undefined][] = Array.isArray(input)
    ? (input as readonly string[]).map(splitPair)
    : Object.entries((input ?? {}) as WebApiParams);
  for (const [rawName, value] of entries) {
    if (value === undefined) continue;
    const name = rawName.trim();
    if (!name) throw new InvalidInputError('a parameter has an empty name: write it as name=value', 'param');
    const reserved = RESERVED[name.toLowerCase()];
    if (reserved) throw new InvalidInputError(`parameter "${name}" is not accepted: ${reserved}`, name);
    if (name === 'input_json') {
      inputJson = parseInputJson(value);
      continue;
    }
    const indexed = INDEXED.exec(name);
    if (indexed) {
      const base = indexed[1]!;
      const list = arrayAt(params, base);
      list[Number(indexed[2])] = value;
    } else if (params.has(name)) {
      // A name given twice (`--param appids_filter=440 --param appids_filter=570`) is a list.
      const existing = params.get(name)!;
      params.set(name, Array.isArray(existing) ? [...(existing as ParamValue[]), value] : [existing, value]);
    } else {
      params.set(name, value);
    }
  }
  for (const [name, value] of params) {
    if (Array.isArray(value) && value.includes(undefined)) {
      throw new InvalidInputError(
        `parameter ${name}[…] skips an index: number them from 0 without gaps`,
        name,
      );
    }
  }
  return inputJson === undefined ? { params } : { params, inputJson };
}

function splitPair(pair: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq < 0) {
    const shown = pair.length > 40 ? `${pair.slice(0, 40)}…` : pair;
    throw new InvalidInputError(`parameter "${shown}" has no "=": write it as name=value`, 'param');
  }
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

function arrayAt(params: Map<string, ParamValue>, base: string): (ParamValue | undefined)[] {
  const existing = params.get(base);
  if (Array.isArray(existing)) return existing as (ParamValue | undefined)[];
  const list: (ParamValue | undefined)[] = existing === undefined ? [] : [existing];
  params.set(base, list as ParamValue[]);
  return list;
}

function parseInputJson(value: ParamValue): Record<string, unknown> {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new InvalidInputError(
        `input_json is not JSON (${(error as Error).message}): give an object such as {"steamid":"7656…"}`,
        'input_json',
      );
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidInputError('input_json must be a JSON object such as {"steamid":"7656…"}', 'input_json');
  }
  return parsed as Record<string, unknown>;
}

/**
 * The wire fields for one call (besides key/token and format). Service interfaces get one
 * `input_json` holding every argument with JSON types (from the method list's types when the
 * values came as text); classic interfaces get plain fields, arrays as `name[0]=` when the
 * list names them so and comma-joined otherwise (GetPlayerSummaries' `steamids=a,b`).
 */
export function encodeArguments(
  service: boolean,
  args: CallArguments,
  specs?: ReadonlyMap<string, ParamSpec>,
): [string, string][] {
  if (service) {
    const json: Record<string, unknown> = { ...args.inputJson };
    for (const [name, value] of args.params) {
      if (Object.hasOwn(json, name)) {
        throw new InvalidInputError(`parameter ${name} is given twice: in input_json and on its own`, name);
      }
      json[name] = toJson(value, specs?.get(name)?.type, name);
    }
    return Object.keys(json).length === 0 ? [] : [['input_json', JSON.stringify(json, bigintAsString)]];
  }
  if (args.inputJson !== undefined) {
    throw new InvalidInputError(
      'input_json is only for service interfaces (names ending in "Service"): pass plain name=value parameters',
      'input_json',
    );
  }
  const fields: [string, string][] = [];
  for (const [name, value] of args.params) {
    if (!Array.isArray(value)) {
      fields.push([name, plain(value as ParamValue, name)]);
    } else if (specs?.get(name)?.indexed) {
      (value as ParamValue[]).forEach((item, i) => fields.push([`${name}[${i}]`, plain(item, name)]));
    } else {
      fields.push([name, (value as ParamValue[]).map((item) => plain(item, name)).join(',')]);
    }
  }
  return fields;
}

function plain(value: ParamValue, name: string): string {
  if (typeof value === 'object') {
    throw new InvalidInputError(
      `parameter ${name} takes a plain value, not an object or a nested list`,
      name,
    );
  }
  return String(value);
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * A value for input_json. Text from the command line is typed by the method list: bool,
 * 32-bit and floating numbers become JSON booleans and numbers; 64-bit types stay strings
 * (exact, and Steam's JSON reader takes them so); other text that looks like JSON is parsed.
 */
function toJson(value: ParamValue, type: string | undefined, name: string): unknown {
  if (Array.isArray(value)) return (value as ParamValue[]).map((item) => toJson(item, type, name));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'string') return value;
  const base = (type ?? '').replace(/\[\]$/, '').toLowerCase();
  if (base === 'bool') {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new InvalidInputError(`parameter ${name} is a bool: use true or false, not "${value}"`, name);
  }
  if (/^(u?int(8|16|32)|float|double)$/.test(base)) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      throw new InvalidInputError(`parameter ${name} is a number (${type}), not "${value}"`, name);
    }
    return n;
  }
  if (/^(u?int64|fixed64|sfixed64|string)$/.test(base)) return value;
  if (/^[[{]/.test(value.trim())) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
