import { describe, expect, it } from 'vitest';
import { normalizeItem } from './normalize.js';

describe('normalizeItem', () => {
  it('normalizes the seed example collectible', () => {
    const raw = {
      path: 'users/123/inventory-items/some-inventory-item-id',
      assetDetails: {
        assetId: '12928981934',
        inventoryItemAssetType: 'INVENTORY_ITEM_ASSET_TYPE_UNSPECIFIED',
        instanceId: '173413781720',
        collectibleDetails: {
          itemId: '521cca19-75bb-4e05-a0af-633b1532c24d',
          instanceId: 'a8a27d38-ee51-4cf4-8b0a-485d0dfd8607',
          instanceState: 'COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED',
          serialNumber: 160,
        },
      },
      addTime: '2023-07-05T12:34:56Z',
    };
    expect(normalizeItem(raw)).toEqual({
      kind: 'asset',
      id: '12928981934',
      path: raw.path,
      inventoryItemId: 'some-inventory-item-id',
      assetType: 'INVENTORY_ITEM_ASSET_TYPE_UNSPECIFIED',
      instanceId: '173413781720',
      collectible: true,
      collectibleItemId: '521cca19-75bb-4e05-a0af-633b1532c24d',
      collectibleInstanceId: 'a8a27d38-ee51-4cf4-8b0a-485d0dfd8607',
      serial: 160,
      instanceState: 'COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED',
      addedAt: '2023-07-05T12:34:56Z',
      raw,
    });
  });

  it('handles each kind, passes without addTime, and kinds it does not know', () => {
    expect(
      normalizeItem({ path: 'users/1/inventory-items/x', badgeDetails: { badgeId: '5' }, addTime: 't' }),
    ).toMatchObject({ kind: 'badge', id: '5', addedAt: 't', collectible: false });
    expect(normalizeItem({ path: 'p', gamePassDetails: { gamePassId: '12527' } })).toMatchObject({
      kind: 'gamePass',
      id: '12527',
      addedAt: undefined,
    });
    expect(normalizeItem({ path: 'p', privateServerDetails: { privateServerId: '9' } })).toMatchObject({
      kind: 'privateServer',
      id: '9',
    });
    expect(normalizeItem({ path: 'p', bundleDetails: { bundleId: '3' } })).toMatchObject({
      kind: 'unknown',
      id: '',
    });
  });

  it('keeps unknown asset types and states, and numbers where strings were promised', () => {
    const item = normalizeItem({
      path: 'p',
      assetDetails: {
        assetId: 77 as unknown as string,
        inventoryItemAssetType: 'HOLOGRAM_ACCESSORY',
        serialNumber: 3,
        collectibleDetails: { instanceState: 'IN_ESCROW' },
      },
    });
    expect(item).toMatchObject({
      id: '77',
      assetType: 'HOLOGRAM_ACCESSORY',
      instanceState: 'IN_ESCROW',
      serial: 3,
    });
  });
});
