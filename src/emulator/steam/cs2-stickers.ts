/**
 * @module emulator/steam/cs2-stickers
 * CS2 sticker kits and their shared descriptions. The first four are seeds/000's stickers,
 * classids and icons included; kit ids also go into weapon certificates.
 */
import { html, tag, type DescriptionLine, type StaticItem } from './catalog.js';
import { rarity } from './cs2-data.js';
import { BLANK, CS2_ICON_PREFIX, inspectActions, otherRarity, QUALITY_NORMAL, TRAILER } from './cs2-text.js';
import { digitsFrom, iconUrl } from './random.js';

export interface StickerKit {
  id: number;
  name: string;
  classid?: string;
  icon?: string;
  rarity: number;
  category: [internal: string, name: string];
  tournament?: [internal: string, name: string];
  team?: [internal: string, name: string];
  capsules: [internal: string, name: string][];
}

const PARIS: [string, string] = ['Tournament21', 'BLAST.tv Paris 2023'];
const CONTENDERS: [string, string] = [
  'crate_sticker_pack_paris2023_contenders_collection',
  'Paris 2023 Contenders Stickers',
];
const LEGENDS: [string, string] = [
  'crate_sticker_pack_paris2023_legends_collection',
  'Paris 2023 Legends Stickers',
];
const CHALLENGERS: [string, string] = [
  'crate_sticker_pack_paris2023_challengers_collection',
  'Paris 2023 Challengers Stickers',
];
const TEAM_LOGO: [string, string] = ['TeamLogo', 'Team Logo'];
const ICON = '-9a81dlWLwJ2UUGcVs_nsVtzdOEdtWwKGZZLQHTxDZ7I56KU0Zwwo4NUX4oFJZEHLbXQ9QVcJY8gulRNTV7ZVLb9hZyc';

export const STICKERS: readonly StickerKit[] = [
  {
    id: 6001,
    name: 'BLAST.tv | Paris 2023',
    classid: '5327976200',
    icon: `${ICON}UVFnMUpSsun2Klc10abLdDwSvd7vxITYlvOharqGxzpUucF13b_Drduk3gbm5QMyNG0V0NFJ`,
    rarity: 3,
    category: ['Tournament', 'Tournament'],
    tournament: PARIS,
    capsules: [LEGENDS, CHALLENGERS, CONTENDERS],
  },
  {
    id: 6002,
    name: 'Fluxo | Paris 2023',
    classid: '5327976193',
    icon: `${ICON}VVFhPUpTsrjzLlYxhaPJcjxDuIrnlYONlaOgYemGzjgHuMMp37iYrNv23FDk5QMyNH57j-i5`,
    rarity: 3,
    category: TEAM_LOGO,
    tournament: PARIS,
    team: ['Team121', 'Fluxo'],
    capsules: [CONTENDERS],
  },
  {
    id: 6003,
    name: 'FaZe Clan | Paris 2023',
    classid: '5327976208',
    icon: `${ICON}VVxuIEoCtO6mcwIygaXKdW0SvdqykNCPlKChauODxT4J65Qg0rDArdil0QC35QMyNMySzZf0`,
    rarity: 3,
    category: TEAM_LOGO,
    tournament: PARIS,
    team: ['Team61', 'FaZe Clan'],
    capsules: [CONTENDERS],
  },
  {
    id: 6004,
    name: 'Grayhound Gaming | Paris 2023',
    classid: '5327976116',
    icon: `${ICON}VE91PEpRsuKnKlVhi6ueIGQQ7Y_mxNHalPOhNeKElDsI6cQki7-Zpt70jQOw5QMyNEthurEV`,
    rarity: 3,
    category: TEAM_LOGO,
    tournament: PARIS,
    team: ['Team86', 'Grayhound Gaming'],
    capsules: [CONTENDERS],
  },
  {
    id: 6010,
    name: 'Natus Vincere (Holo) | Paris 2023',
    rarity: 4,
    category: TEAM_LOGO,
    tournament: PARIS,
    team: ['Team12', 'Natus Vincere'],
    capsules: [LEGENDS],
  },
  {
    id: 6011,
    name: 'Vitality (Gold) | Paris 2023',
    rarity: 5,
    category: TEAM_LOGO,
    tournament: PARIS,
    team: ['Team89', 'Vitality'],
    capsules: [CHALLENGERS],
  },
  {
    id: 6020,
    name: 'ZywOo | Paris 2023',
    rarity: 3,
    category: ['PlayerSignature', 'Player Autograph'],
    tournament: PARIS,
    team: ['Team89', 'Vitality'],
    capsules: [
      ['crate_signature_pack_paris2023_group_players_collection', 'Paris 2023 Champions Autographs'],
    ],
  },
  {
    id: 76,
    name: 'Crown (Foil)',
    rarity: 5,
    category: ['Foil', 'Foil'],
    capsules: [['crate_sticker_pack01', 'Sticker Capsule']],
  },
];

export function stickerItem(kit: StickerKit): StaticItem {
  const classid = kit.classid ?? digitsFrom(`730:sticker:${kit.id}`, 10);
  const lines: DescriptionLine[] = [];
  if (kit.tournament)
    lines.push(html(`This item commemorates the ${kit.tournament[1]} CS:GO Championship.`, 'ffd700'), BLANK);
  lines.push(
    html(
      'This sticker can be applied to any weapon you own and can be scraped to look more worn. You can scrape the same sticker multiple times, making it a bit more worn each time, until it is removed from the weapon.',
    ),
    BLANK,
    TRAILER,
  );
  const name = `Sticker | ${kit.name}`;
  const tags = [tag('Type', 'CSGO_Tool_Sticker', 'Type', 'Sticker'), QUALITY_NORMAL, otherRarity(kit.rarity)];
  tags.push(tag('StickerCategory', kit.category[0], 'Sticker Type', kit.category[1]));
  if (kit.tournament) tags.push(tag('Tournament', kit.tournament[0], 'Tournament', kit.tournament[1]));
  if (kit.team) tags.push(tag('TournamentTeam', kit.team[0], 'Team', kit.team[1]));
  for (const [internal, label] of kit.capsules)
    tags.push(tag('StickerCapsule', internal, 'Sticker Collection', label));
  return {
    weight: kit.rarity === 3 ? 6 : 2,
    classid,
    instanceid: '188530139',
    body: {
      currency: 0,
      background_color: '',
      icon_url: kit.icon ?? iconUrl(`${CS2_ICON_PREFIX}Q9QVcJY8gulRNTV7ZVLb9hZyc`, name, 72),
      descriptions: lines,
      tradable: 1,
      actions: inspectActions(classid, false),
      name,
      name_color: 'D2D2D2',
      type: `${rarity(kit.rarity).otherName} Sticker`,
      market_name: name,
      market_hash_name: name,
      market_actions: inspectActions(classid, false, true),
      commodity: 1,
      market_tradable_restriction: 7,
      marketable: 1,
      tags,
    },
  };
}
