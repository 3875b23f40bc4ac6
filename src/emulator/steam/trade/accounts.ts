/**
 * @module emulator/steam/trade/accounts
 * Each account's trade side: its trade URL token, mobile authenticator, hold days, bans,
 * "new device" state and whether it acknowledged trade protection. Starts from the
 * scenario (`users[id].trade`), can be changed while running (control endpoint), and goes
 * back to the scenario on reset. Friends come from the people model and need no token.
 */
import type { People } from '../people/index.js';
import { hash32 } from '../random.js';
import type { SteamTradeScenario } from './scenario.js';

export interface TradeAccount {
  steamid: string;
  /** SteamID64 minus 76561197960265728: the trade URL's `partner`. */
  accountid: number;
  token: string;
  mobileAuthenticator: boolean;
  escrowDays: number;
  tradeBan: boolean;
  newDevice: boolean;
  unavailable: boolean;
  probation: boolean;
  acknowledged: boolean;
}

export type TradeAccountPatch = Partial<Omit<TradeAccount, 'steamid' | 'accountid'>>;

const ACCOUNT_BASE = 76561197960265728n;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function accountIdOf(steamid: string): number {
  return Number(BigInt(steamid) - ACCOUNT_BASE);
}

export function steamIdOf(accountid: number): string {
  return String(BigInt(accountid) + ACCOUNT_BASE);
}

/** Eight characters of Steam's token alphabet, the same for the same SteamID every run. */
export function defaultToken(steamid: string): string {
  let out = '';
  for (let i = 0; out.length < 8; i++) out += TOKEN_ALPHABET[hash32(`trade-token:${steamid}:${i}`) % 64];
  return out;
}

export class TradeAccounts {
  private readonly accounts = new Map<string, TradeAccount>();
  private readonly friendSets = new Map<string, Set<string>>();

  constructor(
    private readonly people: People,
    private readonly config: SteamTradeScenario,
  ) {}

  get(steamid: string): TradeAccount {
    let account = this.accounts.get(steamid);
    if (!account) {
      const own = this.people.user(steamid)?.trade ?? {};
      account = {
        steamid,
        accountid: accountIdOf(steamid),
        token: own.token ?? defaultToken(steamid),
        mobileAuthenticator: own.mobileAuthenticator ?? false,
        escrowDays: own.escrowDays ?? 0,
        tradeBan: own.tradeBan ?? false,
        newDevice: own.newDevice ?? false,
        unavailable: own.unavailable ?? false,
        probation: own.probation ?? false,
        acknowledged: own.acknowledged ?? this.config.acknowledgedByDefault,
      };
      this.accounts.set(steamid, account);
    }
    return account;
  }

  update(steamid: string, patch: TradeAccountPatch): TradeAccount {
    return Object.assign(this.get(steamid), patch);
  }

  areFriends(a: string, b: string): boolean {
    let friends = this.friendSets.get(a);
    if (!friends) {
      friends = new Set(this.people.friends(a).map((friend) => friend.steamid));
      this.friendSets.set(a, friends);
    }
    return friends.has(b);
  }

  /** The account that owns a Web API key (`users[id].apiKey`). */
  ownerOfKey(key: string): string | undefined {
    for (const [steamid, user] of Object.entries(this.people.scenario.users)) {
      if (user.apiKey === key) return steamid;
    }
    return undefined;
  }

  tradeUrl(steamid: string, base = 'https://steamcommunity.com'): string {
    const account = this.get(steamid);
    return `${base}/tradeoffer/new/?partner=${account.accountid}&token=${account.token}`;
  }

  reset(): void {
    this.accounts.clear();
  }
}
