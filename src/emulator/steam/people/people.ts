/**
 * @module emulator/steam/people/people
 * The emulated accounts: one object that answers "who is this SteamID" for every Steam
 * route (profile XML, inventories' privacy, the Web API). Each part of a person (profile,
 * friends, games, progress) comes from its own generator and is cached; other emulator
 * modules keep their own per-account state (trade sessions, tokens, escrow) in `state()`.
 */
import type { SteamScenario, SteamUserScenario } from '../scenario.js';
import { vanityOf } from '../vanity.js';
import { friendsOf, explicitFriends, type Friendship } from './friends.js';
import { ownedGames, type OwnedGame } from './games.js';
import { personProfile, type PersonProfile } from './persona.js';
import { achievementsFor, statsFor, type StatValue, type UnlockedAchievement } from './progress.js';

export class People {
  private readonly profiles = new Map<string, PersonProfile>();
  private readonly friendLists = new Map<string, Friendship[]>();
  private readonly libraries = new Map<string, OwnedGame[]>();
  private readonly explicit: ReturnType<typeof explicitFriends>;
  private readonly states = new Map<string, Map<string, unknown>>();

  constructor(readonly scenario: SteamScenario) {
    this.explicit = explicitFriends(scenario);
  }

  user(steamid: string): SteamUserScenario | undefined {
    return this.scenario.users[steamid];
  }

  profile(steamid: string): PersonProfile {
    return cached(this.profiles, steamid, () => personProfile(steamid, this.user(steamid)));
  }

  vanity(steamid: string): string | undefined {
    return vanityOf(this.scenario, steamid);
  }

  /** Friends sorted by SteamID; symmetric: A lists B exactly when B lists A. */
  friends(steamid: string): Friendship[] {
    return cached(this.friendLists, steamid, () =>
      friendsOf(steamid, this.explicit, (id) => this.profile(id).timeCreated),
    );
  }

  /** The library, free games included (callers filter them as the request asks). */
  games(steamid: string): OwnedGame[] {
    return cached(this.libraries, steamid, () =>
      ownedGames(steamid, this.user(steamid), this.profile(steamid).timeCreated),
    );
  }

  achievements(steamid: string, game: OwnedGame): UnlockedAchievement[] {
    return achievementsFor(steamid, game, this.user(steamid), this.profile(steamid).timeCreated);
  }

  stats(steamid: string, game: OwnedGame): StatValue[] {
    return statsFor(steamid, game, this.user(steamid));
  }

  /**
   * Mutable per-account state owned by another module (`name` keeps modules apart), made
   * by `init` on first use. Unlike the generated parts, it lives until the emulator stops.
   */
  state<T>(name: string, steamid: string, init: () => T): T {
    const byAccount = cached(this.states, name, () => new Map<string, unknown>());
    return cached(byAccount, steamid, init) as T;
  }
}

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
