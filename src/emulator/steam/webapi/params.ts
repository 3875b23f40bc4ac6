/**
 * @module emulator/steam/webapi/params
 * A request's parameters as a method sees them: the query string (plus the form body of a
 * POST), or for service interfaces the URL-encoded `input_json` blob (seeds/004: services
 * take their whole request that way; UPSTREAM.md: mixing it with plain parameters has
 * given 500s). Readers throw WebApiReplyError with Steam's 400 page for unusable values.
 */
import type { EmulatorRequest } from '../../types.js';
import { badParameters, internalError, WebApiReplyError } from './html.js';

/** Parameters that travel beside `input_json`, never inside it. */
const TRANSPORT = new Set(['key', 'access_token', 'format', 'input_json']);

export class WebApiParams {
  private constructor(
    private readonly plain: URLSearchParams,
    private readonly json: Record<string, unknown> | undefined,
  ) {}

  /** Reads the request; `service` enables `input_json`. */
  static from(req: EmulatorRequest, service: boolean): WebApiParams {
    const plain = new URLSearchParams(req.url.searchParams);
    const type = req.headers['content-type'] ?? '';
    if (req.method === 'POST' && req.body && !type.includes('json')) {
      for (const [name, value] of new URLSearchParams(req.body)) plain.append(name, value);
    }
    const blob = plain.get('input_json');
    if (!service || blob === null) return new WebApiParams(plain, undefined);
    let json: unknown;
    try {
      // Steam reads 64-bit ids sent as JSON numbers exactly; JSON.parse would round them.
      json = JSON.parse(blob.replace(/([:[,]\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
    } catch {
      throw new WebApiReplyError(badParameters());
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new WebApiReplyError(badParameters());
    // UPSTREAM.md: the whole request goes in input_json; plain parameters beside it have given 500s.
    if ([...plain.keys()].some((name) => !TRANSPORT.has(name))) throw new WebApiReplyError(internalError());
    return new WebApiParams(plain, json as Record<string, unknown>);
  }

  /** A transport parameter (`key`, `access_token`, `format`): always a plain parameter. */
  transport(name: string): string | undefined {
    return this.plain.get(name) ?? undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** A scalar parameter as text (input_json numbers and booleans included). */
  get(name: string): string | undefined {
    if (this.json) {
      const value = this.json[name];
      if (value === undefined || value === null || typeof value === 'object') return undefined;
      return String(value);
    }
    return this.plain.get(name) ?? undefined;
  }

  /** A repeated parameter: an input_json array, or `name[0]=…&name[1]=…`. */
  list(name: string): string[] {
    if (this.json) {
      const value = this.json[name];
      if (Array.isArray(value)) return value.map(String);
      return value === undefined || value === null ? [] : [String(value)];
    }
    const out: string[] = [];
    for (let i = 0; this.plain.has(`${name}[${i}]`); i++) out.push(this.plain.get(`${name}[${i}]`) ?? '');
    return out;
  }

  /** An unsigned integer; absent gives `fallback`, anything but digits answers 400. */
  uint(name: string, fallback: number): number {
    const text = this.get(name);
    if (text === undefined || text === '') return fallback;
    if (!/^\d+$/.test(text.trim())) throw new WebApiReplyError(badParameters());
    return Number(text.trim());
  }

  /** A 64-bit id kept as a string (ids above 2^53 must not pass through a double). */
  uint64(name: string): string | undefined {
    const text = this.get(name)?.trim();
    if (text === undefined || text === '') return undefined;
    if (!/^\d{1,20}$/.test(text) || BigInt(text) > 0xffff_ffff_ffff_ffffn)
      throw new WebApiReplyError(badParameters());
    return BigInt(text).toString();
  }

  /** Steam reads 1/true as true; absent gives `fallback`. */
  bool(name: string, fallback = false): boolean {
    const text = this.get(name)?.trim().toLowerCase();
    if (text === undefined || text === '') return fallback;
    return text === '1' || text === 'true';
  }
}
