/**
 * @module emulator/steam/cs2-weapons
 * CS2 weapon skins: one description per skin+exterior+StatTrak (plus trade-hold and
 * trade-protection variants), a unique one for customized weapons (stickers, name tags),
 * and per-asset `asset_properties` (pattern, float, certificate) as Steam sends since ~2025-09.
 */
import type { RawAssetProperty, RawDescription } from '../../steam/community/inventory/types.js';
import type { DrawInput, DrawnItem } from './catalog.js';
import { encodeCertificate, type CertificateFields } from './certificate.js';
import { EXTERIORS, WEAPONS, type Exterior, type WeaponClass } from './cs2-data.js';
import { SKINS, type Skin } from './cs2-skins.js';
import { STICKERS, type StickerKit } from './cs2-stickers.js';
import { baseDescription, customize, type Variant } from './cs2-weapon-description.js';
import { digitsFrom, hash32, pick, type Rng } from './random.js';

const sharedDescribers = new Map<string, () => RawDescription>();

/** Per-skin tables computed once: cumulative weights, possible exteriors, classids. */
const SKIN_TOTAL_WEIGHT = SKINS.reduce((sum, skin) => sum + skin.weight, 0);
const SKIN_TABLE = SKINS.map((skin, skinIndex) => {
  const exteriors = EXTERIORS.filter((e) => e.max > skin.minFloat && e.min < skin.maxFloat);
  const weapon = WEAPONS[skin.weapon] as WeaponClass;
  return {
    skin,
    weapon,
    exteriors,
    // classid identifies the item class: skin + exterior + StatTrak.
    classids: exteriors.map((e) =>
      [false, true].map((st) => digitsFrom(`730:weapon:${skinIndex}:${e.tag}:${st}`, 10)),
    ),
  };
});
const HOLD_INSTANCES = Array.from({ length: 8 }, (_, days) => digitsFrom(`hold:${days}`, 9));
const PROTECTED_INSTANCES = Array.from({ length: 8 }, (_, days) =>
  digitsFrom(`protected-weapon:${days}`, 10),
);

function drawSkinIndex(rng: Rng): number {
  let roll = rng() * SKIN_TOTAL_WEIGHT;
  for (let i = 0; i < SKINS.length; i++) {
    roll -= (SKINS[i] as Skin).weight;
    if (roll < 0) return i;
  }
  return SKINS.length - 1;
}

export function drawWeapon(input: DrawInput, tradeProtected: boolean): DrawnItem {
  const { rng } = input;
  const skinIndex = drawSkinIndex(rng);
  const { skin, weapon, exteriors, classids } = SKIN_TABLE[skinIndex] as (typeof SKIN_TABLE)[number];
  const exteriorIndex = Math.floor(rng() * exteriors.length);
  const exterior = exteriors[exteriorIndex] as Exterior;
  const lo = Math.max(exterior.min, skin.minFloat);
  const hi = Math.min(exterior.max, skin.maxFloat);
  // Steam stores the wear as a float32; the string form is what asset_properties carry.
  const wear = Math.fround(lo + rng() * (hi - lo) * 0.999);
  const stattrak = rng() < 0.1;
  const paintseed = Math.floor(rng() * 1001);
  const holdRoll = rng();
  const holdDays = tradeProtected
    ? -(1 + Math.floor(holdRoll * 7))
    : holdRoll < 0.08
      ? 1 + Math.floor(holdRoll * 87)
      : 0;
  const customized = rng() < 0.18;
  const classid = (classids[exteriorIndex] as string[])[stattrak ? 1 : 0] as string;
  const stickers = customized ? drawStickers(rng) : undefined;
  const nameTag = customized && rng() < 0.3 ? pick(rng, NAME_TAGS) : undefined;
  // Drawn from the asset number, not the generator, so earlier draws keep their sequence.
  const charmRoll = hash32(`charm:${input.assetNumber}`);
  const charm = customized && charmRoll % 10 < 3 ? CHARMS[(charmRoll >>> 4) % CHARMS.length] : undefined;
  const cert = {
    itemid: input.assetNumber,
    defindex: weapon.defindex,
    paintindex: skin.paintindex,
    rarity: skin.rarity,
    quality: weapon.knife ? 3 : stattrak ? 9 : 4,
    paintwear: wear,
    paintseed,
    killeatervalue: stattrak ? Math.floor(rng() * 5000) : undefined,
    customname: nameTag,
    stickers: stickers?.map((kit, slot) => ({ slot, stickerId: kit.id })),
    keychains: charm ? [{ slot: 0, charmId: charm.id, pattern: (charmRoll >>> 8) % 100_000 }] : undefined,
    inventory: 3221225475 + Math.floor(rng() * 1000),
    origin: 8,
    maskKey: 1 + Math.floor(rng() * 255),
  };
  const flags = Math.floor(rng() * 80);

  const variant: Variant = { skin, skinIndex, exterior, stattrak, holdDays };
  const sharedInstance =
    holdDays > 0
      ? (HOLD_INSTANCES[holdDays] as string)
      : holdDays < 0
        ? (PROTECTED_INSTANCES[-holdDays] as string)
        : classid.endsWith('0')
          ? '0'
          : '188530139';
  const key = `${classid}_${sharedInstance}`;
  const shared =
    sharedDescribers.get(key) ?? memo(key, () => baseDescription(variant, classid, sharedInstance));
  let instanceid = sharedInstance;
  let describe = shared;
  if (customized) {
    // Stickers and name tags live in the description: one per asset.
    // Derived from the asset id so that no two customized assets share one (ids stay < 4e10).
    instanceid = String(40_000_000_000 - input.assetNumber);
    describe = () => customize(shared(), instanceid, stickers ?? [], nameTag, charm);
  }
  return { classid, instanceid, amount: '1', describe, properties: () => properties(cert, flags) };
}

/**
 * One description per weapon skin class (skin, exterior, StatTrak), as a tradable copy has it:
 * what the market lists. Trade-held, protected and customized copies share these names.
 */
export function weaponMarketDescriptions(): RawDescription[] {
  return SKIN_TABLE.flatMap(({ skin }, skinIndex) => {
    const { exteriors, classids } = SKIN_TABLE[skinIndex] as (typeof SKIN_TABLE)[number];
    return exteriors.flatMap((exterior, e) =>
      [false, true].map((stattrak) => {
        const classid = (classids[e] as string[])[stattrak ? 1 : 0] as string;
        return baseDescription({ skin, skinIndex, exterior, stattrak, holdDays: 0 }, classid, '0');
      }),
    );
  });
}

function memo(key: string, build: () => RawDescription): () => RawDescription {
  let built: RawDescription | undefined;
  const describer = () => (built ??= build());
  sharedDescribers.set(key, describer);
  return describer;
}

/**
 * UPSTREAM.md: ids 1, 2 and 6 are known; numbers may come as strings; unknown ids appear.
 * `flags` (0..79) decides the presentation: numbers vs strings, an unknown property 7.
 */
function properties(cert: CertificateFields, flags: number): RawAssetProperty[] {
  const asStrings = flags % 4 !== 0;
  const certificate = encodeCertificate(cert);
  const list: RawAssetProperty[] = [
    {
      propertyid: 1,
      int_value: asStrings ? String(cert.paintseed) : cert.paintseed,
      name: 'Pattern Template',
    },
    { propertyid: 2, float_value: asStrings ? String(cert.paintwear) : cert.paintwear, name: 'Wear Rating' },
    { propertyid: 6, string_value: certificate, name: 'Item Certificate' },
  ];
  if (flags < 4) list.push({ propertyid: 7, string_value: digitsFrom(certificate, 12) });
  return list;
}

function drawStickers(rng: Rng): StickerKit[] {
  const count = 1 + Math.floor(rng() * 4);
  return Array.from({ length: count }, () => pick(rng, STICKERS));
}

/** A few of CS2's charms (keychain definitions): id and name. */
const CHARMS = [
  { id: 1, name: "Lil' Ava" },
  { id: 3, name: 'Hot Wurst' },
  { id: 6, name: "Lil' Squirt" },
  { id: 11, name: 'Baby Karat CT' },
  { id: 19, name: 'Die-cast AK' },
];

const NAME_TAGS = ['Old Faithful', 'pew pew', 'Banana Split', 'do not trade', 'Ünïcödé ☆'];
