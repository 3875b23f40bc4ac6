import { describe, expect, it } from 'vitest';
import { peekNextCursor } from './interpret.js';

const body = (text: string) => Buffer.from(text, 'utf8');

describe('peekNextCursor', () => {
  it('reads the cursor of a page with more items, in either flag form', () => {
    expect(
      peekNextCursor(body('{"assets":[],"more_items":1,"last_assetid":"24707026602","success":1}')),
    ).toBe('24707026602');
    expect(peekNextCursor(body('{"more_items":true,"last_assetid":"42","total_inventory_count":9}'))).toBe(
      '42',
    );
  });

  it('finds nothing on a last page, an error body or a non-numeric cursor', () => {
    expect(peekNextCursor(body('{"assets":[],"total_inventory_count":3,"success":1}'))).toBeUndefined();
    expect(peekNextCursor(body('{"more_items":0,"last_assetid":"42"}'))).toBeUndefined();
    expect(peekNextCursor(body('null'))).toBeUndefined();
    expect(peekNextCursor(body('{"more_items":1,"last_assetid":"4a2"}'))).toBeUndefined();
    expect(peekNextCursor(body('{"more_items":1,"last_assetid":"42'))).toBeUndefined();
  });

  it('ignores the key when it is only text inside a string', () => {
    const inText = '{"descriptions":[{"value":"\\"more_items\\":1,\\"last_assetid\\":\\"7\\""}],"success":1}';
    expect(JSON.parse(inText)).toBeTruthy();
    expect(peekNextCursor(body(inText))).toBeUndefined();
  });
});
