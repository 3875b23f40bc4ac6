/**
 * @module emulator/steam/dota
 * Dota 2 (app 570, context 2): wearables by rarity, from Common to Arcana, and a treasure.
 */
import { staticDraw, tag, type AppCatalog } from './catalog.js';
import { gameItems } from './game-items.js';

const dotaRarity = (internal: string, name: string, color: string) =>
  tag('Rarity', internal, 'Rarity', name, color);
const STANDARD = tag('Quality', 'unique', 'Quality', 'Standard', 'D2D2D2');
const WEARABLE = tag('Type', 'wearable', 'Type', 'Wearable');
const hero = (internal: string, name: string) => tag('Hero', internal, 'Hero', name);

export const dotaCatalog: AppCatalog = {
  appid: 570,
  contexts: ['2'],
  draw: staticDraw(
    570,
    gameItems(
      570,
      '-9a81dlWLwJ2UUGcVs_nsVtzdOEdtWwKGZZLQHTxDZ7I56KU0Zwwo4NUX4oFJZEHLbXX7gNTPcUxuxpJSXPbQv2S1MDeXkh6LBBOiev8ZQQ30KubIWVDudrgzNPcx6Gh',
      [
        {
          name: 'Manifold Paradox',
          weight: 1,
          type: 'Arcana Wearable',
          nameColor: 'ADE55C',
          tags: [
            STANDARD,
            dotaRarity('arcana', 'Arcana', 'ade55c'),
            WEARABLE,
            tag('Slot', 'weapon', 'Slot', 'Weapon'),
            hero('npc_dota_hero_phantom_assassin', 'Phantom Assassin'),
          ],
        },
        {
          name: 'Dark Artistry Cape',
          weight: 2,
          type: 'Immortal Wearable',
          nameColor: 'E4AE39',
          tags: [
            STANDARD,
            dotaRarity('immortal', 'Immortal', 'e4ae39'),
            WEARABLE,
            tag('Slot', 'back', 'Slot', 'Back'),
            hero('npc_dota_hero_invoker', 'Invoker'),
          ],
        },
        {
          name: 'Bracers of the Cavern Luminar',
          weight: 8,
          type: 'Rare Wearable',
          nameColor: '4B69FF',
          tags: [
            STANDARD,
            dotaRarity('rare', 'Rare', '4b69ff'),
            WEARABLE,
            tag('Slot', 'arms', 'Slot', 'Arms'),
            hero('npc_dota_hero_sven', 'Sven'),
          ],
        },
        {
          name: 'Shoulders of the Sunwarrior',
          weight: 12,
          type: 'Common Wearable',
          nameColor: 'B0C3D9',
          tags: [
            STANDARD,
            dotaRarity('common', 'Common', 'b0c3d9'),
            WEARABLE,
            tag('Slot', 'shoulder', 'Slot', 'Shoulder'),
            hero('npc_dota_hero_phoenix', 'Phoenix'),
          ],
        },
        {
          name: 'Treasure of the Crimson Witness',
          weight: 6,
          type: 'Mythical Treasure',
          nameColor: '8847FF',
          commodity: 1,
          tags: [
            STANDARD,
            dotaRarity('mythical', 'Mythical', '8847ff'),
            tag('Type', 'treasure_chest', 'Type', 'Treasure'),
          ],
        },
        {
          name: 'Auspicious Gleaming Shadow',
          weight: 3,
          type: 'Mythical Wearable',
          nameColor: '8847FF',
          tags: [
            tag('Quality', 'strange', 'Quality', 'Auspicious', '32CD32'),
            dotaRarity('mythical', 'Mythical', '8847ff'),
            WEARABLE,
            hero('npc_dota_hero_juggernaut', 'Juggernaut'),
          ],
        },
      ],
    ),
  ),
};
