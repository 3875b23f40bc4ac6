/**
 * @module cli/commands/steam-webapi-common
 * What every Steam Web API command body shares: the client built from the config
 * (`--api-url` over GAMESTASH_STEAM_API_URL; the method list kept on disk in the data
 * directory), `<who>` defaulting to STEAM_ID (`me` means it), and the options every such
 * command takes.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Env, type GamestashConfig } from '../../core/config.js';
import { InvalidInputError } from '../../core/errors.js';
import { createHttpClient } from '../../core/http/from-config.js';
import { createSteamWebApiClient, type SteamWebApiClient } from '../../steam/webapi/index.js';

/** The options of every Web API command. */
export interface WebApiCommandOptions {
  /** The typed result as JSON instead of a table. */
  json?: boolean;
  /** The wire format asked of Steam (json, xml or vdf); the output is the same. */
  format?: string;
  apiUrl?: string;
}

/** Runs `body` with a Web API client; the transport is closed afterwards, whatever happens. */
export async function withWebApi<T>(
  options: Pick<WebApiCommandOptions, 'apiUrl'>,
  body: (client: SteamWebApiClient, config: GamestashConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env, { steam: { apiUrl: options.apiUrl?.replace(/\/+$/, '') } });
  const http = createHttpClient(config);
  try {
    const client = createSteamWebApiClient(config, http, { cacheDir: dataDirOf(process.env) });
    return await body(client, config);
  } finally {
    await http.close();
  }
}

/**
 * The account a command is about: the one named, or STEAM_ID's when none is (`me` too).
 * Refused before any request when STEAM_ID is needed and not set.
 */
export function whoOf(who: string | undefined, config: GamestashConfig): string {
  const me = who === undefined || who.trim().toLowerCase() === 'me';
  if (!me) return who;
  if (config.steam.steamId) return config.steam.steamId;
  throw new InvalidInputError(
    who === undefined
      ? 'which account? name one (a SteamID64, profile URL or vanity name) or set STEAM_ID to your own'
      : '"me" means STEAM_ID, which is not set: set it to your SteamID64, or name the account',
    'who',
  );
}

/**
 * GAMESTASH_DATA_DIR, else the user's data directory (XDG): where the method list Steam
 * publishes is kept for a day, so a command does not fetch it every time.
 */
export function dataDirOf(env: Env): string {
  const given = env.GAMESTASH_DATA_DIR?.trim();
  if (given) return given;
  const xdg = env.XDG_DATA_HOME?.trim();
  // The XDG spec ignores a relative XDG_DATA_HOME.
  if (xdg?.startsWith('/')) return join(xdg, 'gamestash');
  return join(env.HOME?.trim() || homedir(), '.local', 'share', 'gamestash');
}

/** A hidden library (UPSTREAM.md: Steam answers `{"response":{}}`) is not an empty one. */
export const NO_GAMES_VISIBLE = 'no games visible (the profile is private or friends-only)';

/** A Unix time as a UTC date (`2026-04-27`), or nothing for Steam's 0 ("never"). */
export function dateOf(seconds: number | undefined): string | undefined {
  return seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : undefined;
}

/** A Unix time as UTC date and minute (`2026-04-27 08:31`). */
export function dateTimeOf(seconds: number | undefined): string | undefined {
  return seconds ? new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ') : undefined;
}

/** Minutes of playtime as hours, one decimal (`12.5`). */
export function hoursOf(minutes: number | undefined): string | undefined {
  return minutes === undefined ? undefined : (minutes / 60).toFixed(1);
}
