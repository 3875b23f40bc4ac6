/**
 * @module emulator/steam/rust
 * Rust (app 252490, context 2): item skins, all commodities.
 */
import { staticDraw, tag, type AppCatalog } from './catalog.js';
import { gameItems } from './game-items.js';

const rustType = (internal: string, name: string) => tag('itemclass', internal, 'Item Type', name);
const SKIN = tag('steamcat', 'Skin', 'Category', 'Skin');

export const rustCatalog: AppCatalog = {
  appid: 252490,
  contexts: ['2'],
  draw: staticDraw(
    252490,
    gameItems(
      252490,
      '6TMcQ7eX6E0EZl2byXi7vaVKyDk_zQLX05x6eLCFM9neAckxGDf7qU2e2gu64OnAeQ7835Ja5WXMfCk4nReh8DEiv5dbPKw3rbg',
      [
        {
          name: 'Tempered AK47',
          weight: 2,
          type: 'Assault Rifle Skin',
          nameColor: 'FFFFFF',
          commodity: 1,
          tags: [SKIN, rustType('rifle.ak', 'Assault Rifle')],
        },
        {
          name: 'Big Grin',
          weight: 3,
          type: 'Metal Facemask Skin',
          nameColor: 'FFFFFF',
          commodity: 1,
          tags: [SKIN, rustType('metal.facemask', 'Metal Facemask')],
        },
        {
          name: 'Glowing Skull',
          weight: 6,
          type: 'Hoodie Skin',
          nameColor: 'FFFFFF',
          commodity: 1,
          tags: [SKIN, rustType('hoodie', 'Hoodie')],
        },
        {
          name: 'Blackout Hoodie',
          weight: 8,
          type: 'Hoodie Skin',
          nameColor: 'FFFFFF',
          commodity: 1,
          tags: [SKIN, rustType('hoodie', 'Hoodie')],
        },
        {
          name: 'Alien Red',
          weight: 4,
          type: 'Garage Door Skin',
          nameColor: 'FFFFFF',
          commodity: 1,
          tags: [SKIN, rustType('wall.frame.garagedoor', 'Garage Door')],
        },
      ],
    ),
  ),
};
