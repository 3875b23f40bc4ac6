/**
 * @module steam/accounts/input
 * Where an account's secrets come from when the operator registers it: the environment
 * (the library's own variables, STEAM_COOKIES and friends) or standard input, as JSON or as
 * `KEY=value` lines — never command-line flags, which shells keep in their history and other
 * users see in the process list. JSON may be an authenticator's maFile: its `shared_secret`,
 * `identity_secret` and `device_id` are taken, the rest ignored.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { Env } from '../../core/env.js';
import { SECRET_VARIABLES, type AccountSecrets } from './secrets.js';

type Field = keyof AccountSecrets;

/** Every name a secret may go by: the variable, the field, and the maFile's spelling. */
const ALIASES: Record<string, Field> = {};
for (const [field, variable] of Object.entries(SECRET_VARIABLES) as [Field, string][]) {
  ALIASES[variable.toLowerCase()] = field;
  ALIASES[field.toLowerCase()] = field;
}
Object.assign(ALIASES, {
  shared_secret: 'sharedSecret',
  identity_secret: 'identitySecret',
  device_id: 'deviceId',
  api_key: 'apiKey',
  session_id: 'sessionId',
  sessionid: 'sessionId',
} satisfies Record<string, Field>);

/** The secrets set in the environment. */
export function secretsFromEnv(env: Env): Partial<AccountSecrets> {
  const out: Partial<AccountSecrets> = {};
  for (const [field, variable] of Object.entries(SECRET_VARIABLES) as [Field, string][]) {
    const value = env[variable]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

/**
 * The secrets in text read from standard input: a JSON object, or `KEY=value` lines (blank
 * lines and `#` comments skipped, `export ` and quotes around values allowed). Unknown keys
 * in lines are refused (a typo would otherwise drop a secret silently); JSON ignores them, so
 * a whole maFile can be piped in. Messages name keys, never values.
 */
export function secretsFromText(text: string): Partial<AccountSecrets> {
  const trimmed = text.trim();
  if (!trimmed) throw new InvalidInputError('standard input is empty: give JSON or KEY=value lines', 'stdin');
  return trimmed.startsWith('{') ? fromJson(trimmed) : fromLines(trimmed);
}

function fromJson(text: string): Partial<AccountSecrets> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidInputError('standard input starts with "{" but is not valid JSON', 'stdin');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidInputError('standard input must be a JSON object', 'stdin');
  }
  const out: Partial<AccountSecrets> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const field = ALIASES[key.toLowerCase()];
    if (!field) continue;
    if (typeof value !== 'string') {
      throw new InvalidInputError(`"${key}" in the JSON on standard input must be a string`, 'stdin');
    }
    out[field] = value;
  }
  return out;
}

function fromLines(text: string): Partial<AccountSecrets> {
  const out: Partial<AccountSecrets> = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      throw new InvalidInputError(`line ${index + 1} of standard input is not KEY=value`, 'stdin');
    }
    const key = line.slice(0, eq).trim();
    const field = ALIASES[key.toLowerCase()];
    if (!field) {
      throw new InvalidInputError(
        `line ${index + 1} of standard input: unknown key "${key.slice(0, 40)}" (expected ${Object.values(SECRET_VARIABLES).join(', ')})`,
        'stdin',
      );
    }
    out[field] = unquote(line.slice(eq + 1).trim());
  }
  return out;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
