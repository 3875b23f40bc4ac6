/**
 * @module webhooks/signature
 * Webhook signatures, as Stripe signs its own: HMAC-SHA256 with the webhook's secret over
 * `${timestamp}.${body}`, sent as `Gamestash-Signature: t=<unix seconds>,v1=<hex>`. The
 * timestamp is signed too, so a captured delivery cannot be replayed later than the
 * receiver's tolerance. While a rotated secret is still honoured, a delivery carries one
 * `v1=` per secret; a receiver accepts it when any matches its secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Gamestash-Signature';
export const EVENT_ID_HEADER = 'Gamestash-Event-Id';
export const EVENT_TYPE_HEADER = 'Gamestash-Event-Type';
export const SECRET_PREFIX = 'whsec_';
/** How old a signature a receiver accepts by default: 5 minutes, as Stripe's libraries. */
export const DEFAULT_TOLERANCE_SEC = 300;

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

function hmac(secret: string, timestamp: number, body: string | Uint8Array): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return mac.digest('hex');
}

/** The header value for a body signed at `timestamp` (unix seconds) with one or more secrets. */
export function signWebhookBody(
  secrets: string | readonly string[],
  body: string | Uint8Array,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${timestamp}`, ...list.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(',');
}

export interface VerifyOptions {
  /** Oldest (and furthest in the future) a timestamp may be, in seconds. Default 300. */
  toleranceSec?: number;
  /** The receiver's clock, unix seconds (tests). */
  now?: number;
}

/**
 * Why a signature does not verify, or undefined when it does: `missing header`, `malformed
 * header`, `timestamp outside the tolerance`, `no matching signature`.
 */
export function webhookSignatureProblem(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  options: VerifyOptions = {},
): string | undefined {
  if (!header) return 'missing header';
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return 'malformed header';
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSec ?? DEFAULT_TOLERANCE_SEC))
    return 'timestamp outside the tolerance';
  const expected = Buffer.from(hmac(secret, timestamp, rawBody), 'hex');
  // Constant-time against each candidate (all 32 bytes: the regex above fixed the length).
  let match = false;
  for (const candidate of signatures)
    match = timingSafeEqual(expected, Buffer.from(candidate, 'hex')) || match;
  return match ? undefined : 'no matching signature';
}

/**
 * True when `header` (the `Gamestash-Signature` value) signs `rawBody` with `secret`, at a time
 * within `toleranceSec` of now. Pass the body exactly as received (bytes or text), before any
 * JSON parsing: re-serialized JSON does not verify.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  options: VerifyOptions = {},
): boolean {
  return webhookSignatureProblem(secret, header, rawBody, options) === undefined;
}
