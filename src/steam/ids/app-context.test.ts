import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { canonicalAppId, canonicalContextId } from './app-context.js';

describe('app and context ids', () => {
  it('accept leading zeros and drop them, from text or numbers', () => {
    expect(canonicalAppId('0730')).toBe('730');
    expect(canonicalAppId(' 730 ')).toBe('730');
    expect(canonicalAppId(730)).toBe('730');
    expect(canonicalContextId('02')).toBe('2');
    expect(canonicalContextId('016')).toBe('16');
    expect(canonicalContextId('0')).toBe('0');
    expect(canonicalContextId(6)).toBe('6');
    expect(canonicalContextId('18446744073709551615')).toBe('18446744073709551615');
  });

  it('refuse anything else, naming the parameter', () => {
    for (const bad of [
      '0',
      '000',
      '',
      'cs2',
      '-730',
      '7.30',
      '4294967296',
      730.5,
      -1,
      '0'.repeat(40) + '730',
    ]) {
      const error = (() => {
        try {
          canonicalAppId(bad, 'gameid');
        } catch (e) {
          return e as InvalidInputError;
        }
      })();
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error?.parameter).toBe('gameid');
      expect(error?.message).toMatch(/app id must be a positive number/);
    }
    for (const bad of ['two', '2x', '2/../login', '18446744073709551616', '']) {
      expect(() => canonicalContextId(bad)).toThrow(/context id must be a number/);
    }
  });
});
