/**
 * Snapshots on SQLite and PostgreSQL: stored compactly and read back exactly, descriptions
 * shared between snapshots, diffs (context 16: protected, not removed), and history values.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import type { HttpClient } from '../../core/http/client.js';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { openDatabase, type StoreDatabase, type StoreOptions } from '../../store/database.js';
import { PriceStore } from '../../store/prices.js';
import { SnapshotStore } from '../../store/snapshots.js';
import { startPostgres, type PostgresServer } from '../../../test/services/postgres.js';
import { inventoryClient, OWNER } from '../../../test/steam-fixtures.js';
import { requireCurrency } from '../market/currencies.js';
import { PriceService } from '../market/price-service.js';
import { SkinportSource } from '../market/skinport-source.js';
import { valueInventory } from '../market/valuation.js';
import type { InventoryItem } from '../community/inventory/types.js';
import { diffInventories } from './diff.js';
import { decodeAssets, encodeAssets } from './encode.js';
import { diffSnapshots, latestDiff, listHistory } from './history.js';
import { loadSnapshot, recordSnapshot } from './record.js';

let pg: PostgresServer;
let dir: string;
let emulator: StartedEmulator;
let items: InventoryItem[];
let http: HttpClient;
let n = 0;

beforeAll(async () => {
  [pg, dir, emulator] = await Promise.all([
    startPostgres(),
    mkdtemp(join(tmpdir(), 'gamestash-snapshots-')),
    startEmulator({
      scenario: {
        market: { requestsPerWindow: 0 },
        steam: {
          users: {
            [OWNER]: { cookie: 'owner', inventories: { '730/2': { size: 2000 }, '730/16': { size: 5 } } },
          },
        },
      },
    }),
  ]);
  const client = inventoryClient(emulator.url);
  http = client.http;
  items = await client.client.fetchItems({ steamid: OWNER, appid: 730, contextid: 2 });
});
afterAll(async () => {
  await http?.close();
  await emulator?.close();
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('snapshot encoding', () => {
  it('reads back every asset exactly, in a few bytes each', async () => {
    const encoded = await encodeAssets(items);
    const decoded = await decodeAssets(encoded);
    const key = (a: { assetid: string; classid: string; instanceid: string; amount: number }) =>
      `${a.assetid}/${a.classid}/${a.instanceid}/${a.amount}`;
    expect(new Set(decoded.map(key))).toEqual(new Set(items.map(key)));
    expect(encoded.encoding).toBe('dv2');
    expect(encoded.body.length / items.length).toBeLessThan(6);
  });

  it('keeps ids that are not plain integers, in another encoding', async () => {
    const odd = [{ assetid: '0012', classid: 'c', instanceid: '0', amount: 1 }];
    const encoded = await encodeAssets(odd);
    expect(encoded.encoding).toBe('jv1');
    expect(await decodeAssets(encoded)).toEqual(odd);
  });
});

describe('diffInventories', () => {
  const asset = (assetid: string, contextid: string, classid: string, amount = 1) => ({
    assetid,
    contextid,
    classid,
    instanceid: '0',
    amount,
  });
  const describe_ = (name: string) => ({
    marketHashName: name,
    name,
    type: 't',
    marketable: true,
    tradable: true,
  });
  const descriptions = new Map([
    ['1_0', describe_('AK-47 | Redline (Field-Tested)')],
    ['2_0', describe_('Snakebite Case')],
    ['3_0', describe_('Gems')],
    ['4_0', describe_('Recoil Case')],
  ]);

  it('finds added, removed and changed stacks', () => {
    const before = {
      assets: [asset('10', '2', '1'), asset('11', '2', '2'), asset('12', '2', '3', 5)],
      descriptions,
    };
    const after = {
      assets: [asset('10', '2', '1'), asset('12', '2', '3', 8), asset('13', '2', '4')],
      descriptions,
    };
    const diff = diffInventories(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed).toEqual([
      expect.objectContaining({ assetid: '11', marketHashName: 'Snakebite Case' }),
    ]);
    expect(diff.added).toEqual([expect.objectContaining({ assetid: '13', marketHashName: 'Recoil Case' })]);
    expect(diff.changed).toEqual([expect.objectContaining({ assetid: '12', fromAmount: 5, amount: 8 })]);
    expect(diff.byName.find((r) => r.marketHashName === 'Gems')).toMatchObject({ added: 3, net: 3 });
  });

  it('calls an item that moved to context 16 protected, by asset id or else by name, and back released', () => {
    const before = {
      assets: [asset('10', '2', '1'), asset('11', '2', '2'), asset('12', '2', '4')],
      descriptions,
    };
    // 10 keeps its id in 16; 11 comes back under a new id; 12 is really gone.
    const after = { assets: [asset('10', '16', '1'), asset('99', '16', '2')], descriptions };
    const diff = diffInventories(before, after);
    expect(diff.protected.map((m) => [m.assetid, m.toAssetid, m.toContextid])).toEqual([
      ['10', '10', '16'],
      ['11', '99', '16'],
    ]);
    expect(diff.removed.map((l) => l.assetid)).toEqual(['12']);
    expect(diff.added).toEqual([]);
    const back = diffInventories(after, { assets: [asset('10', '2', '1')], descriptions });
    expect(back.released.map((m) => m.assetid)).toEqual(['10']);
    expect(back.removed.map((l) => l.assetid)).toEqual(['99']);
  });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `snapshots-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`snapshots_${++n}`) })],
];

describe.each(engines)('snapshots on %s', (_engine, options) => {
  let database: StoreDatabase;
  let store: SnapshotStore;
  beforeAll(async () => {
    database = await openDatabase(await options());
    store = new SnapshotStore(database.db);
  });
  afterAll(() => database?.close());

  it('stores a snapshot and loads it back with its descriptions, shared by later snapshots', async () => {
    const info = await recordSnapshot(store, {
      steamid: OWNER,
      appid: 730,
      contextid: 2,
      items,
      takenAt: 1_000,
    });
    expect(info).toMatchObject({
      assetCount: items.length,
      itemCount: items.reduce((s, i) => s + i.amount, 0),
    });
    const loaded = await loadSnapshot(store, info.id);
    expect(loaded.assets).toHaveLength(items.length);
    const first = items[0]!;
    const again = loaded.assets.find((a) => a.assetid === first.assetid)!;
    expect(again).toMatchObject({ classid: first.classid, instanceid: first.instanceid, contextid: '2' });
    expect(loaded.descriptions.get(`${first.classid}_${first.instanceid}`)).toMatchObject({
      marketHashName: first.marketHashName,
      marketable: first.marketable,
    });
    const descriptionRows = async () =>
      Number(
        (
          await database.db
            .selectFrom('snapshot_descriptions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await descriptionRows();
    await recordSnapshot(store, {
      steamid: OWNER,
      appid: 730,
      contextid: 2,
      items: items.slice(10),
      takenAt: 2_000,
    });
    expect(await descriptionRows()).toBe(before);
  });

  it('diffs the two newest snapshots, with the context-16 snapshots taken alongside', async () => {
    const steamid = '76561198000000077';
    const t = 10_000_000;
    const moved = items.slice(0, 3);
    await recordSnapshot(store, { steamid, appid: 730, contextid: 2, items: items.slice(0, 50), takenAt: t });
    await recordSnapshot(store, { steamid, appid: 730, contextid: 16, items: [], takenAt: t + 1_000 });
    // Later: three items left context 2 and sit in 16 (same asset ids), two new ones arrived.
    const arrived = items.slice(100, 102);
    const later = t + 3_600_000;
    await recordSnapshot(store, {
      steamid,
      appid: 730,
      contextid: 2,
      items: [...items.slice(3, 50), ...arrived],
      takenAt: later,
    });
    await recordSnapshot(store, {
      steamid,
      appid: 730,
      contextid: 16,
      items: moved.map((i) => ({ ...i, contextid: '16' })),
      takenAt: later + 2_000,
    });
    const result = await latestDiff(store, { steamid, appid: 730, contextid: '2' });
    expect(result?.from.map((s) => s.contextid)).toEqual(['2', '16']);
    expect(result?.diff.protected.map((m) => m.assetid).sort()).toEqual(moved.map((i) => i.assetid).sort());
    expect(result?.diff.removed).toEqual([]);
    expect(result?.diff.added.map((l) => l.assetid).sort()).toEqual(arrived.map((i) => i.assetid).sort());
  });

  it('refuses a snapshot id that does not exist, and snapshots of two inventories', async () => {
    await expect(loadSnapshot(store, 987654)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(loadSnapshot(store, 987654)).rejects.toThrow(/no snapshot 987654: list them with/);
    const a = await recordSnapshot(store, {
      steamid: OWNER,
      appid: 730,
      contextid: 2,
      items: items.slice(0, 2),
    });
    const b = await recordSnapshot(store, {
      steamid: '76561198000000078',
      appid: 730,
      contextid: 2,
      items: [],
    });
    await expect(diffSnapshots(store, [a.id], [b.id])).rejects.toThrow(/different inventories/);
  });

  it('lists history newest first, with recorded values or values at today’s prices', async () => {
    const steamid = '76561198000000079';
    const prices = new PriceService({
      store: new PriceStore(database.db),
      sources: { skinport: new SkinportSource({ http, url: emulator.url, intervalMs: 0 }) },
      maxAgeMs: 60_000,
    });
    const usd = requireCurrency('USD');
    const first = await recordSnapshot(store, {
      steamid,
      appid: 730,
      contextid: 2,
      items: items.slice(0, 500),
      takenAt: 1,
    });
    const valuation = await valueInventory(items.slice(0, 1000), {
      currency: usd,
      source: 'skinport',
      prices,
    });
    const second = await recordSnapshot(store, {
      steamid,
      appid: 730,
      contextid: 2,
      items: items.slice(0, 1000),
      takenAt: 2,
      valuation,
    });
    const history = await listHistory(store, {
      steamid,
      appid: 730,
      contextid: '2',
      value: { prices, source: 'skinport', currency: usd },
    });
    expect(history.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(history[0]?.value).toMatchObject({ atSnapshotTime: true, total: valuation.totals.total });
    expect(history[1]?.value?.atSnapshotTime).toBe(false);
    expect(history[1]!.value!.total.amount).toBeGreaterThan(0);
    expect(history[1]!.value!.total.amount).toBeLessThan(valuation.totals.total.amount);
  });
});
