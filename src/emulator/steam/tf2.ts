/**
 * @module emulator/steam/tf2
 * Team Fortress 2 (app 440, context 2): keys, metal, hats, strange and unusual items.
 */
import { staticDraw, tag, type AppCatalog } from './catalog.js';
import { gameItems } from './game-items.js';

const tf2Quality = (internal: string, name: string, color: string) =>
  tag('Quality', internal, 'Quality', name, color);
const UNIQUE = tf2Quality('Unique', 'Unique', '7D6D00');
const tf2Type = (internal: string, name: string) => tag('Type', internal, 'Type', name);
const tf2Class = (name: string) => tag('Class', name, 'Class', name);

export const tf2Catalog: AppCatalog = {
  appid: 440,
  contexts: ['2'],
  draw: staticDraw(
    440,
    gameItems(
      440,
      'fWFc82js0fmoRAP-qOIPu5THSWqfSmTELLqcUywGkijVjZULUrsm1j-9xgEAaR4uURrwvz0N252yVaDVWrRTno9m4ccG2GNqxlQoZrC2aG9hcVGUWflbX_drrVu5UGki5sAij6tOtQ',
      [
        {
          name: 'Mann Co. Supply Crate Key',
          weight: 10,
          type: 'Level 5 Tool',
          nameColor: '7D6D00',
          commodity: 1,
          tags: [UNIQUE, tf2Type('Tool', 'Tool'), tag('Class', 'Scout', 'Class', 'Scout')],
          lines: ['Used to open locked supply crates.'],
        },
        {
          name: 'Refined Metal',
          weight: 14,
          type: 'Level 3 Craft Item',
          nameColor: '7D6D00',
          commodity: 1,
          tags: [UNIQUE, tf2Type('Craft Item', 'Craft Item')],
          lines: ['Crafting material'],
        },
        {
          name: 'Reclaimed Metal',
          weight: 10,
          type: 'Level 2 Craft Item',
          nameColor: '7D6D00',
          commodity: 1,
          tags: [UNIQUE, tf2Type('Craft Item', 'Craft Item')],
        },
        {
          name: 'Scrap Metal',
          weight: 10,
          type: 'Level 1 Craft Item',
          nameColor: '7D6D00',
          commodity: 1,
          tags: [UNIQUE, tf2Type('Craft Item', 'Craft Item')],
        },
        {
          name: 'Strange Rocket Launcher',
          weight: 5,
          type: 'Strange Rocket Launcher - Kills: 0',
          nameColor: 'CF6A32',
          instanceid: '11040578',
          tags: [
            tf2Quality('strange', 'Strange', 'CF6A32'),
            tf2Type('primary', 'Primary weapon'),
            tf2Class('Soldier'),
          ],
        },
        {
          name: 'Team Captain',
          weight: 4,
          type: 'Level 10 Hat',
          nameColor: '7D6D00',
          tags: [UNIQUE, tf2Type('misc', 'Cosmetic'), tf2Class('Heavy'), tf2Class('Soldier')],
        },
        {
          name: 'Unusual Team Captain',
          weight: 1,
          type: 'Level 10 Hat',
          nameColor: '8650AC',
          instanceid: '11040601',
          lines: ['★ Unusual Effect: Burning Flames'],
          tags: [tf2Quality('rarity4', 'Unusual', '8650AC'), tf2Type('misc', 'Cosmetic'), tf2Class('Heavy')],
        },
        {
          name: 'Vintage Tyrolean',
          weight: 2,
          type: 'Level 10 Hat',
          nameColor: '476291',
          marketHashName: 'Vintage Tyrolean',
          tags: [tf2Quality('vintage', 'Vintage', '476291'), tf2Type('misc', 'Cosmetic'), tf2Class('Medic')],
        },
        {
          name: 'Noise Maker - Winter Holiday',
          weight: 3,
          type: 'Level 5 Noise Maker',
          nameColor: '7D6D00',
          tradable: 0,
          marketable: 0,
          tags: [UNIQUE, tf2Type('action', 'Action')],
        },
      ],
    ),
  ),
};
