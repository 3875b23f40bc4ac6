/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/steam-item
 * What the item dialog shows for a Steam item: the large image, rarity and exterior, the
 * float bar and paint seed, the price and its age, the inspect link and every tag; then,
 * from the gateway's item route, what the CS2 certificate holds (stickers, charms, name tag,
 * StatTrak count), decoded server-side.
 */
import { apiGet, ViewerError } from './api.js';
import { el, icon, steamColor } from './dom.js';
import { floatBar } from './float-bar.js';
import { age, count, float as formatFloat, money } from './format.js';
import type { Entry } from './items.js';

const INSPECT = /^steam:\/\/[^\s"<>]+$/;

interface Certificate {
  paintSeed?: number;
  statTrak?: number;
  nameTag?: string;
  stickers: { slot: number; stickerId: number; name?: string; wear?: number }[];
  charms: { slot: number; charmId: number; name?: string; pattern?: number }[];
}

export interface ItemContext {
  /** The SteamID64 the lookup resolved to, and the app and context. */
  steamid: string;
  app: string;
  context: string;
}

function fact(term: string, ...value: (Node | string)[]): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

/** The dialog's price line, filled again when prices arrive after it opened. */
export const PRICE_ID = 'dialog-price';

export function steamItemDetails(entry: Entry, context: ItemContext): HTMLElement {
  const { item, price } = entry;
  const facts = el('dl', { class: 'facts' });
  const rarityColor = steamColor(item.rarityColor);
  if (item.rarity) {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    if (rarityColor) swatch.style.background = rarityColor;
    facts.append(...fact('Rarity', swatch, item.rarity));
  }
  if (item.exterior) facts.append(...fact('Exterior', item.exterior));
  facts.append(...fact('Type', item.type || '—'));
  if (item.amount > 1) facts.append(...fact('Quantity', count(item.amount)));
  if (typeof item.float === 'number') facts.append(...fact('Float', formatFloat(item.float)));
  if (typeof item.paintSeed === 'number') facts.append(...fact('Paint seed', String(item.paintSeed)));
  const [priceTerm, priceValue] = fact('Price', priceText(entry));
  priceValue!.id = PRICE_ID;
  facts.append(priceTerm!, priceValue!);
  if (price && item.amount > 1)
    facts.append(...fact('Line total', money(price.unit.amount * item.amount, price.unit.currency)));
  facts.append(
    ...fact('Trade', item.tradable ? 'Tradable' : 'Not tradable now'),
    ...fact('Market', item.marketable ? 'Marketable' : 'Not marketable'),
    ...fact('Asset id', item.assetid),
  );
  const body = el('div', { class: 'item-details' });
  const picture = el(
    'div',
    { class: 'picture' },
    icon(item.iconUrlLarge ?? item.iconUrl, '360fx270f', 360, 270),
  );
  if (rarityColor) picture.style.setProperty('--rarity', rarityColor);
  body.append(picture, facts);
  if (typeof item.float === 'number') body.append(el('h3', {}, 'Wear'), floatBar(item.float));
  const applied = el('section', { class: 'applied', 'aria-label': 'Stickers, charms and name tag' });
  if (item.certificate) {
    applied.append(el('p', { class: 'muted' }, 'Reading the certificate…'));
    body.append(applied);
    void loadCertificate(entry, context, applied);
  }
  if (typeof item.inspectLink === 'string' && INSPECT.test(item.inspectLink)) {
    body.append(el('p', {}, el('a', { href: item.inspectLink, class: 'inspect' }, 'Inspect in game')));
  }
  const tags = Object.entries(item.tags);
  if (tags.length > 0) {
    body.append(
      el('h3', {}, 'Tags'),
      el(
        'table',
        { class: 'tags' },
        el(
          'tbody',
          {},
          ...tags.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))),
        ),
      ),
    );
  }
  return body;
}

export function priceText(entry: Entry): string {
  const { price } = entry;
  if (price === undefined) return 'Prices are loading…';
  if (price === null) return 'No price (not listed on the market)';
  const source = price.source === 'skinport' ? 'Skinport' : 'the Steam market';
  return `${price.unit.text} each, from ${source}, ${age(price.observedAt)}${price.stale ? ' (stale: the source could not be reached)' : ''}`;
}

async function loadCertificate(entry: Entry, context: ItemContext, box: HTMLElement): Promise<void> {
  const path = `/v1/steam/inventory/${context.steamid}/${context.app}/${context.context}/items/${entry.item.assetid}`;
  try {
    const { body } = await apiGet<{ certificate: Certificate | null }>(path, 'item');
    box.replaceChildren(...certificateParts(body.certificate));
  } catch (error) {
    const message = error instanceof ViewerError ? error.message : 'The certificate could not be read.';
    box.replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
  }
}

function certificateParts(certificate: Certificate | null): HTMLElement[] {
  if (!certificate) return [el('p', { class: 'muted' }, 'No certificate for this item.')];
  const parts: HTMLElement[] = [];
  if (certificate.nameTag)
    parts.push(el('p', {}, 'Name tag: ', el('q', { class: 'nametag' }, certificate.nameTag)));
  if (certificate.statTrak !== undefined)
    parts.push(el('p', {}, `StatTrak™ confirmed kills: ${count(certificate.statTrak)}`));
  parts.push(
    el('h3', {}, certificate.stickers.length ? `Stickers (${certificate.stickers.length})` : 'No stickers'),
  );
  if (certificate.stickers.length) {
    parts.push(
      el(
        'ul',
        { class: 'stickers' },
        ...certificate.stickers.map((s) =>
          el(
            'li',
            {},
            `Slot ${s.slot + 1}: ${s.name ?? `sticker #${s.stickerId}`}`,
            s.wear ? el('span', { class: 'muted' }, ` (scraped ${Math.round(s.wear * 100)}%)`) : null,
          ),
        ),
      ),
    );
  }
  if (certificate.charms.length) {
    parts.push(
      el('h3', {}, 'Charm'),
      el(
        'ul',
        { class: 'charms' },
        ...certificate.charms.map((c) =>
          el(
            'li',
            {},
            `${c.name ?? `charm #${c.charmId}`}${c.pattern === undefined ? '' : `, pattern ${c.pattern}`}`,
          ),
        ),
      ),
    );
  }
  return parts;
}
