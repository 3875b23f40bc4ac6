/**
 * @module emulator/steam/cs2-skins
 * The weapon skins generated CS2 inventories draw from, cheap ones most often. Paint
 * indexes are plausible, not authoritative: certificates only need them to round-trip.
 */

export interface Skin {
  weapon: string;
  name: string;
  paintindex: number;
  rarity: number;
  collection?: string;
  minFloat: number;
  maxFloat: number;
  /** Relative frequency in generated inventories (cheap skins are common). */
  weight: number;
  flavor: string;
}

const s = (
  weapon: string,
  name: string,
  paintindex: number,
  rarityLevel: number,
  collection: string | undefined,
  minFloat: number,
  maxFloat: number,
  flavor: string,
): Skin => ({
  weapon,
  name,
  paintindex,
  rarity: rarityLevel,
  collection,
  minFloat,
  maxFloat,
  weight: [0, 20, 16, 12, 6, 2.5, 1][rarityLevel] ?? 1,
  flavor,
});

export const SKINS: readonly Skin[] = [
  s(
    'SG 553',
    'Heavy Metal',
    1054,
    3,
    'snakebite',
    0,
    1,
    'It has been painted with a heavy metal album cover.',
  ),
  s(
    'Glock-18',
    'Clear Polymer',
    1039,
    3,
    'snakebite',
    0,
    1,
    'The frame has been replaced with a clear polymer.',
  ),
  s('M249', 'O.S.I.P.R.', 1049, 3, 'snakebite', 0, 1, 'It has been custom painted with a stolen insignia.'),
  s('CZ75-Auto', 'Circaetus', 1044, 3, 'snakebite', 0, 1, 'Hand painted with the image of a snake eagle.'),
  s('UMP-45', 'Oscillator', 1047, 3, 'snakebite', 0, 1, 'A wave pattern has been applied in hydrographic.'),
  s('R8 Revolver', 'Junk Yard', 1051, 3, 'snakebite', 0, 1, 'Pieced together from scrap.'),
  s('Nova', 'Windblown', 1048, 3, 'snakebite', 0, 1, 'Custom painted with a windswept desert scene.'),
  s('P250', 'Cyber Shell', 1050, 4, 'snakebite', 0, 1, 'A protective cyber shell has been fitted.'),
  s('Negev', 'dev_texture', 1053, 4, 'snakebite', 0, 1, 'Someone forgot to finish the texture.'),
  s('MAC-10', 'Button Masher', 1046, 4, 'snakebite', 0, 1, 'Custom painted with arcade buttons.'),
  s('Desert Eagle', 'Trigger Discipline', 1045, 4, 'snakebite', 0, 1, 'Custom painted with a warning label.'),
  s('AK-47', 'Slate', 1035, 4, 'snakebite', 0, 0.5, 'It has been painted a flat slate gray.'),
  s('MP9', 'Food Chain', 1037, 5, 'snakebite', 0, 1, 'Custom painted with a food chain diagram.'),
  s('XM1014', 'XOXO', 1036, 5, 'snakebite', 0, 1, 'Hand painted with hugs and kisses.'),
  s(
    'Galil AR',
    'Chromatic Aberration',
    1038,
    5,
    'snakebite',
    0,
    1,
    'A chromatic aberration effect, painted on.',
  ),
  s('USP-S', 'The Traitor', 1040, 6, 'snakebite', 0, 1, 'Custom painted with a hooded traitor.'),
  s('M4A4', 'In Living Color', 1041, 6, 'snakebite', 0, 1, 'Custom painted in a riot of color.'),
  s(
    'AK-47',
    'Redline',
    282,
    5,
    'phoenix',
    0.1,
    0.7,
    'It has been painted using a carbon fiber hydrographic and a dry-transfer decal of a red pinstripe.',
  ),
  s('AWP', 'Asiimov', 279, 6, 'phoenix', 0.18, 1, 'It has been custom painted with a sci-fi design.'),
  s('AK-47', 'Asiimov', 801, 6, 'dangerzone', 0.05, 0.7, 'It has been custom painted with a sci-fi design.'),
  s(
    'M4A1-S',
    'Printstream',
    984,
    6,
    'fracture',
    0,
    1,
    'It has been custom painted with a pearlescent finish.',
  ),
  s(
    'AK-47',
    'Case Hardened',
    44,
    5,
    'armsdeal',
    0,
    1,
    'Color case hardened: the metal has been heated with charcoal.',
  ),
  s(
    'Karambit',
    'Doppler',
    418,
    6,
    undefined,
    0,
    0.08,
    'It has been painted with black and metallic paints using a marbleizing medium.',
  ),
  s(
    'Butterfly Knife',
    'Fade',
    38,
    6,
    undefined,
    0,
    0.08,
    'It has been painted by airbrushing transparent paints that fade together.',
  ),
];
