import { describe, expect, it } from 'vitest';
import { resolveSteamScenario } from '../scenario.js';
import { People } from './people.js';

const A = '76561198000000410';
const B = '76561198000000411';
const C = '76561198000000412';

describe('People', () => {
  it('generates the same person from the same SteamID, and lets the scenario override fields', () => {
    const one = new People(resolveSteamScenario());
    const two = new People(resolveSteamScenario());
    expect(one.profile(A)).toEqual(two.profile(A));
    expect(one.games(A)).toEqual(two.games(A));
    expect(one.profile(A).avatarHash).toMatch(/^[0-9a-f]{40}$/);
    const named = new People(
      resolveSteamScenario({ users: { [A]: { name: 'Ann', country: '', personaState: 6, private: true } } }),
    ).profile(A);
    expect(named).toMatchObject({ personaName: 'Ann', country: '', personaState: 6, visibility: 'private' });
    expect(named.timeCreated).toBe(one.profile(A).timeCreated);
  });

  it('keeps friendships symmetric, generated or listed', () => {
    const people = new People(
      resolveSteamScenario({
        users: {
          [A]: { friends: [B, { steamid: '76561198000009999', relationship: 'friend', friendSince: 5 }] },
        },
      }),
    );
    const ids = new Set<string>([A, B, C, '76561198000009999']);
    for (let i = 0; i < 60; i++) ids.add(String(76561198000000380n + BigInt(i)));
    for (const id of ids) {
      for (const friend of people.friends(id)) {
        expect(people.friends(friend.steamid), `${friend.steamid} should list ${id}`).toContainEqual({
          steamid: id,
          relationship: friend.relationship,
          friendSince: friend.friendSince,
        });
      }
    }
    expect(people.friends(A).map((f) => f.steamid)).toEqual([B, '76561198000009999']);
    // A listed friendship is not also generated: C is near A but not listed.
    expect(people.friends(C).map((f) => f.steamid)).not.toContain(A);
  });

  it('gives generated accounts libraries with playtime and some recent games', () => {
    const people = new People(resolveSteamScenario());
    let games = 0;
    let recent = 0;
    for (let i = 0; i < 100; i++) {
      const library = people.games(String(76561198000100000n + BigInt(i)));
      games += library.length;
      recent += library.filter((game) => game.playtime2Weeks > 0).length;
      for (const game of library) {
        expect(game.playtime2Weeks).toBeLessThanOrEqual(game.playtimeForever);
        if (game.app.free) expect(game.playtimeForever).toBeGreaterThan(0);
      }
    }
    expect(games / 100).toBeGreaterThan(2);
    expect(recent).toBeGreaterThan(10);
  });

  it("keeps other modules' per-account state apart", () => {
    const people = new People(resolveSteamScenario());
    const offers = people.state('trade', A, () => ({ sent: [] as string[] }));
    offers.sent.push('1');
    expect(people.state('trade', A, () => ({ sent: [] as string[] })).sent).toEqual(['1']);
    expect(people.state('escrow', A, () => 0)).toBe(0);
  });
});
