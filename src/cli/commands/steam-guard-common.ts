/**
 * @module cli/commands/steam-guard-common
 * What the Steam Guard commands share: the config (flags over the environment), secrets read
 * from stdin when asked (`--secrets-stdin`: a maFile, as Steam Desktop Authenticator and
 * steamguard-cli write them, or NAME=value lines), and the client of mobile confirmations on
 * the configured store, so that no two runs ever send the same confirmation time.
 */
import { loadConfig, type GamestashConfig } from '../../core/config.js';
import { InvalidInputError } from '../../core/errors.js';
import { createHttpClient } from '../../core/http/from-config.js';
import { registerSecret } from '../../core/http/redact.js';
import { createSteamConfirmations, requireSecret, type SteamConfirmations } from '../../steam/guard/index.js';
import { sessionFromConfig } from '../../steam/session/from-config.js';
import { openConfirmationTimeStore } from '../../store/confirmation-times.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';

export interface SteamGuardCommandOptions {
  communityUrl?: string;
  apiUrl?: string;
  intervalMs?: number;
  secretsStdin?: boolean;
  json?: boolean;
}

const VARIABLES = ['STEAM_SHARED_SECRET', 'STEAM_IDENTITY_SECRET', 'STEAM_DEVICE_ID'] as const;
const MAFILE_FIELDS: Record<string, (typeof VARIABLES)[number]> = {
  shared_secret: 'STEAM_SHARED_SECRET',
  identity_secret: 'STEAM_IDENTITY_SECRET',
  device_id: 'STEAM_DEVICE_ID',
};

/** The environment, with the secrets from stdin when asked. */
export async function guardEnv(options: SteamGuardCommandOptions): Promise<NodeJS.ProcessEnv> {
  if (!options.secretsStdin) return process.env;
  if (process.stdin.isTTY) {
    throw new InvalidInputError(
      '--secrets-stdin reads a maFile or NAME=value lines from stdin: pipe one in (`< bot.maFile`)',
      'secrets-stdin',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return { ...process.env, ...parseSecrets(Buffer.concat(chunks).toString('utf8')) };
}

/** A maFile (JSON) or `NAME=value` lines; only the three Steam Guard variables are taken. */
export function parseSecrets(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw new InvalidInputError('stdin is not a valid maFile (its JSON does not parse)', 'secrets-stdin');
    }
    for (const [field, variable] of Object.entries(MAFILE_FIELDS)) {
      if (typeof json[field] === 'string' && json[field]) out[variable] = json[field] as string;
    }
  } else {
    for (const line of trimmed.split(/\r?\n/)) {
      const eq = line.indexOf('=');
      const name = line.slice(0, eq).trim();
      if (eq > 0 && (VARIABLES as readonly string[]).includes(name)) out[name] = line.slice(eq + 1).trim();
    }
  }
  for (const value of Object.values(out)) registerSecret(value);
  if (Object.keys(out).length === 0) {
    throw new InvalidInputError(
      `stdin held no Steam Guard secret: give a maFile (shared_secret, identity_secret) or lines like STEAM_IDENTITY_SECRET=...`,
      'secrets-stdin',
    );
  }
  return out;
}

export async function guardConfig(options: SteamGuardCommandOptions): Promise<GamestashConfig> {
  const trim = (url: string | undefined) => url?.replace(/\/+$/, '');
  return loadConfig(await guardEnv(options), {
    steam: {
      communityUrl: trim(options.communityUrl),
      apiUrl: trim(options.apiUrl),
      communityIntervalMs: options.intervalMs,
    },
  });
}

/** Runs `body` with the confirmations client on the configured store; everything is closed afterwards. */
export async function withConfirmations<T>(
  options: SteamGuardCommandOptions,
  body: (client: SteamConfirmations, config: GamestashConfig) => Promise<T>,
): Promise<T> {
  const config = await guardConfig(options);
  // Bad input says so before the store is opened or anything is sent.
  requireSecret(config.steam.identitySecret, 'STEAM_IDENTITY_SECRET', 'mobile confirmations');
  const session = sessionFromConfig(config);
  const http = createHttpClient(config);
  try {
    const { store, database } = await openConfirmationTimeStore(config);
    try {
      const confirmations = createSteamConfirmations(config, http, {
        session,
        times: store,
        tradeState: new TradeStateStoreDb(database.db),
      });
      return await body(confirmations, config);
    } finally {
      await database.close();
    }
  } finally {
    await http.close();
  }
}
