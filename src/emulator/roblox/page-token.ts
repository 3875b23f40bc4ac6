/**
 * @module emulator/roblox/page-token
 * Page tokens that carry their position and a hash of the query that produced them. Roblox:
 * "When paginating, all other parameters provided to the subsequent call must match the call
 * that provided the page token" — reusing a token with another user, filter or page size is a
 * 400 (UPSTREAM.md). Tokens look like Roblox's: base64 of `v1/{json}`.
 */
import { createHash } from 'node:crypto';

export interface QueryIdentity {
  userId: string;
  filter: string | null;
  maxPageSize: string | null;
}

export function queryHash(query: QueryIdentity): string {
  const text = JSON.stringify([query.userId, query.filter ?? '', query.maxPageSize ?? '']);
  return createHash('sha256').update(text).digest('base64').slice(0, 22);
}

export function encodePageToken(offset: number, query: QueryIdentity): string {
  const body = JSON.stringify({ Offset: offset, FilterHash: queryHash(query) });
  return Buffer.from(`v1/${body}`).toString('base64url');
}

export type TokenCheck = { ok: true; offset: number } | { ok: false; reason: 'invalid' | 'mismatch' };

export function decodePageToken(token: string, query: QueryIdentity): TokenCheck {
  let parsed: { Offset?: unknown; FilterHash?: unknown };
  try {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    if (!text.startsWith('v1/')) return { ok: false, reason: 'invalid' };
    parsed = JSON.parse(text.slice(3)) as typeof parsed;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof parsed.Offset !== 'number' || !Number.isInteger(parsed.Offset) || parsed.Offset < 0) {
    return { ok: false, reason: 'invalid' };
  }
  if (parsed.FilterHash !== queryHash(query)) return { ok: false, reason: 'mismatch' };
  return { ok: true, offset: parsed.Offset };
}
