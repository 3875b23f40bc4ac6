/**
 * @module core/http/redact
 * Secrets never reach a log line, an error or a response: every URL, header set and body
 * that leaves the transport passes through here first.
 */

const REDACTED = '[REDACTED]';

/** Query parameters that carry credentials on Steam and Roblox URLs. */
const SECRET_PARAMS = new Set([
  'key',
  'api_key',
  'apikey',
  'access_token',
  'token',
  'sessionid',
  'oauth_token',
  // A mobile confirmation key (`/mobileconf/*?k=`): made from the identity secret.
  'k',
]);

/** Headers that carry credentials. */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'x-api-key', 'proxy-authorization']);

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}

export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url.toString());
  } catch {
    return redactText(url.toString());
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : '';
    parsed.password = parsed.password ? REDACTED : '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (isSecretParam(name)) parsed.searchParams.set(name, REDACTED);
  }
  // URL encodes the brackets of the marker in user info and query; show it as written.
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : String(value);
  }
  return out;
}

const registeredSecrets = new Set<string>();

/**
 * Registers a secret value (cookie, key, token) so that `redactText` removes it wherever it
 * appears, including inside upstream bodies that echo it back.
 */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) registeredSecrets.add(value);
}

const INLINE_PATTERNS: RegExp[] = [
  /(steamLoginSecure=)[^;\s"']+/gi,
  /(sessionid=)[^;&\s"']+/gi,
  /([?&](?:key|api_key|access_token|token|k)=)[^&\s"']+/gi,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g,
  /("(?:api_key|access_token|shared_secret|identity_secret|password)"\s*:\s*")[^"]*/gi,
];

/** Redacts known secret shapes and every registered secret from free text. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) out = out.split(secret).join(REDACTED);
  for (const pattern of INLINE_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}

/**
 * The first `max` characters of an upstream body, redacted. Redacts before cutting (with room
 * for the longest registered secret), so a secret straddling the cut cannot leave its start behind.
 */
export function redactedExcerpt(text: string, max = 500): string {
  let longest = 0;
  for (const secret of registeredSecrets) longest = Math.max(longest, secret.length);
  return redactText(text.slice(0, max + longest)).slice(0, max);
}
