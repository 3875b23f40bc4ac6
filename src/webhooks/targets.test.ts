/**
 * Webhook targets: only http(s) URLs without credentials; loopback, private and link-local
 * addresses refused, IPv4-mapped IPv6 too, and a name that resolves to one (real DNS:
 * `localhost`); allowed when the operator says so. A sender that is not allowed private
 * targets refuses them on the connection itself (what stops DNS rebinding).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.js';
import { WebhookSender } from './sender.js';
import { checkWebhookTarget, isPrivateAddress, parseWebhookUrl, PrivateTargetError } from './targets.js';

describe('webhook targets', () => {
  it('knows the internal ranges', () => {
    for (const address of [
      '127.0.0.1',
      '127.9.9.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '1.1.1.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses URLs that are not http(s), not URLs, or carry credentials', () => {
    expect(() => parseWebhookUrl('ftp://example.com/hook')).toThrow(
      /must be http:\/\/ or https:\/\/ \(got ftp/,
    );
    expect(() => parseWebhookUrl('not a url')).toThrow(/is not a URL/);
    expect(() => parseWebhookUrl('https://user:pw@example.com/')).toThrow(/must not carry credentials/);
    expect(() => parseWebhookUrl(`https://example.com/${'a'.repeat(2100)}`)).toThrow(/longer than 2048/);
    expect(parseWebhookUrl('https://example.com/hook').href).toBe('https://example.com/hook');
  });

  it('refuses private literals and names resolving to them, unless allowed', async () => {
    const refused = (text: string) => checkWebhookTarget(new URL(text), { allowPrivate: false });
    await expect(refused('http://127.0.0.1:8080/')).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(refused('http://[::1]/')).rejects.toThrow(/::1 is on loopback or a private network/);
    await expect(refused('http://[::ffff:192.168.0.1]/')).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(refused('http://0x7f.1/')).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(refused('http://localhost:9/')).rejects.toThrow(
      /localhost is \(it resolves to (127\.0\.0\.1|::1)\).*GAMESTASH_WEBHOOK_ALLOW_PRIVATE=1/,
    );
    await expect(refused('http://no-such-host.invalid/')).rejects.toThrow(/does not resolve/);
    const error = await refused('http://10.0.0.1/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe('url');
    await expect(
      checkWebhookTarget(new URL('http://localhost:9/'), { allowPrivate: true }),
    ).resolves.toBeUndefined();
  });

  it('refuses a private address on the connection, by name or literal, unless allowed', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const request = { body: '{}', eventId: 'e1', type: 'newOffer', secrets: ['whsec_x'], attempt: 1 };
    const strict = new WebhookSender({ timeoutMs: 2_000, allowPrivate: false });
    const open = new WebhookSender({ timeoutMs: 2_000, allowPrivate: true });
    try {
      const byName = await strict.send({ ...request, url: `http://localhost:${port}/` });
      expect(byName.ok).toBe(false);
      expect(byName.error).toMatch(/on loopback or a private network/);
      const literal = await strict.send({ ...request, url: `http://127.0.0.1:${port}/` });
      expect(literal.error).toMatch(/on loopback or a private network/);
      expect(hits).toBe(0);
      expect(await open.send({ ...request, url: `http://127.0.0.1:${port}/` })).toEqual({
        ok: true,
        status: 200,
      });
      expect(hits).toBe(1);
    } finally {
      await strict.close();
      await open.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
