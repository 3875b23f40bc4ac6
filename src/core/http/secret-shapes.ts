/**
 * @module core/http/secret-shapes
 * What a secret looks like, by name and by value, whatever its encoding: the words that make a
 * parameter, header or field name secret, the shapes of secret values (our gateway keys, a
 * steamLoginSecure value, a JWT), and a percent-decoder that sees through any number of layers.
 */

/**
 * A name is secret when it contains one of these, in any case: `api_key`, `apikey`, `x-api-key`,
 * `access_token`, `sessionid`, `client_secret`, `password`, `steamLoginSecure`, `steamMachineAuth`...
 */
export const SECRET_NAME =
  /key|token|secret|pass(?:word|wd|phrase)|pwd|session|cookie|auth|credential|signature|loginsecure|steamrefresh/i;

/** Our own gateway keys (store/api-keys.ts: `gs_` + 32 base64url characters; 16 already identify one). */
const GATEWAY_KEY = String.raw`(?<![A-Za-z0-9])gs_[A-Za-z0-9_-]{16,}`;
/** A steamLoginSecure value: the SteamID64, `||` (usually sent as `%7C%7C`), then the access token. */
const STEAM_LOGIN = String.raw`\d{17}(?:\|\||%7[Cc]%7[Cc])[A-Za-z0-9._~+/=%-]+`;
/** A JWT (Steam's access and refresh tokens): base64url header (`{"` encodes as `eyJ`), payload, signature. */
const JWT = String.raw`eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`;

/** Every secret-shaped value in a text (global: for replace). */
export const SECRET_VALUES = new RegExp(`${GATEWAY_KEY}|${STEAM_LOGIN}|${JWT}`, 'g');
const SECRET_VALUE = new RegExp(`${GATEWAY_KEY}|${STEAM_LOGIN}|${JWT}`);

/** The same words, for scanning a text (global, any case). */
export const SECRET_NAME_WORDS = new RegExp(SECRET_NAME.source, 'gi');
/** Substrings of the words above, for a first look that is cheaper than the regex. */
const WORD_STEMS = [
  'key',
  'token',
  'secret',
  'pass',
  'pwd',
  'session',
  'cookie',
  'auth',
  'credential',
  'signature',
  'loginsecure',
  'steamrefresh',
];

/** A cheap first look (log lines pass here): whether any secret word occurs at all, in any case. */
export function mentionsSecretName(text: string): boolean {
  const lower = text.toLowerCase();
  for (const stem of WORD_STEMS) if (lower.includes(stem)) return true;
  return false;
}

/** A cheap first look: whether a secret-shaped value may occur (`%7C%7C` comes with its `eyJ`). */
export function mayHaveSecretShape(text: string): boolean {
  return text.includes('gs_') || text.includes('eyJ') || text.includes('||');
}

const ESCAPE = /%([0-9A-Fa-f]{2})/g;

/**
 * Percent-decodes every layer (double-encoded `%2567` too, at most 4 deep), byte by byte: it
 * never throws on a malformed escape, and the shapes it serves are ASCII.
 */
export function decodeLoosely(text: string): string {
  let current = text;
  for (let layer = 0; layer < 4 && current.includes('%'); layer++) {
    const next = current.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Names too short to look for in free text, secret where they are a parameter's whole name:
 * `k`, a Steam Guard confirmation key (`/mobileconf/getlist?k=`), made from the identity secret.
 */
const EXACT_SECRET_NAMES = new Set(['k']);

/** Whether a parameter, header or field name marks its value as secret (`+` and escapes seen through). */
export function isSecretName(name: string): boolean {
  const plain = name.includes('%') ? decodeLoosely(name) : name;
  return SECRET_NAME.test(plain) || EXACT_SECRET_NAMES.has(plain.toLowerCase());
}

/** Whether a value is shaped like a secret, once decoded. */
export function hasSecretShape(value: string): boolean {
  return SECRET_VALUE.test(value);
}
