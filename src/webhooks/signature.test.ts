/**
 * Webhook signatures: what the gateway signs verifies with the receivers' function, and
 * nothing else does (a changed body, another secret, an old or future timestamp, a
 * malformed header); a rotated secret's second `v1` verifies with either secret.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newWebhookSecret,
  signWebhookBody,
  verifyWebhookSignature,
  webhookSignatureProblem,
} from './signature.js';

const secret = newWebhookSecret();
const body = '{"id":"evt_1","type":"newOffer","created":"2026-01-01T00:00:00.000Z","data":{"offer":1}}';
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('is Stripe-shaped: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const header = signWebhookBody(secret, body, now);
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(header).toBe(`t=${now},v1=${expected}`);
  });

  it('verifies what was signed, as text or bytes', () => {
    const header = signWebhookBody(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), { now: now + 299 })).toBe(true);
  });

  it('refuses a tampered body, another secret, an old or future timestamp, a malformed header', () => {
    const header = signWebhookBody(secret, body, now);
    expect(webhookSignatureProblem(secret, header, body.replace('1}', '2}'), { now })).toBe(
      'no matching signature',
    );
    expect(webhookSignatureProblem(newWebhookSecret(), header, body, { now })).toBe('no matching signature');
    expect(webhookSignatureProblem(secret, header, body, { now: now + 301 })).toBe(
      'timestamp outside the tolerance',
    );
    expect(webhookSignatureProblem(secret, header, body, { now: now - 301 })).toBe(
      'timestamp outside the tolerance',
    );
    expect(verifyWebhookSignature(secret, header, body, { now: now + 3600, toleranceSec: 4000 })).toBe(true);
    expect(webhookSignatureProblem(secret, undefined, body)).toBe('missing header');
    expect(webhookSignatureProblem(secret, 'v1=abc', body, { now })).toBe('malformed header');
    expect(webhookSignatureProblem(secret, `t=${now}`, body, { now })).toBe('malformed header');
    // The timestamp is signed: moving it forward breaks the signature.
    const moved = header.replace(`t=${now}`, `t=${now + 10}`);
    expect(webhookSignatureProblem(secret, moved, body, { now })).toBe('no matching signature');
  });

  it('carries one v1 per secret while a rotated one is honoured', () => {
    const old = newWebhookSecret();
    const header = signWebhookBody([secret, old], body, now);
    expect(header.split(',')).toHaveLength(3);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(old, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(newWebhookSecret(), header, body, { now })).toBe(false);
  });
});
