/**
 * @module steam/community/inventory/certificate
 * Decodes a CS2 item certificate (asset property 6, the hex the newer inspect link carries)
 * offline with `@csfloat/cs2-inspect-serializer` (UPSTREAM.md: the certificate encodes the
 * item itself), and joins it with the names the description lists (applied.ts) into what an
 * item page shows: wear, pattern, StatTrak count, name tag, stickers and charms by slot.
 */
import { decodeHex } from '@csfloat/cs2-inspect-serializer';
import { InvalidInputError } from '../../../core/errors.js';
import type { InventoryItem } from './types.js';

export interface AppliedSticker {
  slot: number;
  stickerId: number;
  /** From the item's description, in slot order; undefined when it lists fewer. */
  name: string | undefined;
  /** Scrape level, 0 (new) to 1; absent on an unscraped sticker. */
  wear: number | undefined;
}

export interface AppliedCharm {
  slot: number;
  charmId: number;
  name: string | undefined;
  /** The charm's own pattern (its template). */
  pattern: number | undefined;
}

export interface Cs2Certificate {
  defIndex: number | undefined;
  paintIndex: number | undefined;
  rarity: number | undefined;
  quality: number | undefined;
  /** The wear rating (float) as stored: a float32. */
  float: number | undefined;
  paintSeed: number | undefined;
  /** StatTrak™ counter (confirmed kills), when the item has one. */
  statTrak: number | undefined;
  nameTag: string | undefined;
  stickers: AppliedSticker[];
  charms: AppliedCharm[];
}

const HEX = /^[0-9A-Fa-f]{8,4096}$/;

/** Decodes the certificate's hex; a malformed one is bad input (it comes from the caller). */
export function decodeCertificate(
  hex: string,
  names: { stickers?: string[] | undefined; charms?: string[] | undefined } = {},
): Cs2Certificate {
  if (!HEX.test(hex)) throw new InvalidInputError('a CS2 certificate is hex digits (asset property 6)');
  let block: ReturnType<typeof decodeHex>;
  try {
    block = decodeHex(hex);
  } catch (cause) {
    throw new InvalidInputError(
      `this CS2 certificate does not decode: ${(cause as Error).message}`,
      undefined,
      {
        cause,
      },
    );
  }
  const stickers = [...block.stickers].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  const charms = [...block.keychains].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  return {
    defIndex: block.defindex,
    paintIndex: block.paintindex,
    rarity: block.rarity,
    quality: block.quality,
    float: block.paintwear,
    paintSeed: block.paintseed,
    statTrak: block.killeaterscoretype === undefined ? undefined : (block.killeatervalue ?? 0),
    nameTag: block.customname || undefined,
    stickers: stickers.map((s, i) => ({
      slot: s.slot ?? i,
      stickerId: s.stickerId ?? 0,
      name: names.stickers?.[i],
      wear: s.wear || undefined,
    })),
    charms: charms.map((c, i) => ({
      slot: c.slot ?? i,
      charmId: c.stickerId ?? 0,
      name: names.charms?.[i],
      pattern: c.pattern,
    })),
  };
}

/** An item's certificate decoded with its description's names; undefined without one. */
export function itemCertificate(item: InventoryItem): Cs2Certificate | undefined {
  if (!item.certificate) return undefined;
  return decodeCertificate(item.certificate, { stickers: item.stickerNames, charms: item.charmNames });
}
