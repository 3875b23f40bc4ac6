/**
 * @module store/api-keys
 * Gateway API keys. The secret is shown once, at creation; only its sha256 is stored (keys
 * are 192 random bits, so a fast hash is enough: there is nothing to brute-force).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_KEY_NAME_LENGTH } from './migrations.js';
import {
  ALL_ACCOUNTS,
  DEFAULT_KEY_SCOPES,
  storedAccounts,
  storedScopes,
  type KeyScope,
} from './key-scopes.js';
import type { Database } from './schema.js';

export const KEY_PREFIX = 'gs_';
/** What a well-formed key looks like; anything else is refused before any lookup. */
export const KEY_PATTERN = /^gs_[A-Za-z0-9_-]{32}$/;

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  quotaPerMinute: number | null;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  requestCount: number;
  /** What the key may do (store/key-scopes.ts). */
  scopes: KeyScope[];
  /** Registered Steam accounts it may act for; `*` for all. */
  accounts: string[];
}

export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** The secret itself: shown once, never stored. */
  key: string;
}

export interface UsageDelta {
  keyId: string;
  requests: number;
  cacheHits: number;
  lastUsedAt: number;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class ApiKeyStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a key; names are unique (a duplicate is refused with a RangeError naming the key that has it). */
  async create(input: {
    name: string;
    quotaPerMinute?: number | null | undefined;
    /** Checked by parseScopes; the read scopes by default. */
    scopes?: readonly KeyScope[] | undefined;
    /** Checked by parseAccountList; none by default. */
    accounts?: readonly string[] | undefined;
  }): Promise<CreatedApiKey> {
    const name = input.name.trim();
    if (!name || name.length > MAX_KEY_NAME_LENGTH) {
      throw new RangeError(`key name must be 1 to ${MAX_KEY_NAME_LENGTH} characters`);
    }
    await this.refuseTakenName(name);
    const key = KEY_PREFIX + randomBytes(24).toString('base64url');
    const row = {
      id: `key_${randomBytes(6).toString('hex')}`,
      name,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, 8),
      quota_per_minute: input.quotaPerMinute ?? null,
      created_at: Date.now(),
      revoked_at: null,
      last_used_at: null,
      scopes: (input.scopes ?? DEFAULT_KEY_SCOPES).join(','),
      accounts: (input.accounts ?? []).join(',') || null,
    };
    try {
      await this.db.insertInto('api_keys').values(row).execute();
    } catch (error) {
      // Two creations racing for one name: the unique index refused the second.
      await this.refuseTakenName(name);
      throw error;
    }
    return { key, record: toRecord({ ...row, request_count: 0 }) };
  }

  /** The key with this id, or else this name (revoked ones included). */
  async find(idOrName: string): Promise<ApiKeyRecord | undefined> {
    const rows = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .execute();
    const row = rows.find((r) => r.id === idOrName) ?? rows[0];
    return row ? toRecord(row) : undefined;
  }

  private async refuseTakenName(name: string): Promise<void> {
    const taken = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    if (!taken) return;
    const state = taken.revoked_at === null ? 'active' : 'revoked';
    throw new RangeError(
      `a key named "${name}" already exists (${taken.id}, ${state}): key names are unique, choose another`,
    );
  }

  /** The active key with this secret, or undefined (unknown or revoked). */
  async findActive(key: string): Promise<ApiKeyRecord | undefined> {
    if (!KEY_PATTERN.test(key)) return undefined;
    const row = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', hashKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(options: { includeRevoked?: boolean } = {}): Promise<ApiKeyRecord[]> {
    let query = this.db
      .selectFrom('api_keys')
      .selectAll()
      .orderBy('created_at')
      .orderBy('name')
      .orderBy('id');
    if (!options.includeRevoked) query = query.where('revoked_at', 'is', null);
    return (await query.execute()).map(toRecord);
  }

  /** Revokes by id or name; revoking a revoked key again changes nothing. Returns the key. */
  async revoke(idOrName: string): Promise<ApiKeyRecord> {
    const found = await this.find(idOrName);
    if (!found) throw new RangeError(`no key with id or name "${idOrName}"`);
    if (found.revokedAt !== null) return found;
    const revokedAt = Date.now();
    await this.db.updateTable('api_keys').set({ revoked_at: revokedAt }).where('id', '=', found.id).execute();
    return { ...found, revokedAt };
  }

  /**
   * Changes a key's scopes and/or accounts (by id or name). A running gateway sees the change
   * within GAMESTASH_KEY_CACHE_MS, as it sees a revocation.
   */
  async update(
    idOrName: string,
    change: { scopes?: readonly KeyScope[] | undefined; accounts?: readonly string[] | undefined },
  ): Promise<ApiKeyRecord> {
    const found = await this.find(idOrName);
    if (!found) throw new RangeError(`no key with id or name "${idOrName}"`);
    const set: { scopes?: string; accounts?: string | null } = {};
    if (change.scopes) set.scopes = change.scopes.join(',');
    if (change.accounts) set.accounts = change.accounts.join(',') || null;
    if (Object.keys(set).length > 0)
      await this.db.updateTable('api_keys').set(set).where('id', '=', found.id).execute();
    return {
      ...found,
      ...(change.scopes ? { scopes: [...change.scopes] } : {}),
      ...(change.accounts ? { accounts: [...change.accounts] } : {}),
    };
  }

  /**
   * Takes an account name off every key's list (the account was removed: a new account
   * registered later under the same name must not inherit the old one's keys). `*` stays.
   */
  async forgetAccount(name: string): Promise<void> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['id', 'accounts'])
      .where('accounts', 'is not', null)
      .execute();
    for (const row of rows) {
      const accounts = storedAccounts(row.accounts);
      if (!accounts.includes(name) || accounts.includes(ALL_ACCOUNTS)) continue;
      const rest = accounts.filter((a) => a !== name).join(',');
      await this.db
        .updateTable('api_keys')
        .set({ accounts: rest || null })
        .where('id', '=', row.id)
        .execute();
    }
  }

  /** Adds batched usage (the gateway flushes every few seconds rather than per request). */
  async recordUsage(deltas: UsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const d of deltas) {
        const day = new Date(d.lastUsedAt).toISOString().slice(0, 10);
        await trx
          .insertInto('api_key_usage')
          .values({ key_id: d.keyId, day, requests: d.requests, cache_hits: d.cacheHits })
          .onConflict((oc) =>
            oc.columns(['key_id', 'day']).doUpdateSet((eb) => ({
              requests: eb('api_key_usage.requests', '+', eb.ref('excluded.requests')),
              cache_hits: eb('api_key_usage.cache_hits', '+', eb.ref('excluded.cache_hits')),
            })),
          )
          .execute();
        await trx
          .updateTable('api_keys')
          .set((eb) => ({ request_count: eb('request_count', '+', d.requests), last_used_at: d.lastUsedAt }))
          .where('id', '=', d.keyId)
          .execute();
      }
    });
  }

  async usage(keyId: string): Promise<{ day: string; requests: number; cacheHits: number }[]> {
    const rows = await this.db
      .selectFrom('api_key_usage')
      .selectAll()
      .where('key_id', '=', keyId)
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ day: r.day, requests: Number(r.requests), cacheHits: Number(r.cache_hits) }));
  }
}

type Row = Omit<Database['api_keys'], 'request_count' | 'scopes' | 'accounts'> & {
  request_count: unknown;
  /** Absent from rows built in memory before the columns existed. */
  scopes?: string | null;
  accounts?: string | null;
};

function toRecord(row: Row): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    quotaPerMinute: row.quota_per_minute === null ? null : Number(row.quota_per_minute),
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    requestCount: Number(row.request_count),
    scopes: storedScopes(row.scopes ?? null),
    accounts: storedAccounts(row.accounts ?? null),
  };
}
