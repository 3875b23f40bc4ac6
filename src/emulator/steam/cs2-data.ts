/**
 * @module emulator/steam/cs2-data
 * CS2's tag vocabulary for the emulator (seeds/000): rarities, exteriors, weapon classes
 * and collections. Definition indexes are CS2's; the catalog files build on these.
 */

export interface Rarity {
  /** Number stored in certificates (1 Consumer … 6 Covert). */
  level: number;
  weaponTag: string;
  otherTag: string;
  weaponName: string;
  otherName: string;
  color: string;
}

const row = (
  level: number,
  weaponTag: string,
  otherTag: string,
  weaponName: string,
  otherName: string,
  color: string,
): Rarity => ({ level, weaponTag, otherTag, weaponName, otherName, color });

/** Weapons and other items name the same grades differently ("Mil-Spec Grade" / "High Grade"). */
export const RARITIES: readonly Rarity[] = [
  row(0, 'Rarity_Default', 'Rarity_Default', 'Stock', 'Stock', '6a6156'),
  row(1, 'Rarity_Common_Weapon', 'Rarity_Common', 'Consumer Grade', 'Base Grade', 'b0c3d9'),
  row(2, 'Rarity_Uncommon_Weapon', 'Rarity_Uncommon', 'Industrial Grade', 'Medium Grade', '5e98d9'),
  row(3, 'Rarity_Rare_Weapon', 'Rarity_Rare', 'Mil-Spec Grade', 'High Grade', '4b69ff'),
  row(4, 'Rarity_Mythical_Weapon', 'Rarity_Mythical', 'Restricted', 'Remarkable', '8847ff'),
  row(5, 'Rarity_Legendary_Weapon', 'Rarity_Legendary', 'Classified', 'Exotic', 'd32ce6'),
  row(6, 'Rarity_Ancient_Weapon', 'Rarity_Ancient', 'Covert', 'Extraordinary', 'eb4b4b'),
];

export function rarity(level: number): Rarity {
  return RARITIES[level] as Rarity;
}

export interface Exterior {
  tag: string;
  name: string;
  min: number;
  max: number;
}

export const EXTERIORS: readonly Exterior[] = [
  { tag: 'WearCategory0', name: 'Factory New', min: 0, max: 0.07 },
  { tag: 'WearCategory1', name: 'Minimal Wear', min: 0.07, max: 0.15 },
  { tag: 'WearCategory2', name: 'Field-Tested', min: 0.15, max: 0.38 },
  { tag: 'WearCategory3', name: 'Well-Worn', min: 0.38, max: 0.45 },
  { tag: 'WearCategory4', name: 'Battle-Scarred', min: 0.45, max: 1 },
];

export interface WeaponClass {
  internal: string;
  defindex: number;
  typeTag: string;
  typeName: string;
  knife?: boolean;
}

const w = (internal: string, defindex: number, typeTag: string, typeName: string): WeaponClass => ({
  internal,
  defindex,
  typeTag,
  typeName,
});

export const WEAPONS: Record<string, WeaponClass> = {
  'Desert Eagle': w('weapon_deagle', 1, 'CSGO_Type_Pistol', 'Pistol'),
  'Glock-18': w('weapon_glock', 4, 'CSGO_Type_Pistol', 'Pistol'),
  'AK-47': w('weapon_ak47', 7, 'CSGO_Type_Rifle', 'Rifle'),
  AWP: w('weapon_awp', 9, 'CSGO_Type_SniperRifle', 'Sniper Rifle'),
  'Galil AR': w('weapon_galilar', 13, 'CSGO_Type_Rifle', 'Rifle'),
  M249: w('weapon_m249', 14, 'CSGO_Type_Machinegun', 'Machinegun'),
  M4A4: w('weapon_m4a1', 16, 'CSGO_Type_Rifle', 'Rifle'),
  'MAC-10': w('weapon_mac10', 17, 'CSGO_Type_SMG', 'SMG'),
  'UMP-45': w('weapon_ump45', 24, 'CSGO_Type_SMG', 'SMG'),
  XM1014: w('weapon_xm1014', 25, 'CSGO_Type_Shotgun', 'Shotgun'),
  Negev: w('weapon_negev', 28, 'CSGO_Type_Machinegun', 'Machinegun'),
  MP9: w('weapon_mp9', 34, 'CSGO_Type_SMG', 'SMG'),
  Nova: w('weapon_nova', 35, 'CSGO_Type_Shotgun', 'Shotgun'),
  P250: w('weapon_p250', 36, 'CSGO_Type_Pistol', 'Pistol'),
  'SG 553': w('weapon_sg556', 39, 'CSGO_Type_Rifle', 'Rifle'),
  'M4A1-S': w('weapon_m4a1_silencer', 60, 'CSGO_Type_Rifle', 'Rifle'),
  'USP-S': w('weapon_usp_silencer', 61, 'CSGO_Type_Pistol', 'Pistol'),
  'CZ75-Auto': w('weapon_cz75a', 63, 'CSGO_Type_Pistol', 'Pistol'),
  'R8 Revolver': w('weapon_revolver', 64, 'CSGO_Type_Pistol', 'Pistol'),
  Karambit: { ...w('weapon_knife_karambit', 507, 'CSGO_Type_Knife', 'Knife'), knife: true },
  'Butterfly Knife': { ...w('weapon_knife_butterfly', 515, 'CSGO_Type_Knife', 'Knife'), knife: true },
};

export interface Collection {
  tag: string;
  name: string;
}

export const COLLECTIONS: Record<string, Collection> = {
  snakebite: { tag: 'set_community_28', name: 'The Snakebite Collection' },
  phoenix: { tag: 'set_community_2', name: 'The Phoenix Collection' },
  fracture: { tag: 'set_community_27', name: 'The Fracture Collection' },
  dangerzone: { tag: 'set_community_21', name: 'The Danger Zone Collection' },
  armsdeal: { tag: 'set_weapons_i', name: 'The Arms Deal Collection' },
};
