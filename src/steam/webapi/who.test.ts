/**
 * `<who>` for the Web API: the SteamID64 fast path agrees with the steamid package at and
 * around the edges of the individual range, and other account types get their own message.
 */
import SteamID from 'steamid';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { STEAMID64_BASE } from '../ids/parse.js';
import { parseWho } from './who.js';

const isIndividual = (id: string) => {
  try {
    return new SteamID(id).isValidIndividual();
  } catch {
    return false;
  }
};

describe('parseWho', () => {
  it('accepts exactly the 17-digit ids the steamid package calls individual', () => {
    const edges = [0n, 1n, 2n, 0xfffffffen, 0xffffffffn, 0x100000000n, 0x100000001n, 2n ** 52n];
    const candidates = [
      ...edges.map((n) => (STEAMID64_BASE + n).toString()),
      (STEAMID64_BASE - 1n).toString(),
      '76561198012345678',
      '103582791429521412',
      '90071996842377216',
    ];
    for (const id of candidates) {
      const ours = (() => {
        try {
          return parseWho(id).kind === 'steamid';
        } catch {
          return false;
        }
      })();
      expect(ours, id).toBe(isIndividual(id));
    }
  });

  it('names groups and game servers as such, and still reads every other form', () => {
    expect(() => parseWho('[g:1:4]')).toThrow(/group, clan or game server/);
    expect(() => parseWho('90071996842377216')).toThrow(InvalidInputError);
    expect(parseWho('STEAM_0:1:26172975')).toEqual({ kind: 'steamid', steamid64: '76561198012611679' });
    expect(parseWho('https://steamcommunity.com/id/alice/')).toEqual({ kind: 'vanity', vanity: 'alice' });
  });
});
