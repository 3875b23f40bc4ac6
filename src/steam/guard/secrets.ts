/**
 * @module steam/guard/secrets
 * The authenticator's secrets (a maFile's `shared_secret` and `identity_secret`): checked for
 * shape before anything is sent, registered for redaction, never quoted in a message.
 * steam-totp reads 40 hex digits as hex and anything else as base64; Steam's secrets are 20
 * bytes, so anything that does not decode to 20 bytes is a copying mistake.
 */
import { InvalidInputError } from '../../core/errors.js';
import { registerSecret } from '../../core/http/redact.js';

export type SecretVariable = 'STEAM_SHARED_SECRET' | 'STEAM_IDENTITY_SECRET';

const FIELD: Record<SecretVariable, string> = {
  STEAM_SHARED_SECRET: 'shared_secret',
  STEAM_IDENTITY_SECRET: 'identity_secret',
};
const HEX = /^[0-9a-f]{40}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The secret, checked and registered; `what` names what needs it, for the message when it is missing. */
export function requireSecret(value: string | undefined, variable: SecretVariable, what: string): string {
  const secret = value?.trim();
  if (!secret) {
    throw new InvalidInputError(
      `${what} needs ${variable}: the authenticator's ${FIELD[variable]} (from its maFile), in the environment`,
      variable,
    );
  }
  registerSecret(secret);
  const bytes = HEX.test(secret) ? 20 : BASE64.test(secret) ? Buffer.from(secret, 'base64').length : 0;
  if (bytes !== 20) {
    throw new InvalidInputError(
      `${variable} is not a Steam Guard secret: expected the maFile's ${FIELD[variable]}, base64 of 20 bytes (28 characters ending in "=") or 40 hex digits`,
      variable,
    );
  }
  return secret;
}
