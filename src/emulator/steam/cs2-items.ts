/**
 * @module emulator/steam/cs2-items
 * CS2's shared (non-weapon) items: stickers, containers, graffiti, agents, collectibles.
 * Shapes copied from seeds/000: stickers and cases are commodities sharing one description
 * per kind; the Veteran Coin has instanceid "0" and is neither tradable nor marketable.
 */
import { html, tag, type DescriptionLine, type StaticItem } from './catalog.js';
import { rarity } from './cs2-data.js';
import { SKINS } from './cs2-skins.js';
import { STICKERS, stickerItem } from './cs2-stickers.js';
import { BLANK, CS2_ICON_PREFIX, inspectActions, otherRarity, QUALITY_NORMAL, TRAILER } from './cs2-text.js';
import { digitsFrom, iconUrl } from './random.js';

interface CaseSpec {
  name: string;
  series: number;
  classid?: string;
  instanceid?: string;
  icon?: string;
  collection: [string, string];
  /** Skin names by rarity level; defaults to the Snakebite list from seeds/000. */
  contents?: [string, number][];
}

const SNAKEBITE_CONTENTS: [string, number][] = SKINS.filter((skin) => skin.collection === 'snakebite').map(
  (skin) => [`${skin.weapon} | ${skin.name}`, skin.rarity],
);

function container(spec: CaseSpec, weight: number): StaticItem {
  const contents = spec.contents ?? SNAKEBITE_CONTENTS;
  const lines: DescriptionLine[] = [BLANK, html(`Container Series #${spec.series}`, '99ccff'), BLANK];
  lines.push(html('Contains one of the following:'));
  for (const [item, level] of contents) lines.push(html(item, rarity(level).color));
  lines.push(html('or an Exceedingly Rare Special Item!', 'ffd700'), BLANK, TRAILER);
  return {
    weight,
    classid: spec.classid ?? digitsFrom(`730:case:${spec.name}`, 10),
    instanceid: spec.instanceid ?? '0',
    body: {
      currency: 0,
      background_color: '',
      icon_url:
        spec.icon ??
        iconUrl(`${CS2_ICON_PREFIX}U5A1PIYQNqhpOSV-fRPasw8rsUFJ5KBFZv668FFU4naLOJzgUuYqyzIaI`, spec.name, 60),
      descriptions: lines,
      tradable: 1,
      name: spec.name,
      name_color: 'D2D2D2',
      type: 'Base Grade Container',
      market_name: spec.name,
      market_hash_name: spec.name,
      commodity: 1,
      market_tradable_restriction: 7,
      marketable: 1,
      tags: [
        tag('Type', 'CSGO_Type_WeaponCase', 'Type', 'Container'),
        tag('ItemSet', spec.collection[0], 'Collection', spec.collection[1]),
        QUALITY_NORMAL,
        otherRarity(1),
      ],
      // seeds/000: cases carry a country restriction (loot boxes are not sold in France).
      market_buy_country_restriction: 'FR',
    },
  };
}

function simple(
  name: string,
  weight: number,
  typeTag: [string, string],
  level: number,
  typeLine: string,
  text: string,
  extra: {
    instanceid?: string;
    classid?: string;
    tradable?: number;
    inspect?: boolean;
    tags?: StaticItem['body']['tags'];
  } = {},
): StaticItem {
  const classid = extra.classid ?? digitsFrom(`730:item:${name}`, 10);
  const tradable = extra.tradable ?? 1;
  return {
    weight,
    classid,
    instanceid: extra.instanceid ?? '0',
    body: {
      currency: 0,
      background_color: '',
      icon_url: iconUrl(`${CS2_ICON_PREFIX}Q9Q1LO5kNoBhSQl-fEv2o1t3QXFR6a1xUsLzyLV8`, name, 70),
      descriptions: [html(text), BLANK, html('')],
      tradable,
      ...(extra.inspect ? { actions: inspectActions(classid, false) } : {}),
      name,
      name_color: 'D2D2D2',
      type: typeLine,
      market_name: name,
      market_hash_name: name,
      ...(extra.inspect ? { market_actions: inspectActions(classid, false, true) } : {}),
      commodity: tradable,
      market_tradable_restriction: 7,
      marketable: tradable,
      tags: [
        tag('Type', typeTag[0], 'Type', typeTag[1]),
        QUALITY_NORMAL,
        otherRarity(level),
        ...(extra.tags ?? []),
      ],
    },
  };
}

export const CS2_SHARED_ITEMS: readonly StaticItem[] = [
  ...STICKERS.map(stickerItem),
  container(
    {
      name: 'Snakebite Case',
      series: 315,
      classid: '4418618853',
      instanceid: '302028390',
      icon: `${CS2_ICON_PREFIX}U5A1PIYQNqhpOSV-fRPasw8rsUFJ5KBFZv668FFU4naLOJzgUuYqyzIaIxa6jMOLXxGkHvcMjibmU99Sg3Qaw-hA_ZWrzLISLMlhpgJJUhGE`,
      collection: ['set_community_28', 'The Snakebite Collection'],
    },
    10,
  ),
  container(
    {
      name: 'Fracture Case',
      series: 310,
      collection: ['set_community_27', 'The Fracture Collection'],
      contents: [['M4A1-S | Printstream', 6]],
    },
    6,
  ),
  container(
    {
      name: 'Recoil Case',
      series: 319,
      collection: ['set_community_31', 'The Recoil Collection'],
      contents: [['AWP | Chromatic Aberration', 6]],
    },
    8,
  ),
  container(
    {
      name: 'Kilowatt Case',
      series: 335,
      collection: ['set_community_33', 'The Kilowatt Collection'],
      contents: [['AK-47 | Inheritance', 6]],
    },
    8,
  ),
  simple(
    'Sealed Graffiti | Recoil AK-47 (Shark White)',
    6,
    ['CSGO_Type_Spray', 'Graffiti'],
    1,
    'Base Grade Graffiti',
    'Once applied, this graffiti can be sprayed 50 times.',
    {
      tags: [tag('SprayColorCategory', 'Tint19', 'Graffiti Color', 'Shark White')],
    },
  ),
  simple(
    'Sir Bloody Miami Darryl | The Professionals',
    3,
    ['Type_CustomPlayer', 'Agent'],
    6,
    'Master Agent',
    'A notorious gangster with a taste for expensive suits.',
    {
      inspect: true,
      tags: [tag('Team', 'Team_T', 'Team', 'Terrorist')],
    },
  ),
  simple(
    '5 Year Veteran Coin',
    1.5,
    ['CSGO_Type_Collectible', 'Collectible'],
    6,
    'Extraordinary Collectible',
    'Has been a member of the Counter-Strike community for over 5 years.',
    {
      classid: '778383679',
      tradable: 0,
      inspect: true,
    },
  ),
  simple(
    '2025 Service Medal',
    1.5,
    ['CSGO_Type_Collectible', 'Collectible'],
    3,
    'High Grade Collectible',
    'Awarded for earning enough XP in 2025.',
    {
      tradable: 0,
      inspect: true,
    },
  ),
];
