/**
 * @module gateway/routes/steam-icons
 * `GET /v1/steam/icons/{hash}?size=128fx96f`: an item's icon from Steam's image CDN
 * (`GAMESTASH_STEAM_CDN_URL`), kept in memory, so the viewer's pages load no image from
 * another origin (their CSP says `img-src 'self'`). Public, like the viewer's own files: an
 * `<img>` cannot send an API key. What it can reach is narrow: only the CDN's
 * `/economy/image/` path, a token and a size that match tight patterns, raster answers only,
 * a few upstream fetches at a time, one fetch per image while it is cached.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { fetchEconomyImage, type EconomyImage } from '../../steam/community/economy-image.js';
import { errorResponses } from '../schemas/common.js';
import { MemoryCache } from '../services/memory-cache.js';
import { methodNotAllowed } from './method-not-allowed.js';

const URL_PATTERN = '/v1/steam/icons/:hash';
/** Icons are a few KB each: 32 MB holds thousands. */
const CACHE_BYTES = 32 * 1024 * 1024;
/** Upstream fetches in flight at once; a scrolling grid asks for many icons together. */
const MAX_IN_FLIGHT = 8;
/** Browsers may keep an icon a day: a token names one picture. */
const CACHE_CONTROL = 'public, max-age=86400';

const schema = {
  summary: "An item's icon, from Steam's image CDN through the gateway (no API key)",
  tags: ['inventory'],
  params: Type.Object({
    hash: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,1024}$',
      maxLength: 1024,
      description: "the icon_url token of an item's description (the end of an item's iconUrl)",
    }),
  }),
  querystring: Type.Object({
    size: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,2}fx[1-9][0-9]{0,2}f$',
        maxLength: 9,
        description: "the CDN's size, e.g. 128fx96f (width and height up to 512); Steam's default without it",
      }),
    ),
  }),
  response: { 400: errorResponses[400], 404: errorResponses[404], 502: errorResponses[502] },
};

export async function steamIconRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  const cache = new MemoryCache<EconomyImage & { weight: number }>(CACHE_BYTES);
  const flights = new Map<string, Promise<EconomyImage>>();
  const slots = new Slots(MAX_IN_FLIGHT);

  const load = (hash: string, size: string | undefined): Promise<EconomyImage> => {
    const key = `${hash}/${size ?? ''}`;
    const hit = cache.get(key);
    if (hit) return Promise.resolve(hit);
    let flight = flights.get(key);
    if (!flight) {
      flight = slots
        .run(() =>
          fetchEconomyImage(services.http, { cdnUrl: services.config.core.steam.cdnUrl, hash, size }),
        )
        .then((image) => {
          cache.set(key, { ...image, weight: image.bytes.length + key.length });
          return image;
        })
        .finally(() => flights.delete(key));
      flights.set(key, flight);
    }
    return flight;
  };

  fastify.get(URL_PATTERN, { schema }, async (request, reply) => {
    const image = await load(request.params.hash, request.query.size);
    reply
      .header('content-type', image.contentType)
      .header('cache-control', CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cross-origin-resource-policy', 'same-origin');
    return image.bytes;
  });
  methodNotAllowed(fastify, URL_PATTERN);
}

/** At most `limit` tasks at a time; the rest wait their turn in order. */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
