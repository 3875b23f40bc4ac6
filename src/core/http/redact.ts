/**
 * @module core/http/redact
 * Secrets never reach a log line, an error or a response: every URL, header set and body
 * that leaves the transport passes through here first. A secret is found by its name (any
 * parameter, header or field whose name says key, token, secret, password, session, cookie...)
 * and by its value (shaped like a gateway key, a steamLoginSecure value or a JWT, or registered),
 * in any position (query, fragment, `;matrix` parameters, path segments, JSON fields, free
 * text) and any percent-encoding.
 */
import { redactEncodedNames, redactNamedValues } from './named-values.js';
import {
  decodeLoosely,
  hasSecretShape,
  isSecretName,
  mayHaveSecretShape,
  mentionsSecretName,
  SECRET_VALUES,
} from './secret-shapes.js';

const REDACTED = '[REDACTED]';
const REDACTED_IN_URL = encodeURIComponent(REDACTED);

export function isSecretParam(name: string): boolean {
  return isSecretName(name);
}

/**
 * Redacts an absolute URL, or a request target (`/path;m=1?query#fragment`) as a server sees
 * it. Every query, fragment and matrix parameter is checked by name and by value and every
 * path segment by value; the rest of the URL keeps its exact spelling.
 */
export function redactUrl(url: string | URL): string {
  const text = url.toString();
  if (text.startsWith('/')) return redactTarget(text);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return redactText(text);
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : '';
    parsed.password = parsed.password ? REDACTED : '';
  }
  const href = parsed.href;
  const target = parsed.pathname + parsed.search + parsed.hash;
  // URL encodes the brackets of the marker in user info; show it as written.
  const origin = href.slice(0, href.length - target.length).replaceAll(REDACTED_IN_URL, REDACTED);
  return redactText(origin + redactTarget(target));
}

function redactTarget(target: string): string {
  const hashAt = target.indexOf('#');
  const beforeHash = hashAt < 0 ? target : target.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  let out = path.split('/').map(redactSegment).join('/');
  if (queryAt >= 0) out += `?${redactParameters(beforeHash.slice(queryAt + 1))}`;
  // OAuth's implicit flow puts access_token in the fragment.
  if (hashAt >= 0) out += `#${redactParameters(target.slice(hashAt + 1))}`;
  return out;
}

/** `a=1&b=2` or `a=1;b=2`: each parameter on its own, separators kept. */
function redactParameters(query: string): string {
  const parts = query.split(/([&;])/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = redactParameter(parts[i]!);
  return parts.join('');
}

/** A path segment: its value, then any `;name=value` matrix parameters. */
function redactSegment(segment: string): string {
  if (!segment) return segment;
  return segment.includes(';') ? redactParameters(segment) : redactParameter(segment);
}

function redactParameter(part: string): string {
  const eq = part.indexOf('=');
  if (eq < 0) return part && isSecretValue(part) ? REDACTED : part;
  const value = part.slice(eq + 1);
  if (!value) return part;
  return isSecretName(part.slice(0, eq)) || isSecretValue(value)
    ? `${part.slice(0, eq + 1)}${REDACTED}`
    : part;
}

/** Shaped like a secret, registered, or (once decoded) a URL or query carrying one. */
function isSecretValue(value: string): boolean {
  const plain = value.includes('%') ? decodeLoosely(value) : value;
  if (hasSecretShape(plain) || holdsRegisteredSecret(plain)) return true;
  return (plain !== value || plain.includes('=')) && redactText(plain) !== plain;
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = isSecretName(name) ? REDACTED : redactText(String(value));
  }
  return out;
}

/** Registered secrets, each with the spellings it takes in a URL and in a JSON string. */
const registeredSecrets = new Map<string, string[]>();

/**
 * Registers a secret value (cookie, key, token) so that `redactText` removes it wherever it
 * appears, including inside upstream bodies that echo it back.
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || registeredSecrets.has(value)) return;
  const spellings = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  registeredSecrets.set(value, [...spellings]);
}

function holdsRegisteredSecret(text: string): boolean {
  for (const secret of registeredSecrets.keys()) if (text.includes(secret)) return true;
  return false;
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
/** A run of URL characters holding at least one percent escape: decoded, it may hide anything. */
const ENCODED_RUN = /[\w.~+|-]*(?:%[0-9A-Fa-f]{2}[\w.~+|-]*)+/g;

/** Redacts secret-named values, secret-shaped values and every registered secret from free text. */
export function redactText(text: string): string {
  let out = text;
  for (const spellings of registeredSecrets.values())
    for (const spelling of spellings) if (out.includes(spelling)) out = out.split(spelling).join(REDACTED);
  // Each pass first takes a cheap look: most log lines need none of them.
  const encoded = out.includes('%');
  if (mentionsSecretName(out)) out = redactNamedValues(out, REDACTED);
  if (encoded) out = redactEncodedNames(out, REDACTED);
  if (out.includes('Bearer')) out = out.replace(BEARER, `$1${REDACTED}`);
  if (mayHaveSecretShape(out)) out = out.replace(SECRET_VALUES, REDACTED);
  if (encoded) out = out.replace(ENCODED_RUN, redactEncodedRun);
  return out;
}

/** `%67s_...`, `api%255Fkey%3D...`: redacted whole when its decoded form holds a secret. */
function redactEncodedRun(run: string): string {
  const plain = decodeLoosely(run);
  return plain !== run && redactText(plain) !== plain ? REDACTED : run;
}

/**
 * The first `max` characters of an upstream body, redacted. Redacts before cutting (with room
 * for the longest registered secret or token), so a secret straddling the cut cannot leave its
 * start behind.
 */
export function redactedExcerpt(text: string, max = 500): string {
  let longest = 2048;
  for (const secret of registeredSecrets.keys()) longest = Math.max(longest, secret.length);
  return redactText(text.slice(0, max + longest)).slice(0, max);
}
