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
