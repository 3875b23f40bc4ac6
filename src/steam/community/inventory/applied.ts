/**
 * @module steam/community/inventory/applied
 * The names of what is applied to a CS2 item — stickers (patches on agents) and charms — as
 * its description lists them: a `sticker_info` (or `keychain_info`) line of HTML with one
 * `<img ... title="Sticker: NAME">` per applied item, in slot order, then "Sticker: A, B".
 * The certificate (certificate.ts) has the ids, slots and wear, not the names: together they
 * describe an item without any other lookup.
 */
import type { RawDescription } from './types.js';

export interface AppliedNames {
  stickers: string[] | undefined;
  charms: string[] | undefined;
}

const TITLE = /title="(Sticker|Patch|Charm): ([^"]*)"/g;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" };

export function appliedNames(description: RawDescription | undefined): AppliedNames {
  let stickers: string[] | undefined;
  let charms: string[] | undefined;
  for (const line of description?.descriptions ?? []) {
    if (line.name !== 'sticker_info' && line.name !== 'keychain_info') continue;
    const titled = [...line.value.matchAll(TITLE)];
    const names = titled.length > 0 ? titled.map((m) => unescape(m[2] ?? '')) : listedNames(line.value);
    const kind = titled[0]?.[1] ?? (line.name === 'keychain_info' ? 'Charm' : 'Sticker');
    if (kind === 'Charm') charms = [...(charms ?? []), ...names];
    else stickers = [...(stickers ?? []), ...names];
  }
  return { stickers, charms };
}

/** Without titles: the text after the last "Sticker: " / "Charm: ", split at ", ". */
function listedNames(html: string): string[] {
  const text = html.replace(/<[^>]*>/g, '\n');
  const match = /(?:Sticker|Patch|Charm): ([^\n]+)/.exec(text.split('\n').reverse().join('\n'));
  return match ? match[1]!.split(', ').map((name) => unescape(name.trim())) : [];
}

function unescape(text: string): string {
  return text.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}
