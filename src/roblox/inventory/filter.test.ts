import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { RobloxInventoryFilter, type RobloxTypeFilterSpec } from './filter.js';

function parseError(raw: string): string {
  try {
    RobloxInventoryFilter.parse(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error(`expected "${raw}" to be refused`);
}

describe('RobloxInventoryFilter builders', () => {
  it('builds type filters in a fixed field order', () => {
    const filter = RobloxInventoryFilter.types({
      gamePasses: true,
      assetTypes: ['HAT', 'FACE'],
      badges: true,
    });
    expect(filter.toString()).toBe('inventoryItemAssetTypes=HAT,FACE;badges=true;gamePasses=true');
    expect(filter.mode).toBe('types');
    expect(filter.needsInventoryRead).toBe(false);
  });

  it('builds the collectibles filter from the docs', () => {
    expect(RobloxInventoryFilter.collectibles().toString()).toBe(
      'inventoryItemAssetTypes=*;onlyCollectibles=true',
    );
    expect(RobloxInventoryFilter.collectibles(['HAT']).toString()).toBe(
      'inventoryItemAssetTypes=HAT;onlyCollectibles=true',
    );
  });

  it('builds id filters with ids as strings, deduplicated', () => {
    const filter = RobloxInventoryFilter.ids({ assetIds: [62724852, '1028595', 1028595n], badgeIds: ['7'] });
    expect(filter.toString()).toBe('assetIds=62724852,1028595;badgeIds=7');
    expect(filter.mode).toBe('ids');
    expect(filter.idsOf('assetIds')).toEqual(['62724852', '1028595']);
  });

  it('flags the filters that need Inventory read permission', () => {
    expect(RobloxInventoryFilter.types({ privateServers: true }).needsInventoryRead).toBe(true);
    expect(RobloxInventoryFilter.types({ assetTypes: ['PURCHASED_PLACE'] }).needsInventoryRead).toBe(true);
    expect(RobloxInventoryFilter.ids({ privateServerIds: [5] }).needsInventoryRead).toBe(true);
    expect(RobloxInventoryFilter.types({ assetTypes: '*' }).needsInventoryRead).toBe(false);
  });

  it('refuses what the types already forbid, for JavaScript callers', () => {
    expect(() =>
      RobloxInventoryFilter.types({ onlyCollectibles: true } as unknown as RobloxTypeFilterSpec),
    ).toThrow(/onlyCollectibles needs inventoryItemAssetTypes/);
    expect(() => RobloxInventoryFilter.types({})).toThrow(/selects nothing/);
    expect(() => RobloxInventoryFilter.types({ assetTypes: [] as unknown as ['HAT'] })).toThrow(
      /assetTypes is empty/,
    );
    expect(() => RobloxInventoryFilter.types({ assetTypes: ['HATS' as 'HAT'] })).toThrow(
      /unknown asset type "HATS"/,
    );
    expect(() => RobloxInventoryFilter.ids({})).toThrow(/at least one of assetIds/);
    expect(() => RobloxInventoryFilter.ids({ assetIds: [] })).toThrow(/assetIds is empty/);
    expect(() => RobloxInventoryFilter.ids({ assetIds: ['12a'] })).toThrow(
      /"12a" is not a numeric Roblox id/,
    );
    expect(() => RobloxInventoryFilter.ids({ badgeIds: [-1] })).toThrow(/not a numeric/);
    expect(() => RobloxInventoryFilter.ids({ badgeIds: [1.5] })).toThrow(/not a numeric/);
    expect(() => RobloxInventoryFilter.ids({ badgeIds: ['0'] })).toThrow(/not a numeric/);
  });

  it('serializes to JSON as its string', () => {
    expect(JSON.stringify({ f: RobloxInventoryFilter.types({ badges: true }) })).toBe('{"f":"badges=true"}');
  });
});

describe('RobloxInventoryFilter.parse', () => {
  it('accepts the documented examples', () => {
    for (const raw of [
      'onlyCollectibles=true;inventoryItemAssetTypes=*',
      'inventoryItemAssetTypes=HAT,CLASSIC_PANTS,TSHIRT_ACCESSORY',
      'assetIds=1,2,3,4;badgeIds=1,2,3,4;gamePassIds=1,2,3,4;privateServerIds=1,2,3,4',
    ]) {
      expect(() => RobloxInventoryFilter.parse(raw)).not.toThrow();
    }
  });

  it('normalizes spacing, order, booleans and defaults', () => {
    const filter = RobloxInventoryFilter.parse(
      ' gamePasses = TRUE ; inventoryItemAssetTypes=HAT , FACE;badges=false; ',
    );
    expect(filter.toString()).toBe('inventoryItemAssetTypes=HAT,FACE;gamePasses=true');
    expect(RobloxInventoryFilter.parse('').mode).toBe('all');
  });

  it('explains every broken rule', () => {
    expect(parseError('inventoryItemAssetTypes=HAT;assetIds=1')).toMatch(
      /type fields \(inventoryItemAssetTypes\) and ID fields \(assetIds\) cannot be combined/,
    );
    expect(parseError('onlyCollectibles=true')).toMatch(/needs inventoryItemAssetTypes/);
    expect(parseError('onlyCollectibles=true;badges=true')).toMatch(/needs inventoryItemAssetTypes/);
    expect(parseError('assetId=1')).toMatch(/unknown filter field "assetId": use one of/);
    expect(parseError('badges')).toMatch(/"badges" is not field=value/);
    expect(parseError('badges=yes')).toMatch(/badges must be true or false, got "yes"/);
    expect(parseError('badges=true;badges=false')).toMatch(/appears twice/);
    expect(parseError('inventoryItemAssetTypes=*,HAT')).toMatch(/"\*" already means every type/);
    expect(parseError('inventoryItemAssetTypes=hat')).toMatch(/unknown asset type "hat"/);
    expect(parseError('assetIds=1,,2')).toMatch(/empty value/);
    expect(parseError('assetIds=1,x')).toMatch(/"x" is not a numeric Roblox id/);
  });

  it('allows onlyCollectibles=false alone (it is the default)', () => {
    expect(RobloxInventoryFilter.parse('onlyCollectibles=false;badges=true').toString()).toBe('badges=true');
  });
});
