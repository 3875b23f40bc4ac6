/**
 * @module emulator/steam/guard/totp
 * Steam Guard's arithmetic as the emulator checks it (UPSTREAM.md, Steam Guard): login codes
 * are HMAC-SHA1 of floor(time / 30) under the shared secret, five characters of
 * `23456789BCDFGHJKMNPQRTVWXY`; confirmation keys are the base64 HMAC-SHA1 of the 8-byte
 * big-endian time followed by the tag (at most 32 bytes of it) under the identity secret.
 * Written here from that description, not with the client's steam-totp, so the two can
 * disagree and a test can catch it.
 */
import { createHash, createHmac } from 'node:crypto';

const CODE_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const HEX_SECRET = /^[0-9a-f]{40}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The tag part of a confirmation key is cut at 32 bytes. */
const MAX_TAG_BYTES = 32;

/** A maFile secret: 40 hex digits, or base64 of 20 bytes. */
export function isSecretText(text: string): boolean {
  if (HEX_SECRET.test(text)) return true;
  return BASE64.test(text) && Buffer.from(text, 'base64').length === 20;
}

export function secretBytes(text: string): Buffer {
  return HEX_SECRET.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

function timeBytes(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(Math.max(0, Math.floor(value))));
  return bytes;
}

/** The five-character login code for a Unix time (seconds). */
export function loginCodeAt(sharedSecret: string, time: number): string {
  const mac = createHmac('sha1', secretBytes(sharedSecret))
    .update(timeBytes(Math.floor(time / 30)))
    .digest();
  const start = (mac[19] ?? 0) & 0x0f;
  let value = mac.readUInt32BE(start) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += CODE_ALPHABET[value % CODE_ALPHABET.length];
    value = Math.floor(value / CODE_ALPHABET.length);
  }
  return code;
}

/** The confirmation key (`k`) for a Unix time (seconds) and tag. */
export function confirmationKeyAt(identitySecret: string, time: number, tag: string): string {
  const tagBytes = Buffer.from(tag, 'utf8').subarray(0, MAX_TAG_BYTES);
  return createHmac('sha1', secretBytes(identitySecret))
    .update(Buffer.concat([timeBytes(time), tagBytes]))
    .digest('base64');
}

/** A secret that is the same for the same SteamID every run (base64 of 20 bytes). */
export function derivedSecret(kind: 'shared' | 'identity', steamid: string): string {
  return createHash('sha1').update(`gamestash-emulator:${kind}_secret:${steamid}`).digest('base64');
}
