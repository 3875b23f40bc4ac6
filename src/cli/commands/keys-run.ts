/**
 * @module cli/commands/keys-run
 * The `keys` subcommands: one store call each, then output formatting.
 */
import { InvalidInputError } from '../../core/errors.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { ApiKeyStore, type ApiKeyRecord } from '../../store/api-keys.js';
import { openDatabase } from '../../store/database.js';
import { ALL_ACCOUNTS, parseAccountList, parseScopes } from '../../store/key-scopes.js';
import { SteamAccountStore } from '../../store/steam-accounts.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { KeysCreateOptions, KeysListOptions, KeysStoreOptions, KeysUpdateOptions } from './keys.js';

interface KeysContext {
  keys: ApiKeyStore;
  accounts: SteamAccountStore;
  /** GAMESTASH_DEFAULT_QUOTA_PER_MINUTE: what a key without its own quota gets. */
  defaultQuota: number;
}

async function withKeys<T>(options: KeysStoreOptions, run: (ctx: KeysContext) => Promise<T>): Promise<T> {
  // The gateway's config: the same store `serve` opens (GAMESTASH_DATA_DIR, ./data by default).
  const config = loadGatewayConfig(process.env, {
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlite,
  });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    poolSize: 1,
  });
  try {
    return await run({
      keys: new ApiKeyStore(database.db),
      accounts: new SteamAccountStore(database.db),
      defaultQuota: config.defaultQuotaPerMinute,
    });
  } catch (error) {
    // The store signals "no such key" and bad names with RangeError: a usage problem.
    if (error instanceof RangeError) throw new InvalidInputError(error.message, 'key');
    throw error;
  } finally {
    await database.close();
  }
}

/** A key as `--json` prints it: the quota in force as a number, timestamps as ISO strings like the table's. */
export interface KeyJson {
  id: string;
  name: string;
  prefix: string;
  quotaPerMinute: number;
  /** True when the key has no quota of its own and follows GAMESTASH_DEFAULT_QUOTA_PER_MINUTE. */
  quotaIsDefault: boolean;
  requestCount: number;
  scopes: string[];
  accounts: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function keyJson(k: ApiKeyRecord, defaultQuota: number): KeyJson {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    quotaPerMinute: k.quotaPerMinute ?? defaultQuota,
    quotaIsDefault: k.quotaPerMinute === null,
    requestCount: k.requestCount,
    scopes: k.scopes,
    accounts: k.accounts,
    createdAt: iso(k.createdAt),
    lastUsedAt: k.lastUsedAt === null ? null : iso(k.lastUsedAt),
    revokedAt: k.revokedAt === null ? null : iso(k.revokedAt),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function accountsText(k: ApiKeyRecord): string {
  if (k.accounts.includes(ALL_ACCOUNTS)) return 'all';
  return k.accounts.length ? k.accounts.join(', ') : 'none';
}

function quotaText(k: ApiKeyRecord, defaultQuota: number): string {
  return k.quotaPerMinute === null ? `${defaultQuota} (default)` : String(k.quotaPerMinute);
}

/**
 * Accounts named for a key must be registered: a typo would otherwise give a key nothing and
 * say nothing. `*` (every account, future ones too) needs none.
 */
async function checkedAccounts(accounts: SteamAccountStore, list: string): Promise<string[]> {
  const names = parseAccountList(list, 'account');
  if (names.includes(ALL_ACCOUNTS)) return names;
  const known = new Set((await accounts.list()).map((a) => a.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `no account named ${unknown.map((n) => `"${n}"`).join(', ')}: register it first (\`gamestash accounts add --name NAME\`)`,
      'account',
    );
  }
  return names;
}

export async function createKey(options: KeysCreateOptions): Promise<void> {
  const scopes = options.scope === undefined ? undefined : parseScopes(options.scope, 'scope');
  const { created, defaultQuota } = await withKeys(options, async ({ keys, accounts, defaultQuota }) => ({
    created: await keys.create({
      name: options.name,
      quotaPerMinute: options.quotaPerMinute,
      scopes,
      accounts: options.account === undefined ? undefined : await checkedAccounts(accounts, options.account),
    }),
    defaultQuota,
  }));
  if (options.json) return writeJson({ key: created.key, ...keyJson(created.record, defaultQuota) });
  writeLine(created.key);
  process.stderr.write(
    `created ${created.record.id} "${created.record.name}"` +
      ` (quota: ${quotaText(created.record, defaultQuota)} requests/min;` +
      ` scopes: ${created.record.scopes.join(', ')}; accounts: ${accountsText(created.record)}).` +
      ' This is the only time the key is shown: store it now.\n',
  );
}

function columns(defaultQuota: number): Column<ApiKeyRecord>[] {
  return [
    { header: 'id', value: (k) => k.id },
    { header: 'name', value: (k) => k.name },
    { header: 'key', value: (k) => `${k.prefix}…` },
    { header: 'quota/min', value: (k) => quotaText(k, defaultQuota), align: 'right' },
    { header: 'scopes', value: (k) => k.scopes.join(', ') },
    { header: 'accounts', value: (k) => accountsText(k) },
    { header: 'requests', value: (k) => k.requestCount, align: 'right' },
    { header: 'last used', value: (k) => (k.lastUsedAt ? iso(k.lastUsedAt) : 'never') },
    { header: 'created', value: (k) => iso(k.createdAt) },
    { header: 'revoked', value: (k) => (k.revokedAt ? iso(k.revokedAt) : '') },
  ];
}

export async function listKeys(options: KeysListOptions): Promise<void> {
  const { list, defaultQuota } = await withKeys(options, async ({ keys, defaultQuota }) => ({
    list: await keys.list({ includeRevoked: Boolean(options.all) }),
    defaultQuota,
  }));
  if (options.json) return writeJson(list.map((k) => keyJson(k, defaultQuota)));
  writeLine(
    list.length === 0
      ? 'no keys: create one with `gamestash keys create --name NAME`'
      : renderTable(list, columns(defaultQuota)),
  );
}

export async function updateKey(idOrName: string, options: KeysUpdateOptions): Promise<void> {
  if (options.scope === undefined && options.account === undefined) {
    throw new InvalidInputError('nothing to change: give --scope and/or --account', 'scope');
  }
  const scopes = options.scope === undefined ? undefined : parseScopes(options.scope, 'scope');
  const { updated, defaultQuota } = await withKeys(options, async ({ keys, accounts, defaultQuota }) => ({
    updated: await keys.update(idOrName, {
      scopes,
      accounts:
        options.account === undefined
          ? undefined
          : options.account.trim() === ''
            ? []
            : await checkedAccounts(accounts, options.account),
    }),
    defaultQuota,
  }));
  if (options.json) return writeJson(keyJson(updated, defaultQuota));
  writeLine(
    `updated ${updated.id} "${updated.name}": scopes ${updated.scopes.join(', ')}; accounts ${accountsText(updated)}`,
  );
}

export async function revokeKey(idOrName: string, options: KeysStoreOptions): Promise<void> {
  const { revoked, defaultQuota } = await withKeys(options, async ({ keys, defaultQuota }) => ({
    revoked: await keys.revoke(idOrName),
    defaultQuota,
  }));
  if (options.json) return writeJson(keyJson(revoked, defaultQuota));
  writeLine(`revoked ${revoked.id} "${revoked.name}"`);
}

export async function keyUsage(idOrName: string, options: KeysStoreOptions): Promise<void> {
  const usage = await withKeys(options, async ({ keys, defaultQuota }) => {
    const key = await keys.find(idOrName);
    if (!key) throw new RangeError(`no key with id or name "${idOrName}"`);
    return { key: keyJson(key, defaultQuota), days: await keys.usage(key.id) };
  });
  if (options.json) return writeJson(usage);
  writeLine(
    usage.days.length === 0
      ? `${usage.key.id} has no recorded requests yet`
      : renderTable(usage.days, [
          { header: 'day (UTC)', value: (d) => d.day },
          { header: 'requests', value: (d) => d.requests, align: 'right' },
          { header: 'cache hits', value: (d) => d.cacheHits, align: 'right' },
        ]),
  );
}
