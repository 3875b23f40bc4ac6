/**
 * @module cli/commands/steam-webapi-common
 * What every Steam Web API command body shares: the client built from the config
 * (`--api-url` over GAMESTASH_STEAM_API_URL; the method list kept on disk in the data
 * directory, GAMESTASH_DATA_DIR), `<who>` defaulting to STEAM_ID (`me` means it, through
 * the library), and the options every such command takes.
 */
import { loadConfig, type GamestashConfig } from '../../core/config.js';
import { InvalidInputError } from '../../core/errors.js';
import { createHttpClient } from '../../core/http/from-config.js';
import { ME } from '../../steam/ids/resolve.js';
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
    const client = createSteamWebApiClient(config, http, { cacheDir: config.dataDir });
    return await body(client, config);
  } finally {
    await http.close();
  }
}

/**
 * The account a command is about: the one named, or STEAM_ID's when none is (the library
 * resolves `me` to it). No account and no STEAM_ID is refused before any request.
 */
export function whoOf(who: string | undefined, config: GamestashConfig): string {
  if (who !== undefined) return who;
  if (config.steam.steamId) return ME;
  throw new InvalidInputError(
    'which account? give one (a SteamID64, profile URL, trade URL or vanity name) or set STEAM_ID to your own',
    'who',
  );
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
