/**
 * @module cli/commands/steam-api
 * `gamestash steam api <Interface/Method/vN> [--param k=v ...] [--input-json JSON] [--post]
 * [--format F] [--raw]`: any method Steam lists, through the generic caller (checked against
 * GetSupportedAPIList before anything is sent). `--list` goes to steam-api-list.ts.
 */
import { InvalidInputError } from '../../core/errors.js';
import { writeJson } from '../output/write.js';
import { steamApiList, type SteamApiListOptions } from './steam-api-list.js';
import { withWebApi } from './steam-webapi-common.js';

export interface SteamApiOptions extends SteamApiListOptions {
  /** `--param name=value`, repeatable, passed as they are (the library splits and checks them). */
  param: string[];
  inputJson?: string;
  post?: boolean;
  format?: string;
  /** Steam's body, untouched. */
  raw?: boolean;
  list?: boolean;
}

export async function steamApi(path: string | undefined, options: SteamApiOptions): Promise<void> {
  if (options.list) {
    if (path !== undefined) {
      throw new InvalidInputError(
        `--list takes no method (got "${path}"): use --interface NAME to list one interface`,
        'method',
      );
    }
    return steamApiList(options);
  }
  if (options.interface !== undefined) {
    throw new InvalidInputError(
      '--interface goes with --list: use steam api --list --interface NAME',
      'interface',
    );
  }
  if (path === undefined) {
    throw new InvalidInputError(
      'which method? give Interface/Method/vN (e.g. ISteamUser/GetPlayerSummaries/v2), or --list to see them',
      'method',
    );
  }
  // --input-json is one more parameter: the library merges it and refuses a name given twice.
  const params =
    options.inputJson === undefined ? options.param : [...options.param, `input_json=${options.inputJson}`];
  const callOptions = { format: options.format, ...(options.post ? { method: 'POST' as const } : {}) };
  await withWebApi(options, async (client) => {
    if (options.raw) {
      const raw = await client.call(path, params, { ...callOptions, raw: true });
      process.stdout.write(raw.body);
    } else {
      writeJson(await client.call(path, params, callOptions));
    }
  });
}
