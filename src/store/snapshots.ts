/**
 * @module store/snapshots
 * Inventory snapshots: one row per snapshot (its assets encoded compactly), descriptions
 * shared by every snapshot of an app (written once: later snapshots add only new classes),
 * and the values snapshots were priced at.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface SnapshotRow {
  id: number;
  steamid: string;
  appid: number;
  contextid: string;
  takenAt: number;
  assetCount: number;
  itemCount: number;
}

export interface SnapshotBody {
  encoding: string;
  body: Buffer;
}

export interface SnapshotValueRow {
  snapshotId: number;
  source: string;
  currency: string;
  total: number;
  marketableTotal: number;
  missingQuantity: number;
  staleLines: number;
  pricedAt: number;
}

export interface SnapshotQuery {
  steamid: string;
  appid: number;
  /** Absent: every context. */
  contextid?: string | undefined;
  /** Newest first, at most this many. */
  limit?: number | undefined;
  /** Only snapshots taken in [from, to]. */
  from?: number | undefined;
  to?: number | undefined;
}

const CHUNK = 500;
/** Classids per lookup: few round trips, under both engines' parameter limits. */
const CLASS_CHUNK = 5_000;
/** Description keys this process has written: later snapshots skip them (bounded). */
const KNOWN_LIMIT = 500_000;

export class SnapshotStore {
  private readonly known = new Set<string>();
  private readonly parsed = new Map<string, unknown>();

  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Omit<SnapshotRow, 'id'> & SnapshotBody): Promise<number> {
    const inserted = await this.db
      .insertInto('inventory_snapshots')
      .values({
        steamid: row.steamid,
        appid: row.appid,
        contextid: row.contextid,
        taken_at: row.takenAt,
        asset_count: row.assetCount,
        item_count: row.itemCount,
        encoding: row.encoding,
        body: row.body,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  /** Writes descriptions not stored yet: `[classid, instanceid, body JSON]`; the first one stored wins. */
  async saveDescriptions(appid: number, entries: readonly [string, string, string][]): Promise<void> {
    const fresh = entries.filter(([c, i]) => !this.known.has(`${appid}/${c}_${i}`));
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      await this.db
        .insertInto('snapshot_descriptions')
        .values(chunk.map(([classid, instanceid, body]) => ({ appid, classid, instanceid, body })))
        .onConflict((oc) => oc.columns(['appid', 'classid', 'instanceid']).doNothing())
        .execute();
    }
    if (this.known.size + fresh.length > KNOWN_LIMIT) this.known.clear();
    for (const [c, i] of fresh) this.known.add(`${appid}/${c}_${i}`);
  }

  /**
   * Descriptions by `classid_instanceid`, each read through `parse` once per process: they never
   * change once stored, so loading snapshot after snapshot reads each from the store once.
   */
  async descriptions<T>(
    appid: number,
    keys: readonly [string, string][],
    parse: (body: string) => T,
  ): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    const byClass = new Map<string, Set<string>>();
    for (const [c, i] of keys) {
      const cached = this.parsed.get(`${appid}/${c}_${i}`);
      if (cached !== undefined) {
        out.set(`${c}_${i}`, cached as T);
        continue;
      }
      let set = byClass.get(c);
      if (!set) byClass.set(c, (set = new Set()));
      set.add(i);
    }
    const classids = [...byClass.keys()];
    for (let i = 0; i < classids.length; i += CLASS_CHUNK) {
      const rows = await this.db
        .selectFrom('snapshot_descriptions')
        .select(['classid', 'instanceid', 'body'])
        .where('appid', '=', appid)
        .where('classid', 'in', classids.slice(i, i + CLASS_CHUNK))
        .execute();
      if (this.parsed.size + rows.length > KNOWN_LIMIT) this.parsed.clear();
      for (const row of rows) {
        if (!byClass.get(row.classid)?.has(row.instanceid)) continue;
        const value = parse(row.body);
        this.parsed.set(`${appid}/${row.classid}_${row.instanceid}`, value);
        out.set(`${row.classid}_${row.instanceid}`, value);
      }
    }
    return out;
  }

  async list(query: SnapshotQuery): Promise<SnapshotRow[]> {
    let select = this.db
      .selectFrom('inventory_snapshots')
      .select(['id', 'steamid', 'appid', 'contextid', 'taken_at', 'asset_count', 'item_count'])
      .where('steamid', '=', query.steamid)
      .where('appid', '=', query.appid);
    if (query.contextid !== undefined) select = select.where('contextid', '=', query.contextid);
    if (query.from !== undefined) select = select.where('taken_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('taken_at', '<=', query.to);
    select = select.orderBy('taken_at', 'desc').orderBy('id', 'desc');
    if (query.limit !== undefined) select = select.limit(query.limit);
    return (await select.execute()).map(toRow);
  }

  async get(id: number): Promise<(SnapshotRow & SnapshotBody) | undefined> {
    const row = await this.db
      .selectFrom('inventory_snapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { ...toRow(row), encoding: row.encoding, body: Buffer.from(row.body) } : undefined;
  }

  async saveValue(value: SnapshotValueRow): Promise<void> {
    const fields = {
      total_minor: value.total,
      marketable_total_minor: value.marketableTotal,
      missing_quantity: value.missingQuantity,
      stale_lines: value.staleLines,
      priced_at: value.pricedAt,
    };
    await this.db
      .insertInto('snapshot_values')
      .values({ snapshot_id: value.snapshotId, source: value.source, currency: value.currency, ...fields })
      .onConflict((oc) => oc.columns(['snapshot_id', 'source', 'currency']).doUpdateSet(fields))
      .execute();
  }

  async values(
    ids: readonly number[],
    source: string,
    currency: string,
  ): Promise<Map<number, SnapshotValueRow>> {
    const out = new Map<number, SnapshotValueRow>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('snapshot_values')
        .selectAll()
        .where('snapshot_id', 'in', ids.slice(i, i + CHUNK))
        .where('source', '=', source)
        .where('currency', '=', currency)
        .execute();
      for (const row of rows) {
        out.set(Number(row.snapshot_id), {
          snapshotId: Number(row.snapshot_id),
          source: row.source,
          currency: row.currency,
          total: Number(row.total_minor),
          marketableTotal: Number(row.marketable_total_minor),
          missingQuantity: row.missing_quantity,
          staleLines: row.stale_lines,
          pricedAt: Number(row.priced_at),
        });
      }
    }
    return out;
  }
}

function toRow(row: {
  id: number;
  steamid: string;
  appid: number;
  contextid: string;
  taken_at: unknown;
  asset_count: number;
  item_count: unknown;
}): SnapshotRow {
  return {
    id: Number(row.id),
    steamid: row.steamid,
    appid: Number(row.appid),
    contextid: row.contextid,
    takenAt: Number(row.taken_at),
    assetCount: Number(row.asset_count),
    itemCount: Number(row.item_count),
  };
}
