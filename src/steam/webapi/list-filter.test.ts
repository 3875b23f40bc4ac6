/**
 * One interface of the method list, matched as the generic caller matches names.
 */
import { describe, expect, it } from 'vitest';
import { JSON_ANSWERS } from '../../../test/steam-webapi-fixtures.js';
import { InvalidInputError } from '../../core/errors.js';
import { selectInterface } from './list-filter.js';
import type { SupportedApiList } from './types.js';

const list = (JSON_ANSWERS.getSupportedAPIList as unknown as { apilist: SupportedApiList }).apilist;

describe('selectInterface', () => {
  it('keeps the whole list without a name, one interface with one (any case)', () => {
    expect(selectInterface(list, undefined)).toBe(list);
    const one = selectInterface(list, 'isteamuser');
    expect(one.interfaces.map((i) => i.name)).toEqual(['ISteamUser']);
    expect(one.interfaces[0]!.methods.length).toBeGreaterThan(0);
  });

  it('names the closest interface for a typo, and says how to list them otherwise', () => {
    expect(() => selectInterface(list, 'ISteamUsr')).toThrow(
      "no interface ISteamUsr in Steam's method list; did you mean ISteamUser?",
    );
    expect(() => selectInterface(list, 'Nothing')).toThrow(InvalidInputError);
    expect(() => selectInterface(list, 'Nothing')).toThrow(/list them without an interface/);
  });
});
