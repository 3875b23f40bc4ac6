/**
 * @module emulator/steam/cs2-text
 * Strings and tags CS2 descriptions share: inspect links in both templates, icon prefixes,
 * rarity and quality tags, and the owner-only lines for trade holds and trade protection. Dates count from a fixed day so
 * the same request always gets the same bytes.
 */
import type { RawAction, RawDescription } from '../../steam/community/inventory/types.js';
import { html, tag } from './catalog.js';
import { rarity } from './cs2-data.js';
import { digitsFrom } from './random.js';

/** Every CS2 icon in seeds/000 starts like this. */
export const CS2_ICON_PREFIX = '-9a81dlWLwJ2UUGcVs_nsVtzdOEdtWwKGZZLQHTxDZ7I56KU0Zwwo4NUX4oFJZEHLbX';

const RUNGAME = 'steam://rungame/730/76561202255233023/+csgo_econ_action_preview%20';
/** UPSTREAM.md: the newer self-encoding template, filled from asset property 6. */
const SELF_ENCODING = 'steam://run/730//+csgo_econ_action_preview%20%propid:6%';

/**
 * UPSTREAM.md: both inspect templates are live. Market actions keep `%listingid%`
 * (seeds/000), which a client must leave alone outside the market.
 */
export function inspectActions(classid: string, selfEncoding: boolean, market = false): RawAction[] {
  const digits = digitsFrom(`D:${classid}`, 19);
  const link = selfEncoding
    ? SELF_ENCODING
    : market
      ? `${RUNGAME}M%listingid%A%assetid%D${digits}`
      : `${RUNGAME}S%owner_steamid%A%assetid%D${digits}`;
  return [{ link, name: 'Inspect in Game...' }];
}

/** Fixed "today" for generated dates (determinism beats realism here). */
const REFERENCE_DAY = Date.UTC(2026, 0, 15, 8, 0, 0);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function steamDate(daysAhead: number): string {
  const date = new Date(REFERENCE_DAY + daysAhead * 86_400_000);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} (${date.getUTCHours()}:00:00) GMT`;
}

type Lines = NonNullable<RawDescription['owner_descriptions']>;

/** Market purchases: untradable for up to 7 days, told only to the owner. */
export function tradeHoldLines(days: number): Lines {
  return [html(' '), html(`Tradable/Marketable After ${steamDate(days)}`, 'ff4040')];
}

/**
 * UPSTREAM.md (2025-07 trade protection): items received in a trade wait in context 16.
 * The wording is an approximation of Steam's.
 */
export function tradeProtectedLines(days: number): Lines {
  return [
    html(' '),
    html(`⇆ Trade Protected: this item cannot be traded or sold until ${steamDate(days)}`, 'ff4040'),
  ];
}

export const QUALITY_NORMAL = tag('Quality', 'normal', 'Category', 'Normal');
export const BLANK = html(' ');
/** The empty green line that closes CS2 description lists (seeds/000). */
export const TRAILER = html('', '00a000');

/** The rarity tag of a non-weapon item ("High Grade", not "Mil-Spec Grade"). */
export function otherRarity(level: number) {
  const grade = rarity(level);
  return tag('Rarity', grade.otherTag, 'Quality', grade.otherName, grade.color);
}
