/**
 * @module webhooks/targets
 * Where a webhook may point. An http(s) URL without credentials, whose host is not on
 * loopback or a private, link-local or otherwise internal range (the gateway must not become
 * a way into the operator's network: SSRF). A host name is resolved and every address it
 * resolves to is checked, at creation and again at each delivery, on the connection itself
 * (`guardedLookup`), so a name that later resolves to 127.0.0.1 (DNS rebinding) is refused
 * too. The operator may allow private targets (GAMESTASH_WEBHOOK_ALLOW_PRIVATE=1).
 */
import { lookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { InvalidInputError } from '../core/errors.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  internal.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local and other internal ranges (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A private target refused (400 `private_target` on the gateway). */
export class PrivateTargetError extends InvalidInputError {
  constructor(host: string, address: string) {
    super(
      `webhook URL host ${host} is${host === address ? '' : ` (it resolves to ${address})`} on loopback or a private network: ` +
        'such targets are refused unless the gateway operator allows them (GAMESTASH_WEBHOOK_ALLOW_PRIVATE=1); use a public address',
      'url',
    );
  }
}

/** Parses and checks a webhook URL's form (before any DNS lookup). */
export function parseWebhookUrl(text: string): URL {
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    throw new InvalidInputError(`url is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`, 'url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(`url is not a URL (got "${text.slice(0, 80)}"): give an http(s) URL`, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInputError(
      `url must be http:// or https:// (got ${url.protocol.replace(/:$/, '')}://...)`,
      'url',
    );
  if (url.username || url.password)
    throw new InvalidInputError(
      'url must not carry credentials (user:password@): verify the Gamestash-Signature header instead',
      'url',
    );
  return url;
}

/** The host of a URL as `dns.lookup` and `isIP` take it (IPv6 without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type LookupAll = (host: string) => Promise<LookupAddress[]>;

const lookupAll: LookupAll = (host) =>
  new Promise((resolve, reject) =>
    lookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Resolves the URL's host and refuses it when any address is internal (unless allowed);
 * a host that does not resolve is bad input too.
 */
export async function checkWebhookTarget(
  url: URL,
  options: { allowPrivate: boolean; lookup?: LookupAll },
): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) {
    if (!options.allowPrivate && isPrivateAddress(host)) throw new PrivateTargetError(host, host);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await (options.lookup ?? lookupAll)(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
    throw new InvalidInputError(`url's host ${host} does not resolve (${code}): check the name`, 'url');
  }
  if (options.allowPrivate) return;
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new PrivateTargetError(host, bad.address);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `net.connect`/`tls.connect` that refuses internal addresses: the address
 * checked is the address connected to, so a name cannot resolve one way at the check and
 * another at the connection. Node asks with `all: true` when it races address families.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOptions | LookupAllOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) {
      const { message } = new PrivateTargetError(hostname, bad.address);
      return callback(Object.assign(new Error(message), { code: 'EPRIVATETARGET' }), []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
