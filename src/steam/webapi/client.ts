/**
 * @module steam/webapi/client
 * The Steam Web API client: typed methods (thin wrappers over the rows in methods.ts, all
 * through the one call function) and `call`, the generic caller checked against the list
 * Steam publishes. Every method can ask Steam for json, xml or vdf and returns the same
 * typed result.
 */
import { InvalidInputError, MalformedResponseError } from '../../core/errors.js';
import { registerSecret } from '../../core/http/redact.js';
import { resolveSteamId, type ResolveOptions } from '../ids/resolve.js';
import { SupportedApiCache } from './api-list.js';
import { GenericCaller, type CheckedCall, type GenericCallOptions } from './generic.js';
import { checkAppId, checkCount, checkPlayerstats, visibleGames } from './typed-answers.js';
import { callTyped, preflight, webApiPace, type WebApiCallOptions, type WebApiContext } from './call.js';
import { WEBAPI_METHODS, type WebApiMethod } from './methods.js';
import type { WebApiParams } from './params.js';
import { checkSummaryCount, fetchPlayerSummaries } from './summaries.js';
import type {
  AppNews,
  FriendList,
  GlobalAchievementPercentages,
  OwnedGames,
  PlayerAchievements,
  PlayerSummaries,
  RawWebApiResponse,
  RecentlyPlayedGames,
  ServerInfo,
  SupportedApiList,
  TwoFactorTime,
  UserStatsForGame,
  VanityResolution,
} from './types.js';
import { resolveVanityURL, type ResolveVanityOptions } from './vanity.js';
import { parseWho } from './who.js';
import {
  DEFAULT_WEBAPI_RATE_LIMIT_COOLDOWN_MS,
  type OwnedGamesOptions,
  type SteamWebApiClientOptions,
} from './options.js';

export class SteamWebApiClient {
  private readonly ctx: WebApiContext;
  private readonly apiList: SupportedApiCache;
  private readonly generic: GenericCaller;

  constructor(private readonly options: SteamWebApiClientOptions) {
    registerSecret(options.apiKey);
    registerSecret(options.accessToken);
    this.ctx = {
      http: options.http,
      apiUrl: options.apiUrl,
      apiKey: options.apiKey,
      accessToken: options.accessToken,
      pace: webApiPace(options.apiUrl, {
        intervalMs: options.intervalMs ?? 0,
        rateLimitCooldownMs: options.rateLimitCooldownMs ?? DEFAULT_WEBAPI_RATE_LIMIT_COOLDOWN_MS,
        ...(options.maxQueueWaitMs === undefined ? {} : { maxWaitMs: options.maxQueueWaitMs }),
      }),
    };
    // The list depends on the API host and on the key (Steam filters it by key).
    const credential = options.apiKey ? `key:${options.apiKey}` : options.accessToken ? 'token' : 'anonymous';
    this.apiList = new SupportedApiCache(
      () => this.getSupportedAPIList(),
      `${options.apiUrl}\n${credential}`,
      {
        cacheDir: options.cacheDir,
        ...(options.apiListTtlMs === undefined ? {} : { ttlMs: options.apiListTtlMs }),
      },
    );
    this.generic = new GenericCaller(this.ctx, this.apiList);
  }

  /**
   * Any method Steam lists: `call('ISteamUser/GetFriendList/v1', { steamid, relationship })`,
   * checked against GetSupportedAPIList (kept for a day) before anything is sent. See generic.ts.
   */
  call(
    path: string,
    params: readonly string[] | WebApiParams | undefined,
    options: GenericCallOptions & { raw: true },
  ): Promise<RawWebApiResponse>;
  call(
    path: string,
    params?: readonly string[] | WebApiParams,
    options?: GenericCallOptions,
  ): Promise<unknown>;
  call(
    path: string,
    params?: readonly string[] | WebApiParams,
    options: GenericCallOptions = {},
  ): Promise<unknown> {
    return this.generic.call(path, params, options);
  }

  /** The generic caller's checks alone: where a call would go, without sending it. */
  check(
    path: string,
    params?: readonly string[] | WebApiParams,
    options: Pick<GenericCallOptions, 'method' | 'format'> = {},
  ): Promise<CheckedCall> {
    return this.generic.check(path, params, options);
  }

  /**
   * A typed call of a method row kept outside this client's table (the trade client's
   * IEconService rows): the same call function, shape and errors as the typed methods.
   */
  callMethod<T>(row: WebApiMethod, params: WebApiParams, options: WebApiCallOptions = {}): Promise<T> {
    return callTyped<T>(this.ctx, row, params, options);
  }

  /** Whether a Web API key was configured (callers choose between it and an access token). */
  get hasApiKey(): boolean {
    return Boolean(this.options.apiKey);
  }

  /** The methods Steam lists for this key (cached for a day; `refresh` fetches it again). */
  supportedApi(options: { refresh?: boolean } = {}): Promise<SupportedApiList> {
    return this.apiList.get(options);
  }

  /** Any `<who>` form to a SteamID64; vanity names through ResolveVanityURL (or the profile page without a key). */
  async resolve(who: string, parameter = 'steamid'): Promise<string> {
    const identity = parseWho(who, parameter);
    if (identity.kind === 'steamid') return identity.steamid64;
    return (await resolveSteamId(who, this.resolveOptions())).steamid64;
  }

  /** Profiles of any number of players (chunked 100 per request); private ones as Steam shows them. */
  async getPlayerSummaries(
    who: string | readonly string[],
    options: WebApiCallOptions = {},
  ): Promise<PlayerSummaries> {
    const list = typeof who === 'string' ? [who] : who;
    checkSummaryCount(list.length);
    const identities = list.map((one) => parseWho(one, 'steamids'));
    preflight(this.ctx, WEBAPI_METHODS.getPlayerSummaries, options);
    const ids: string[] = [];
    for (const identity of identities) {
      ids.push(
        identity.kind === 'steamid'
          ? identity.steamid64
          : (await resolveSteamId(identity.vanity, this.resolveOptions())).steamid64,
      );
    }
    return fetchPlayerSummaries(this.ctx, ids, {
      ...options,
      ...(this.options.summariesConcurrency === undefined
        ? {}
        : { concurrency: this.options.summariesConcurrency }),
    });
  }

  /** A public profile's friends; a private one's is a PrivateError (Steam answers 401). */
  async getFriendList(
    who: string,
    { relationship, ...options }: WebApiCallOptions & { relationship?: 'all' | 'friend' } = {},
  ): Promise<FriendList> {
    const steamid = await this.player(who, WEBAPI_METHODS.getFriendList, options);
    const answer = await callTyped<Partial<FriendList>>(
      this.ctx,
      WEBAPI_METHODS.getFriendList,
      { steamid, relationship },
      options,
    );
    return { ...answer, friends: answer?.friends ?? [] };
  }

  resolveVanityURL(vanityurl: string, options: ResolveVanityOptions = {}): Promise<VanityResolution> {
    if (!vanityurl.trim())
      throw new InvalidInputError('vanityurl is empty: give a custom profile name', 'vanityurl');
    return resolveVanityURL(this.ctx, vanityurl.trim(), options);
  }

  /**
   * Owned games. A private profile's answer is empty (UPSTREAM.md): `visible: false` says "no
   * games visible", which is not "owns nothing" (`visible: true`, `game_count: 0`).
   */
  async getOwnedGames(who: string, options: OwnedGamesOptions = {}): Promise<OwnedGames> {
    const {
      include_appinfo,
      include_played_free_games,
      appids_filter,
      include_free_sub,
      skip_unvetted_apps,
      language,
      include_extended_appinfo,
      ...callOptions
    } = options;
    if (appids_filter !== undefined) for (const appid of appids_filter) checkAppId(appid, 'appids_filter');
    const steamid = await this.player(who, WEBAPI_METHODS.getOwnedGames, callOptions);
    const answer = await callTyped<Record<string, unknown>>(
      this.ctx,
      WEBAPI_METHODS.getOwnedGames,
      {
        steamid,
        include_appinfo,
        include_played_free_games,
        appids_filter,
        include_free_sub,
        skip_unvetted_apps,
        language,
        include_extended_appinfo,
      },
      callOptions,
    );
    return visibleGames(answer, 'game_count') as OwnedGames;
  }

  /** Games played in the last two weeks; `visible: false` for a private profile, as getOwnedGames. */
  async getRecentlyPlayedGames(
    who: string,
    { count, ...options }: WebApiCallOptions & { count?: number } = {},
  ): Promise<RecentlyPlayedGames> {
    if (count !== undefined) checkCount(count, 'count');
    const steamid = await this.player(who, WEBAPI_METHODS.getRecentlyPlayedGames, options);
    const answer = await callTyped<Record<string, unknown>>(
      this.ctx,
      WEBAPI_METHODS.getRecentlyPlayedGames,
      { steamid, count },
      options,
    );
    return visibleGames(answer, 'total_count') as RecentlyPlayedGames;
  }

  /** A player's achievements in one app; `l` asks for names and descriptions in that language. */
  async getPlayerAchievements(
    who: string,
    appid: number,
    { l, ...options }: WebApiCallOptions & { l?: string } = {},
  ): Promise<PlayerAchievements> {
    checkAppId(appid, 'appid');
    const steamid = await this.player(who, WEBAPI_METHODS.getPlayerAchievements, options);
    const answer = await callTyped<Partial<PlayerAchievements> & { error?: string }>(
      this.ctx,
      WEBAPI_METHODS.getPlayerAchievements,
      { steamid, appid, l },
      options,
    );
    checkPlayerstats(answer, 'GetPlayerAchievements');
    return { ...answer, achievements: answer.achievements ?? [] } as PlayerAchievements;
  }

  async getUserStatsForGame(
    who: string,
    appid: number,
    options: WebApiCallOptions = {},
  ): Promise<UserStatsForGame> {
    checkAppId(appid, 'appid');
    const steamid = await this.player(who, WEBAPI_METHODS.getUserStatsForGame, options);
    const answer = await callTyped<Partial<UserStatsForGame> & { error?: string; success?: boolean }>(
      this.ctx,
      WEBAPI_METHODS.getUserStatsForGame,
      { steamid, appid },
      options,
    );
    checkPlayerstats(answer, 'GetUserStatsForGame');
    return {
      ...answer,
      stats: answer.stats ?? [],
      achievements: answer.achievements ?? [],
    } as UserStatsForGame;
  }

  /** Share of all players holding each achievement of an app (no key needed). */
  async getGlobalAchievementPercentagesForApp(
    appid: number,
    options: WebApiCallOptions = {},
  ): Promise<GlobalAchievementPercentages> {
    checkAppId(appid, 'appid');
    const answer = await callTyped<Partial<GlobalAchievementPercentages>>(
      this.ctx,
      WEBAPI_METHODS.getGlobalAchievementPercentagesForApp,
      { gameid: appid },
      options,
    );
    return { ...answer, achievements: answer?.achievements ?? [] };
  }

  /** An app's news; `maxlength` shortens each item's contents (0: whole), `count` defaults to 20. */
  async getNewsForApp(
    appid: number,
    {
      count,
      maxlength,
      enddate,
      feeds,
      ...options
    }: WebApiCallOptions & { count?: number; maxlength?: number; enddate?: number; feeds?: string } = {},
  ): Promise<AppNews> {
    checkAppId(appid, 'appid');
    if (count !== undefined) checkCount(count, 'count');
    if (maxlength !== undefined) checkCount(maxlength, 'maxlength');
    if (enddate !== undefined) checkCount(enddate, 'enddate');
    const answer = await callTyped<AppNews>(
      this.ctx,
      WEBAPI_METHODS.getNewsForApp,
      { appid, count, maxlength, enddate, feeds },
      options,
    );
    return { ...answer, newsitems: answer.newsitems ?? [] };
  }

  /** Straight from Steam, uncached (`supportedApi()` is the cached copy). */
  async getSupportedAPIList(options: WebApiCallOptions = {}): Promise<SupportedApiList> {
    const answer = await callTyped<Partial<SupportedApiList>>(
      this.ctx,
      WEBAPI_METHODS.getSupportedAPIList,
      {},
      options,
    );
    return {
      interfaces: (answer.interfaces ?? []).map((i) => ({
        ...i,
        methods: (i.methods ?? []).map((m) => ({ ...m, parameters: m.parameters ?? [] })),
      })),
    };
  }

  getServerInfo(options: WebApiCallOptions = {}): Promise<ServerInfo> {
    return callTyped<ServerInfo>(this.ctx, WEBAPI_METHODS.getServerInfo, {}, options);
  }

  /** Steam's clock for Steam Guard (`ITwoFactorService/QueryTime`, a POST without a key). */
  async queryTime(options: WebApiCallOptions = {}): Promise<TwoFactorTime> {
    const answer = await callTyped<Partial<TwoFactorTime> | undefined>(
      this.ctx,
      WEBAPI_METHODS.queryTime,
      {},
      options,
    );
    if (typeof answer?.server_time !== 'number' || !Number.isFinite(answer.server_time)) {
      throw new MalformedResponseError("Steam's answer to ITwoFactorService/QueryTime has no server_time", {
        service: 'steam-webapi',
        retryable: true,
      });
    }
    return answer as TwoFactorTime;
  }

  /** Checks format and credentials, then resolves `who`: nothing is sent for a call that cannot go out. */
  private async player(who: string, row: WebApiMethod, options: WebApiCallOptions): Promise<string> {
    const identity = parseWho(who);
    preflight(this.ctx, row, options);
    if (identity.kind === 'steamid') return identity.steamid64;
    return (await resolveSteamId(identity.vanity, this.resolveOptions())).steamid64;
  }

  private resolveOptions(): ResolveOptions {
    return {
      http: this.options.http,
      apiUrl: this.options.apiUrl,
      apiKey: this.options.apiKey,
      communityUrl: this.options.communityUrl ?? 'https://steamcommunity.com',
      ...(this.options.communityIntervalMs === undefined
        ? {}
        : { communityIntervalMs: this.options.communityIntervalMs }),
      ...(this.options.maxQueueWaitMs === undefined ? {} : { maxQueueWaitMs: this.options.maxQueueWaitMs }),
      me: this.options.me,
      webApi: this.ctx,
    };
  }
}
