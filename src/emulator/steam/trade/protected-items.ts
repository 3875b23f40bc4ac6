/**
 * @module emulator/steam/trade/protected-items
 * How a received CS2 item looks while it waits in context 16 (UPSTREAM.md, trade protection
 * 2025-07): its own instanceid, neither tradable nor marketable, with the owner-only notice,
 * like the generator's context-16 items. Each copy is made once per original description.
 */
import type { RawDescription } from '../../../steam/community/inventory/types.js';
import { tradeProtectedLines } from '../cs2-text.js';
import { digitsFrom } from '../random.js';

const copies = new WeakMap<RawDescription, RawDescription>();

/** Steam shows the protection as lasting about a week from the trade. */
const SHOWN_DAYS = 7;

export function protectedCopy(description: RawDescription): RawDescription {
  let copy = copies.get(description);
  if (!copy) {
    copy = {
      ...description,
      instanceid: digitsFrom(`traded-protected:${description.classid}_${description.instanceid ?? '0'}`, 10),
      tradable: 0,
      marketable: 0,
      owner_descriptions: tradeProtectedLines(SHOWN_DAYS),
    };
    copies.set(description, copy);
  }
  return copy;
}
