/**
 * @module store/prices
 * Cached market prices: one row per (source, app, currency, market hash name) with when it
 * was observed, and one row per (source, app, currency) saying when the last full pass
 * finished or failed and when someone last asked (what the background refresh keeps warm).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface PriceSetKey {
  source: string;
  appid: number;
  currency: string;
}

export interface StoredPrice {
  marketHashName: string;
  /** Minor units; undefined: observed without a price. */
  amount: number | undefined;
  listings: number | undefined;
  observedAt: number;
}

export interface PriceSetRecord extends PriceSetKey {
  refreshedAt: number | undefined;
  failedAt: number | undefined;
  lastError: string | undefined;
  requestedAt: number | undefined;
  priced: number | undefined;
}

export interface PriceRow {
  marketHashName: string;
  amount: number | undefined;
  listings?: number | undefined;
  observedAt: number;
}

/** Rows per INSERT: 7 values each, under SQLite's 32,766 variables and PostgreSQL's 65,535. */
const CHUNK = 1000;
/** Names per `IN (...)` lookup. */
const NAMES_CHUNK = 900;

export class PriceStore {
  constructor(private readonly db: Kysely<Database>) {}

  async set(key: PriceSetKey): Promise<PriceSetRecord | undefined> {
    const row = await this.db
      .selectFrom('market_price_sets')
      .selectAll()
      .where('source', '=', key.source)
      .where('appid', '=', key.appid)
      .where('currency', '=', key.currency)
      .executeTakeFirst();
    return row ? toSet(row) : undefined;
  }

  /** Every set asked for since `requestedSince` (the background refresh's work list). */
  async requestedSets(requestedSince: number): Promise<PriceSetRecord[]> {
    const rows = await this.db
      .selectFrom('market_price_sets')
      .selectAll()
      .where('requested_at', '>=', requestedSince)
      .orderBy('requested_at', 'desc')
      .execute();
    return rows.map(toSet);
  }

  /** Prices of a set: all of them, or those of `names`. */
  async read(key: PriceSetKey, names?: readonly string[]): Promise<Map<string, StoredPrice>> {
    const out = new Map<string, StoredPrice>();
    const base = this.db
      .selectFrom('market_prices')
      .select(['market_hash_name', 'price_minor', 'listings', 'observed_at'])
      .where('source', '=', key.source)
      .where('appid', '=', key.appid)
      .where('currency', '=', key.currency);
    const chunks = names ? chunked([...new Set(names)], NAMES_CHUNK) : [undefined];
    for (const chunk of chunks) {
      if (chunk && chunk.length === 0) continue;
      const rows = await (chunk ? base.where('market_hash_name', 'in', chunk) : base).execute();
      for (const row of rows) {
        out.set(row.market_hash_name, {
          marketHashName: row.market_hash_name,
          amount: row.price_minor === null ? undefined : Number(row.price_minor),
          listings: row.listings ?? undefined,
          observedAt: Number(row.observed_at),
        });
      }
    }
    return out;
  }

  /**
   * Stores observed prices. With `replaceBefore`, the pass covered the whole app: rows of the
   * set observed before it (names the app no longer lists) are dropped, in the same transaction.
   */
  async save(
    key: PriceSetKey,
    rows: readonly PriceRow[],
    options: { replaceBefore?: number } = {},
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const chunk of chunked(dedupe(rows), CHUNK)) {
        await tx
          .insertInto('market_prices')
          .values(
            chunk.map((row) => ({
              source: key.source,
              appid: key.appid,
              currency: key.currency,
              market_hash_name: row.marketHashName,
              price_minor: row.amount ?? null,
              listings: row.listings ?? null,
              observed_at: row.observedAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['source', 'appid', 'currency', 'market_hash_name']).doUpdateSet((eb) => ({
              price_minor: eb.ref('excluded.price_minor'),
              listings: eb.ref('excluded.listings'),
              observed_at: eb.ref('excluded.observed_at'),
            })),
          )
          .execute();
      }
      if (options.replaceBefore !== undefined) {
        await tx
          .deleteFrom('market_prices')
          .where('source', '=', key.source)
          .where('appid', '=', key.appid)
          .where('currency', '=', key.currency)
          .where('observed_at', '<', options.replaceBefore)
          .execute();
      }
    });
  }

  /** Notes that someone asked for this set now (creating its row). */
  async markRequested(key: PriceSetKey, at: number): Promise<void> {
    await this.upsertSet(key, { requested_at: at });
  }

  async recordRefreshed(key: PriceSetKey, at: number, priced: number): Promise<void> {
    await this.upsertSet(key, { refreshed_at: at, priced, failed_at: null, last_error: null });
  }

  async recordFailure(key: PriceSetKey, at: number, error: string): Promise<void> {
    await this.upsertSet(key, { failed_at: at, last_error: error.slice(0, 500) });
  }

  private async upsertSet(
    key: PriceSetKey,
    fields: Partial<{
      refreshed_at: number | null;
      failed_at: number | null;
      last_error: string | null;
      requested_at: number | null;
      priced: number | null;
    }>,
  ): Promise<void> {
    await this.db
      .insertInto('market_price_sets')
      .values({ source: key.source, appid: key.appid, currency: key.currency, ...fields })
      .onConflict((oc) => oc.columns(['source', 'appid', 'currency']).doUpdateSet(fields))
      .execute();
  }
}

function toSet(row: {
  source: string;
  appid: number;
  currency: string;
  refreshed_at: unknown;
  failed_at: unknown;
  last_error: string | null;
  requested_at: unknown;
  priced: number | null;
}): PriceSetRecord {
  const ms = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));
  return {
    source: row.source,
    appid: Number(row.appid),
    currency: row.currency,
    refreshedAt: ms(row.refreshed_at),
    failedAt: ms(row.failed_at),
    lastError: row.last_error ?? undefined,
    requestedAt: ms(row.requested_at),
    priced: row.priced ?? undefined,
  };
}

/** One row per name (the last wins): a batch may list a name twice (a page shifted under us). */
function dedupe(rows: readonly PriceRow[]): PriceRow[] {
  return [...new Map(rows.map((row) => [row.marketHashName, row])).values()];
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
