/**
 * @module emulator/steam/guard/accounts
 * Each account's authenticator: its shared and identity secrets (from the scenario, else
 * derived from the SteamID, the same every run; changeable while running) and the
 * confirmation times it has used, per tag. Steam refuses a key whose time was used before
 * (UPSTREAM.md: "don't reuse a timestamp"); a used time is remembered while it could still
 * pass the clock check, and forgotten once it could not.
 */
import type { People } from '../people/index.js';
import { derivedSecret } from './totp.js';

export interface GuardAccount {
  steamid: string;
  sharedSecret: string;
  identitySecret: string;
}

export type GuardAccountPatch = Partial<Omit<GuardAccount, 'steamid'>>;

export class GuardAccounts {
  private readonly overrides = new Map<string, GuardAccountPatch>();
  /** steamid -> tag -> times used. */
  private readonly used = new Map<string, Map<string, Set<number>>>();

  constructor(private readonly people: People) {}

  get(steamid: string): GuardAccount {
    const own = this.people.user(steamid)?.guard ?? {};
    return {
      steamid,
      sharedSecret: own.sharedSecret ?? derivedSecret('shared', steamid),
      identitySecret: own.identitySecret ?? derivedSecret('identity', steamid),
      ...this.overrides.get(steamid),
    };
  }

  update(steamid: string, patch: GuardAccountPatch): GuardAccount {
    this.overrides.set(steamid, { ...this.overrides.get(steamid), ...patch });
    return this.get(steamid);
  }

  /**
   * Records a confirmation time for the account and tag; false when it was used already.
   * Times older than `forgetBefore` can no longer pass the clock check, so they are dropped.
   */
  use(steamid: string, tag: string, time: number, forgetBefore: number): boolean {
    let tags = this.used.get(steamid);
    if (!tags) this.used.set(steamid, (tags = new Map()));
    let times = tags.get(tag);
    if (!times) tags.set(tag, (times = new Set()));
    for (const old of times) if (old < forgetBefore) times.delete(old);
    if (times.has(time)) return false;
    times.add(time);
    return true;
  }

  reset(): void {
    this.overrides.clear();
    this.used.clear();
  }
}
