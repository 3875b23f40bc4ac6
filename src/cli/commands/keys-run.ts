/**
 * @module cli/commands/keys-run
 * The `keys` subcommands: one store call each, then output formatting.
 */
import { InvalidInputError } from '../../core/errors.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { ApiKeyStore, type ApiKeyRecord } from '../../store/api-keys.js';
import { openDatabase } from '../../store/database.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { KeysCreateOptions, KeysListOptions, KeysStoreOptions } from './keys.js';

async function withKeys<T>(options: KeysStoreOptions, run: (keys: ApiKeyStore) => Promise<T>): Promise<T> {
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
    return await run(new ApiKeyStore(database.db));
  } catch (error) {
    // The store signals "no such key" and bad names with RangeError: a usage problem.
    if (error instanceof RangeError) throw new InvalidInputError(error.message, 'key');
    throw error;
  } finally {
    await database.close();
  }
}

export async function createKey(options: KeysCreateOptions): Promise<void> {
  const created = await withKeys(options, (keys) =>
    keys.create({ name: options.name, quotaPerMinute: options.quotaPerMinute }),
  );
  if (options.json) return writeJson({ key: created.key, ...created.record });
  writeLine(created.key);
  process.stderr.write(
    `created ${created.record.id} "${created.record.name}"` +
      ` (quota: ${created.record.quotaPerMinute ?? 'default'} requests/min).` +
      ' This is the only time the key is shown: store it now.\n',
  );
}

const COLUMNS: Column<ApiKeyRecord>[] = [
  { header: 'id', value: (k) => k.id },
  { header: 'name', value: (k) => k.name },
  { header: 'key', value: (k) => `${k.prefix}…` },
  { header: 'quota/min', value: (k) => k.quotaPerMinute ?? 'default', align: 'right' },
  { header: 'requests', value: (k) => k.requestCount, align: 'right' },
  { header: 'last used', value: (k) => (k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : 'never') },
  { header: 'created', value: (k) => new Date(k.createdAt).toISOString() },
  { header: 'revoked', value: (k) => (k.revokedAt ? new Date(k.revokedAt).toISOString() : '') },
];

export async function listKeys(options: KeysListOptions): Promise<void> {
  const list = await withKeys(options, (keys) => keys.list({ includeRevoked: Boolean(options.all) }));
  if (options.json) return writeJson(list);
  writeLine(
    list.length === 0
      ? 'no keys: create one with `gamestash keys create --name NAME`'
      : renderTable(list, COLUMNS),
  );
}

export async function revokeKey(idOrName: string, options: KeysStoreOptions): Promise<void> {
  const revoked = await withKeys(options, (keys) => keys.revoke(idOrName));
  if (options.json) return writeJson(revoked);
  writeLine(`revoked ${revoked.id} "${revoked.name}"`);
}

export async function keyUsage(idOrName: string, options: KeysStoreOptions): Promise<void> {
  const usage = await withKeys(options, async (keys) => {
    const all = await keys.list({ includeRevoked: true });
    const matches = all.filter((k) => k.id === idOrName || k.name === idOrName);
    if (matches.length !== 1) {
      throw new RangeError(
        matches.length
          ? `${matches.length} keys are named "${idOrName}": use the id`
          : `no key "${idOrName}"`,
      );
    }
    return { key: matches[0]!, days: await keys.usage(matches[0]!.id) };
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
