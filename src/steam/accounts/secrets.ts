/**
 * @module steam/accounts/secrets
 * What an operator registers for a Steam account the gateway trades for: the session cookies
 * and, optionally, the authenticator's secrets, a Web API key and a device id. Checked before
 * anything is stored: the cookies must parse to a live session (which names the account and
 * when it expires), the secrets must have their shapes. Values are registered for redaction
 * at once and never quoted in a message.
 */
import { InvalidInputError } from '../../core/errors.js';
import { registerSecret } from '../../core/http/redact.js';
import { parseSteamSession, type SteamSession } from '../session/session.js';

/** The secrets as kept (sealed) in the store. */
export interface AccountSecrets {
  /** `steamLoginSecure=...` (optionally `; sessionid=...`). */
  cookies: string;
  /** The `sessionid` cookie when `cookies` lacks it. */
  sessionId?: string | undefined;
  /** The authenticator's shared_secret (login codes). */
  sharedSecret?: string | undefined;
  /** The authenticator's identity_secret (mobile confirmations). */
  identitySecret?: string | undefined;
  /** The account's own Web API key. */
  apiKey?: string | undefined;
  /** The authenticator's device id (`android:...`); derived from the SteamID when absent. */
  deviceId?: string | undefined;
}

/** The environment variables each secret is read from (the library's own names). */
export const SECRET_VARIABLES = {
  cookies: 'STEAM_COOKIES',
  sessionId: 'STEAM_SESSION_ID',
  sharedSecret: 'STEAM_SHARED_SECRET',
  identitySecret: 'STEAM_IDENTITY_SECRET',
  apiKey: 'STEAM_API_KEY',
  deviceId: 'STEAM_DEVICE_ID',
} as const satisfies Record<keyof AccountSecrets, string>;

/** Names of the optional secrets present, as `accounts list` shows them. */
export const SECRET_LABELS = {
  sharedSecret: 'shared_secret',
  identitySecret: 'identity_secret',
  apiKey: 'api_key',
  deviceId: 'device_id',
} as const;

const HEX_SECRET = /^[0-9a-f]{40}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const API_KEY = /^[0-9A-F]{32}$/i;
const DEVICE_ID = /^[\x21-\x7e]{1,100}$/;

function guardSecret(value: string, variable: string, field: string): string {
  const bytes = HEX_SECRET.test(value) ? 20 : BASE64.test(value) ? Buffer.from(value, 'base64').length : 0;
  if (bytes !== 20) {
    throw new InvalidInputError(
      `${variable} is not a Steam Guard secret: expected the maFile's ${field}, base64 of 20 bytes (28 characters ending in "=") or 40 hex digits`,
      variable,
    );
  }
  return value;
}

/** Trims, drops empty values and checks each secret's shape; registers them all for redaction. */
export function checkAccountSecrets(input: Partial<AccountSecrets>): Partial<AccountSecrets> {
  const out: Partial<AccountSecrets> = {};
  for (const [field, raw] of Object.entries(input) as [keyof AccountSecrets, string | undefined][]) {
    const value = raw?.trim();
    if (!value) continue;
    registerSecret(value);
    out[field] = value;
  }
  if (out.sharedSecret) guardSecret(out.sharedSecret, SECRET_VARIABLES.sharedSecret, 'shared_secret');
  if (out.identitySecret) guardSecret(out.identitySecret, SECRET_VARIABLES.identitySecret, 'identity_secret');
  if (out.apiKey && !API_KEY.test(out.apiKey)) {
    throw new InvalidInputError(
      `${SECRET_VARIABLES.apiKey} is not a Steam Web API key (32 hex characters, from steamcommunity.com/dev/apikey)`,
      SECRET_VARIABLES.apiKey,
    );
  }
  if (out.deviceId && !DEVICE_ID.test(out.deviceId)) {
    throw new InvalidInputError(
      `${SECRET_VARIABLES.deviceId} is not a device id (printable, no spaces, e.g. android:0a1b...)`,
      SECRET_VARIABLES.deviceId,
    );
  }
  return out;
}

/**
 * The session the cookies make, checked: it must be live now (an expired one is refused
 * before it is stored). `source` names where the cookies came from, for messages.
 */
export function sessionOf(
  secrets: Pick<AccountSecrets, 'cookies' | 'sessionId'>,
  source: string,
): SteamSession {
  return parseSteamSession({ cookies: secrets.cookies, sessionId: secrets.sessionId, source });
}

/** The labels of the optional secrets present, in a fixed order. */
export function presentSecrets(secrets: Partial<AccountSecrets>): string[] {
  return (Object.keys(SECRET_LABELS) as (keyof typeof SECRET_LABELS)[])
    .filter((field) => Boolean(secrets[field]))
    .map((field) => SECRET_LABELS[field]);
}
