/**
 * @module test/steam-tokens
 * Steam-shaped access tokens and steamLoginSecure cookies for tests (unsigned: clients only
 * read the claims, the emulator checks them against its own accounts).
 */
export function steamJwt(claims: { sub: string; exp?: number; [claim: string]: unknown }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = { iss: 'r:0123-4567', aud: ['web:community'], iat: 1_700_000_000, ...claims };
  return `${part({ typ: 'JWT', alg: 'EdDSA' })}.${part(body)}.${Buffer.from('signature').toString('base64url')}`;
}

/** `steamLoginSecure` as the browser stores it: `<steamid>%7C%7C<jwt>`. */
export function steamLoginSecure(steamid: string, expiresAtSeconds = Math.floor(Date.now() / 1000) + 86_400) {
  return `${steamid}%7C%7C${steamJwt({ sub: steamid, exp: expiresAtSeconds })}`;
}
