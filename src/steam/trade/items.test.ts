import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { itemKey, parseTradeItem, sameItem, toTradeItem } from './items.js';

describe('trade items', () => {
  it('parses APP/CONTEXT/ASSETID[:AMOUNT] with ids as strings', () => {
    expect(parseTradeItem('730/2/34714784915')).toEqual({
      appid: 730,
      contextid: '2',
      assetid: '34714784915',
      amount: 1,
    });
    expect(parseTradeItem(' 753/06/1234:5 ')).toEqual({
      appid: 753,
      contextid: '6',
      assetid: '1234',
      amount: 5,
    });
  });

  it('keeps 64-bit asset ids exact', () => {
    expect(parseTradeItem('730/2/18446744073709551615').assetid).toBe('18446744073709551615');
  });

  it('names the flag and the expected form on bad input', () => {
    for (const bad of ['730/2', '730/2/abc', 'csgo/2/1', '730/2/1:0', '730/0/1', '730/2/0', '']) {
      expect(() => parseTradeItem(bad, '--give')).toThrow(InvalidInputError);
    }
    expect(() => parseTradeItem('730-2-1', '--give')).toThrow(
      /--give "730-2-1" is not APP\/CONTEXT\/ASSETID/,
    );
    expect(() => toTradeItem({ appid: 730, contextid: 2, assetid: 'x1' })).toThrow(
      /asset id must be a positive/,
    );
  });

  it('compares items by app, context and asset', () => {
    const a = toTradeItem({ appid: '730', contextid: 2, assetid: 10 });
    expect(sameItem(a, parseTradeItem('730/2/10:3'))).toBe(true);
    expect(sameItem(a, parseTradeItem('730/16/10'))).toBe(false);
    expect(itemKey(a)).toBe('730/2/10:1');
  });
});
