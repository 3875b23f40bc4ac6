/**
 * @module steam/snapshots/encode
 * A snapshot's assets in few bytes: sorted by asset id, each written as the gap to the
 * previous id, an index into the snapshot's table of classid/instanceid pairs and its amount,
 * all as varints, then deflated. 50,000 CS2 assets take about 3 bytes each. Ids that are not
 * plain safe integers (never seen from Steam, but not ruled out) fall back to deflated JSON.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

const deflateAsync = promisify(deflateRaw);
const inflateAsync = promisify(inflateRaw);

export const ENCODING_VARINT = 'dv1';
export const ENCODING_JSON = 'jv1';

export interface EncodableAsset {
  assetid: string;
  classid: string;
  instanceid: string;
  amount: number;
}

export interface EncodedAssets {
  encoding: string;
  /** Base64, for a text column both engines store alike. */
  body: string;
}

export async function encodeAssets(assets: readonly EncodableAsset[]): Promise<EncodedAssets> {
  const plain = assets.every((a) => isPlainId(a.assetid) && Number.isSafeInteger(a.amount) && a.amount >= 0);
  if (!plain) {
    const rows = assets.map((a) => [a.assetid, a.classid, a.instanceid, a.amount]);
    const body = await deflateAsync(Buffer.from(JSON.stringify(rows)), { level: 9 });
    return { encoding: ENCODING_JSON, body: body.toString('base64') };
  }
  const sorted = [...assets].sort((a, b) => Number(a.assetid) - Number(b.assetid));
  const classes = new Map<string, number>();
  const table: [string, string][] = [];
  const writer = new VarintWriter(sorted.length * 4 + 16);
  writer.write(sorted.length);
  let previous = 0;
  for (const asset of sorted) {
    const key = `${asset.classid}_${asset.instanceid || '0'}`;
    let index = classes.get(key);
    if (index === undefined) {
      index = table.length;
      classes.set(key, index);
      table.push([asset.classid, asset.instanceid || '0']);
    }
    const id = Number(asset.assetid);
    writer.write(id - previous);
    previous = id;
    writer.write(index);
    writer.write(asset.amount);
  }
  const header = Buffer.from(JSON.stringify(table));
  const lead = new VarintWriter(8);
  lead.write(header.length);
  const raw = Buffer.concat([lead.bytes(), header, writer.bytes()]);
  const body = await deflateAsync(raw, { level: 9 });
  return { encoding: ENCODING_VARINT, body: body.toString('base64') };
}

export async function decodeAssets(encoded: EncodedAssets): Promise<EncodableAsset[]> {
  const raw = await inflateAsync(Buffer.from(encoded.body, 'base64'));
  if (encoded.encoding === ENCODING_JSON) {
    const rows = JSON.parse(raw.toString('utf8')) as [string, string, string, number][];
    return rows.map(([assetid, classid, instanceid, amount]) => ({ assetid, classid, instanceid, amount }));
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
  const assets: EncodableAsset[] = new Array(count);
  let id = 0;
  for (let i = 0; i < count; i++) {
    id += reader.read();
    const [classid, instanceid] = table[reader.read()] as [string, string];
    assets[i] = { assetid: String(id), classid, instanceid, amount: reader.read() };
  }
  return assets;
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
