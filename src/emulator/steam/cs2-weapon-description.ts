/**
 * @module emulator/steam/cs2-weapon-description
 * The description of a CS2 weapon skin as Steam writes it since the 2025 asset-properties
 * update (float and pattern moved to `asset_properties`, so plain copies share one), and
 * the per-asset variant for weapons with stickers or a name tag.
 */
import type { RawDescription } from '../../steam/community/inventory/types.js';
import { html, tag, type DescriptionLine } from './catalog.js';
import { COLLECTIONS, rarity, WEAPONS, type Exterior, type WeaponClass } from './cs2-data.js';
import type { Skin } from './cs2-skins.js';
import type { StickerKit } from './cs2-stickers.js';
import { CS2_ICON_PREFIX, inspectActions, tradeHoldLines, tradeProtectedLines } from './cs2-text.js';
import { iconUrl } from './random.js';

const STATTRAK_COLOR = 'CF6A32';
const STAR_COLOR = '8650AC';

export interface Variant {
  skin: Skin;
  skinIndex: number;
  exterior: Exterior;
  stattrak: boolean;
  /** 0 = tradable now; n = on a trade hold for n more days; -n = trade-protected (context 16). */
  holdDays: number;
}

export function baseDescription(v: Variant, classid: string, instanceid: string): RawDescription {
  const weapon = WEAPONS[v.skin.weapon] as WeaponClass;
  const grade = rarity(v.skin.rarity);
  const knife = weapon.knife === true;
  const prefix = `${knife ? '★ ' : ''}${v.stattrak ? 'StatTrak™ ' : ''}`;
  const name = `${prefix}${v.skin.weapon} | ${v.skin.name}`;
  const collection = v.skin.collection ? COLLECTIONS[v.skin.collection] : undefined;
  const lines: DescriptionLine[] = [
    html(`Exterior: ${v.exterior.name}`, undefined, 'exterior_wear'),
    html(' ', undefined, 'blank'),
    html(`${v.skin.flavor}<br><br><i>${v.skin.weapon} | ${v.skin.name}</i>`, undefined, 'description'),
  ];
  if (v.stattrak) {
    lines.push(html(' ', undefined, 'blank'));
    lines.push(
      html(
        'This item features StatTrak™ technology, which tracks certain statistics when equipped by its owner.',
        '99ccff',
        'attribute',
      ),
    );
    lines.push(html('This item tracks Confirmed Kills.', '99ccff', 'attribute'));
  }
  if (collection) {
    lines.push(html(' ', undefined, 'blank'), html(collection.name, '9da1a9', 'itemset_name'));
  }
  const qualityTag = knife
    ? tag(
        'Quality',
        v.stattrak ? 'unusual_strange' : 'unusual',
        'Category',
        `★${v.stattrak ? ' StatTrak™' : ''}`,
        STAR_COLOR,
      )
    : v.stattrak
      ? tag('Quality', 'strange', 'Category', 'StatTrak™', STATTRAK_COLOR)
      : tag('Quality', 'normal', 'Category', 'Normal');
  const tradable = v.holdDays === 0 ? 1 : 0;
  const description: RawDescription = {
    appid: 730,
    classid,
    instanceid,
    currency: 0,
    background_color: '',
    icon_url: iconUrl(CS2_ICON_PREFIX, `weapon:${v.skinIndex}:${v.exterior.tag}`),
    descriptions: lines,
    tradable,
    actions: inspectActions(classid, v.skinIndex % 4 !== 0),
    name,
    name_color: knife ? STAR_COLOR : v.stattrak ? STATTRAK_COLOR : 'D2D2D2',
    type: `${prefix}${grade.weaponName} ${weapon.typeName}`,
    market_name: `${name} (${v.exterior.name})`,
    market_hash_name: `${name} (${v.exterior.name})`,
    market_actions: inspectActions(classid, false, true),
    commodity: 0,
    market_tradable_restriction: 7,
    marketable: tradable,
    tags: [
      tag('Type', weapon.typeTag, 'Type', weapon.typeName),
      tag('Weapon', weapon.internal, 'Weapon', v.skin.weapon),
      ...(collection ? [tag('ItemSet', collection.tag, 'Collection', collection.name)] : []),
      qualityTag,
      tag('Rarity', grade.weaponTag, 'Quality', grade.weaponName, grade.color),
      tag('Exterior', v.exterior.tag, 'Exterior', v.exterior.name),
    ],
  };
  if (v.holdDays > 0) description.owner_descriptions = tradeHoldLines(v.holdDays);
  if (v.holdDays < 0) description.owner_descriptions = tradeProtectedLines(-v.holdDays);
  return description;
}

export function customize(
  base: RawDescription,
  instanceid: string,
  stickers: readonly StickerKit[],
  nameTag: string | undefined,
  charm?: { id: number; name: string },
): RawDescription {
  const images = stickers
    .map(
      (kit) =>
        `<img width=64 height=48 src="https://cdn.steamstatic.com/apps/730/icons/econ/stickers/${kit.id}.png" title="Sticker: ${kit.name}">`,
    )
    .join('');
  const names = stickers.map((kit) => kit.name).join(', ');
  const lines = [...(base.descriptions ?? [])];
  lines.push(
    html(' ', undefined, 'blank'),
    html(
      `<br><div id="sticker_info" class="sticker_info" style="border: 2px solid rgb(102, 102, 102); border-radius: 6px; width=100; margin:4px; padding:8px;"><center>${images}<br>Sticker: ${names}</center></div>`,
      undefined,
      'sticker_info',
    ),
  );
  if (charm) {
    lines.push(
      html(
        `<br><div id="keychain_info" class="keychain_info" style="border: 2px solid rgb(102, 102, 102); border-radius: 6px; width=100; margin:4px; padding:8px;"><center><img width=64 height=48 src="https://cdn.steamstatic.com/apps/730/icons/econ/keychains/${charm.id}.png" title="Charm: ${charm.name}"><br>Charm: ${charm.name}</center></div>`,
        undefined,
        'keychain_info',
      ),
    );
  }
  const custom: RawDescription = { ...base, instanceid, descriptions: lines };
  if (nameTag !== undefined) {
    lines.unshift(html(`Name Tag: ''${nameTag}''`, undefined, 'nametag'));
    custom.fraudwarnings = [`Name Tag: ''${nameTag}''`];
  }
  return custom;
}
