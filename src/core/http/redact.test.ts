import { describe, expect, it } from 'vitest';
import { redactedExcerpt, redactHeaders, redactText, redactUrl, registerSecret } from './redact.js';

describe('redaction', () => {
  it('removes keys and tokens from URLs', () => {
    const url = redactUrl(
      'https://api.steampowered.com/IEconService/GetTradeOffers/v1/?key=ABCDEF123&access_token=eyJ.x.y&x=1',
    );
    expect(url).not.toContain('ABCDEF123');
    expect(url).not.toContain('eyJ.x.y');
    expect(url).toContain('x=1');
  });

  it('removes credentials from headers', () => {
    const headers = redactHeaders({ cookie: 'steamLoginSecure=abc', 'x-api-key': 'k', accept: 'json' });
    expect(headers).toEqual({ cookie: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'json' });
  });

  it('removes cookie values, bearer tokens and registered secrets from text', () => {
    registerSecret('super-secret-value-42');
    const text = redactText(
      'Cookie: steamLoginSecure=76561198%7C%7CeyJhbGc; sessionid=abc123 Authorization: Bearer tok.en.x echo super-secret-value-42',
    );
    expect(text).not.toMatch(/eyJhbGc|abc123|tok\.en\.x|super-secret-value-42/);
  });

  it('cuts an excerpt only after redacting, so a secret across the cut leaves nothing behind', () => {
    registerSecret('straddling-secret-0123456789');
    const body = `${'x'.repeat(490)}straddling-secret-0123456789 and more`;
    const excerpt = redactedExcerpt(body);
    expect(excerpt).toHaveLength(500);
    expect(excerpt).not.toContain('straddling');
    expect(excerpt.startsWith('x'.repeat(490))).toBe(true);
  });
});

describe('redaction by name and by value, in any position and encoding', () => {
  const KEY = 'gs_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
  const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiI3NjU2MTE5ODAwMDAwMDAwMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const LOGIN = `76561198000000001%7C%7C${JWT}`;

  it.each([
    ['?api-key=', `/x?api-key=opaque-value-1&a=1`, '/x?api-key=[REDACTED]&a=1'],
    ['?apikey=', `/x?APIKEY=opaque-value-1`, '/x?APIKEY=[REDACTED]'],
    ['?x-api-key=', `/x?x-api-key=opaque-value-1`, '/x?x-api-key=[REDACTED]'],
    ['a name never thought of', `/x?MySessionThing=opaque-value-1&b=2`, '/x?MySessionThing=[REDACTED]&b=2'],
    ['an encoded name', `/x?api%5Fkey=opaque&b=2`, '/x?api%5Fkey=[REDACTED]&b=2'],
    ['a double-encoded name', `/x?%2561pi_token=opaque`, '/x?%2561pi_token=[REDACTED]'],
    ['a space as +', `/x?client+secret=opaque`, '/x?client+secret=[REDACTED]'],
    ['a ;matrix parameter', `/inventory;api_key=opaque?steamid=1`, '/inventory;api_key=[REDACTED]?steamid=1'],
    ['our key under a plain name', `/x?q=${KEY}`, '/x?q=[REDACTED]'],
    ['our key in a path segment', `/v1/keys/${KEY}/use`, '/v1/keys/[REDACTED]/use'],
    ['our key escaped character by character', `/x/%67%73%5f${KEY.slice(3)}`, '/x/[REDACTED]'],
    ['our key double-encoded', `/x?q=${encodeURIComponent(encodeURIComponent(KEY))}`, '/x?q=[REDACTED]'],
    ['a steamLoginSecure value', `/x?c=${LOGIN}`, '/x?c=[REDACTED]'],
    ['a JWT', `/x?t2=${JWT}&z=1`, '/x?t2=[REDACTED]&z=1'],
    ['a token in the fragment', `/cb#access_token=opaque&x=1`, '/cb#access_token=[REDACTED]&x=1'],
    [
      'a URL inside a parameter',
      `/x?next=${encodeURIComponent('/cb?token=opaque')}&a=1`,
      '/x?next=[REDACTED]&a=1',
    ],
  ])('redactUrl: %s', (_what, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
    expect(redactUrl(`https://gateway.example${url}`)).toBe(`https://gateway.example${expected}`);
  });

  it('keeps everything else exactly as it was spelled', () => {
    const url = '/v1/steam/inventory/76561198000000001/730/2?name=Desert%20Eagle&type=Rifle+Skin&limit=10';
    expect(redactUrl(url)).toBe(url);
    expect(
      redactUrl('https://steamcommunity.com/inventory/76561198000000001/730/2?l=english&count=2000'),
    ).toBe('https://steamcommunity.com/inventory/76561198000000001/730/2?l=english&count=2000');
  });

  it('redactText finds secrets by name in cookies, bodies and JSON, and by shape anywhere', () => {
    const text = redactText(
      [
        `Cookie: steamLoginSecure=${LOGIN}; sessionid=abc123def; steamCountry=NL`,
        `form: grant=1&client_secret=s3cr3t-value&x=2`,
        `json: {"X-Custom-Token":"tok-123456","name":"AK-47","refresh_token":"r-123456"}`,
        `free: ${KEY} then ${JWT} and ${encodeURIComponent(KEY)} and %67s%5F${KEY.slice(3)}`,
      ].join('\n'),
    );
    expect(text).not.toMatch(/abc123def|s3cr3t-value|tok-123456|r-123456|AbCdEfGh|c2lnbmF0dXJl/);
    expect(text).toContain('steamCountry=NL');
    expect(text).toContain('"name":"AK-47"');
    expect(text).toContain('grant=1&client_secret=[REDACTED]&x=2');
  });

  it('leaves hints that name a parameter without a value readable', () => {
    const hint = 'pass it as api_key=... or the x-api-key header; the key is shown once (gs_...)';
    expect(redactText(hint)).toBe(hint);
  });

  it('redacts a registered secret in its URL and JSON spellings too', () => {
    registerSecret('pa ss/word+"quoted"');
    const text = redactText(
      `${encodeURIComponent('pa ss/word+"quoted"')} ${JSON.stringify('pa ss/word+"quoted"')}`,
    );
    expect(text).not.toContain('word');
  });

  it('redacts headers by the words in their names, and secret-shaped values under any name', () => {
    expect(
      redactHeaders({
        'x-gamestash-session': 'abc',
        'x-whatever': KEY,
        'x-steam-cookie': 'a=b',
        accept: 'json',
      }),
    ).toEqual({
      'x-gamestash-session': '[REDACTED]',
      'x-whatever': '[REDACTED]',
      'x-steam-cookie': '[REDACTED]',
      accept: 'json',
    });
  });
});
