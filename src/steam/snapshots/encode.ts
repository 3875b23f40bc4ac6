/**
 * @module steam/snapshots/encode
 * A snapshot's assets in few bytes: sorted by asset id, written column by column as varints
 * (the gaps between ids, indexes into the snapshot's table of classid/instanceid pairs, the
 * amounts), then deflated. 50,000 CS2 assets take about 3 bytes each. Ids that are not plain
 * safe integers (never seen from Steam, but not ruled out) fall back to deflated JSON.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

const deflateAsync = promisify(deflateRaw);
const inflateAsync = promisify(inflateRaw);

export const ENCODING_VARINT = 'dv2';
export const ENCODING_JSON = 'jv1';

export interface EncodableAsset {
  assetid: string;
  classid: string;
  instanceid: string;
  amount: number;
}

export interface EncodedAssets {
  encoding: string;
  body: Buffer;
}

export async function encodeAssets(assets: readonly EncodableAsset[]): Promise<EncodedAssets> {
  const plain = assets.every((a) => isPlainId(a.assetid) && Number.isSafeInteger(a.amount) && a.amount >= 0);
  if (!plain) {
    const rows = assets.map((a) => [a.assetid, a.classid, a.instanceid, a.amount]);
    const body = await deflateAsync(Buffer.from(JSON.stringify(rows)));
    return { encoding: ENCODING_JSON, body };
  }
  // Ids as numbers once (not per comparison), sorted: gaps between neighbours are small.
  const rows = assets.map((a) => ({ id: Number(a.assetid), key: `${a.classid}_${a.instanceid || '0'}`, a }));
  rows.sort((x, y) => x.id - y.id);
  // The class table by how often each class occurs: the common ones get one-byte indexes.
  const frequency = new Map<string, { count: number; classid: string; instanceid: string }>();
  for (const { key, a } of rows) {
    const entry = frequency.get(key);
    if (entry) entry.count++;
    else frequency.set(key, { count: 1, classid: a.classid, instanceid: a.instanceid || '0' });
  }
  const table = [...frequency.entries()].sort((x, y) => y[1].count - x[1].count);
  const index = new Map(table.map(([key], i) => [key, i]));
  // Column by column (gaps, then classes, then amounts): alike values side by side deflate best.
  const writer = new VarintWriter(rows.length * 4 + 16);
  writer.write(rows.length);
  let previous = 0;
  for (const { id } of rows) {
    writer.write(id - previous);
    previous = id;
  }
  for (const { key } of rows) writer.write(index.get(key) as number);
  for (const { a } of rows) writer.write(a.amount);
  const header = Buffer.from(JSON.stringify(table.map(([, e]) => [e.classid, e.instanceid])));
  const lead = new VarintWriter(8);
  lead.write(header.length);
  const body = await deflateAsync(Buffer.concat([lead.bytes(), header, writer.bytes()]));
  return { encoding: ENCODING_VARINT, body };
}

export async function decodeAssets(encoded: EncodedAssets): Promise<EncodableAsset[]> {
  const { assets } = await decodeSnapshotAssets(encoded, '');
  return assets.map(({ assetid, classid, instanceid, amount }) => ({ assetid, classid, instanceid, amount }));
}

export interface DecodedAssets {
  assets: (EncodableAsset & { contextid: string })[];
  /** Every classid/instanceid pair the assets use, once (from the table, not per asset). */
  classes: [string, string][];
}

export async function decodeSnapshotAssets(
  encoded: EncodedAssets,
  contextid: string,
): Promise<DecodedAssets> {
  const raw = await inflateAsync(encoded.body);
  if (encoded.encoding === ENCODING_JSON) {
    const rows = JSON.parse(raw.toString('utf8')) as [string, string, string, number][];
    const classes = new Map(rows.map(([, c, i]) => [`${c}_${i}`, [c, i] as [string, string]]));
    return {
      assets: rows.map(([assetid, classid, instanceid, amount]) => ({
        assetid,
        contextid,
        classid,
        instanceid,
        amount,
      })),
      classes: [...classes.values()],
    };
  }
  if (encoded.encoding !== ENCODING_VARINT) throw new Error(`unknown snapshot encoding ${encoded.encoding}`);
  const reader = new VarintReader(raw);
  const headerLength = reader.read();
  const table = JSON.parse(raw.toString('utf8', reader.offset, reader.offset + headerLength)) as [
    string,
    string,
  ][];
  reader.offset += headerLength;
  const count = reader.read();
  const ids = new Array<number>(count);
  let id = 0;
  for (let i = 0; i < count; i++) ids[i] = id += reader.read();
  const classes = new Array<[string, string]>(count);
  for (let i = 0; i < count; i++) classes[i] = table[reader.read()] as [string, string];
  const assets: DecodedAssets['assets'] = new Array(count);
  for (let i = 0; i < count; i++) {
    const [classid, instanceid] = classes[i] as [string, string];
    assets[i] = { assetid: String(ids[i]), contextid, classid, instanceid, amount: reader.read() };
  }
  return { assets, classes: table };
}

function isPlainId(id: string): boolean {
  return /^(0|[1-9]\d{0,15})$/.test(id) && Number.isSafeInteger(Number(id));
}

/** LEB128 unsigned varints over safe integers (arithmetic, not 32-bit shifts). */
class VarintWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(16, capacity));
  }

  write(value: number): void {
    if (this.length + 10 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

class VarintReader {
  offset = 0;

  constructor(private readonly buffer: Buffer) {}

  read(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.buffer[this.offset++];
      if (byte === undefined) throw new Error('snapshot body ends inside a number');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }
}
