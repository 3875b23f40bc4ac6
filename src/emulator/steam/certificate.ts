/**
 * @module emulator/steam/certificate
 * CS2 item certificates (asset property 6): the hex that the newer inspect link
 * `steam://run/730//+csgo_econ_action_preview%20%propid:6%` carries. UPSTREAM.md: the
 * certificate encodes the item itself, and `@csfloat/cs2-inspect-serializer` decodes it
 * offline, so the emulator writes real ones (masked form: every byte XORed with the first,
 * a CEconItemPreviewDataBlock protobuf and a 4-byte checksum). Hand-encoded because the
 * library's encoder is ~10x too slow for 50,000-item inventories.
 */
import { crc32 } from 'node:zlib';

export interface CertificateFields {
  itemid: number;
  defindex: number;
  paintindex: number;
  rarity: number;
  quality: number;
  /** The float as Steam stores it (float32). */
  paintwear: number;
  paintseed: number;
  /** StatTrak counters (killeaterscoretype 0 = kills). */
  killeatervalue?: number;
  customname?: string;
  stickers?: { slot: number; stickerId: number }[];
  /** Charms (keychains, field 20): the charm's id and its own pattern. */
  keychains?: { slot: number; charmId: number; pattern: number }[];
  inventory: number;
  origin: number;
  /** XOR key (1..255); 0 would produce the unmasked form. */
  maskKey: number;
}

const floatBits = new DataView(new ArrayBuffer(4));
/** Scratch space: a certificate is well under 256 bytes unless a name tag is huge. */
let scratch = new Uint8Array(256);
let length = 0;

export function encodeCertificate(item: CertificateFields): string {
  const nameBytes = item.customname ? Buffer.from(item.customname, 'utf8') : undefined;
  if (scratch.length < 128 + (nameBytes?.length ?? 0))
    scratch = new Uint8Array(256 + (nameBytes?.length ?? 0));
  length = 0;
  push(0);
  varintField(2, item.itemid);
  varintField(3, item.defindex);
  varintField(4, item.paintindex);
  varintField(5, item.rarity);
  varintField(6, item.quality);
  floatBits.setFloat32(0, item.paintwear, true);
  varintField(7, floatBits.getUint32(0, true));
  varintField(8, item.paintseed);
  if (item.killeatervalue !== undefined) {
    varintField(9, 0);
    varintField(10, item.killeatervalue);
  }
  if (nameBytes) {
    varint((11 << 3) | 2);
    varint(nameBytes.length);
    for (const byte of nameBytes) push(byte);
  }
  for (const sticker of item.stickers ?? []) {
    // Embedded Sticker message: slot (1) and sticker_id (2), each one-byte tag + varint.
    varint((12 << 3) | 2);
    varint(2 + varintSize(sticker.slot) + varintSize(sticker.stickerId));
    varintField(1, sticker.slot);
    varintField(2, sticker.stickerId);
  }
  varintField(13, item.inventory);
  varintField(14, item.origin);
  for (const charm of item.keychains ?? []) {
    // Embedded Sticker message again: slot (1), sticker_id (2) and pattern (10).
    varint((20 << 3) | 2);
    varint(3 + varintSize(charm.slot) + varintSize(charm.charmId) + varintSize(charm.pattern));
    varintField(1, charm.slot);
    varintField(2, charm.charmId);
    varintField(10, charm.pattern);
  }
  // The checksum the serializer verifies on the unmasked form: crc32 of 0x00 + payload,
  // folded with the payload length.
  const payloadLength = length - 1;
  const crc = crc32(scratch.subarray(0, length));
  const checksum = (((crc & 0xffff) ^ (payloadLength * crc)) & 0xffffffff) >>> 0;
  push(checksum >>> 24);
  push((checksum >>> 16) & 0xff);
  push((checksum >>> 8) & 0xff);
  push(checksum & 0xff);
  const key = item.maskKey & 0xff;
  let hex = '';
  for (let i = 0; i < length; i++) hex += HEX[(scratch[i] as number) ^ key];
  return hex;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

function push(byte: number): void {
  scratch[length++] = byte;
}

function varintField(field: number, value: number): void {
  varint(field << 3);
  varint(value);
}

function varintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

/** Protobuf varint for non-negative integers up to 2^53 (asset ids pass 2^32). */
function varint(value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  push(rest);
}
