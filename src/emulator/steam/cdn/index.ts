/**
 * @module emulator/steam/cdn
 * Steam's community image CDN: `GET /economy/image/{icon_url}` and
 * `/economy/image/{icon_url}/{W}fx{H}f`, where `icon_url` is a description's token. Steam
 * answers a PNG; the emulator draws one from the token (emulator/steam/cdn/picture.ts) so
 * viewers and tests see a distinct picture per item without leaving loopback. Point
 * `GAMESTASH_STEAM_CDN_URL` at the emulator.
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../../types.js';
import { drawIcon } from './picture.js';
import { encodePng } from './png.js';

const ROUTE = /^\/economy\/image\/([A-Za-z0-9_-]{1,1024})(?:\/(\d{1,4})fx(\d{1,4})f)?\/?$/;
/** Steam's size without a suffix. */
const DEFAULT_SIZE = { width: 512, height: 384 };
const MAX_SIDE = 1024;
const CACHED = 512;

export interface CdnModule extends EmulatorModule {
  stats(): { requests: number };
}

export function createSteamCdnModule(): CdnModule {
  const cache = new Map<string, Buffer>();
  let requests = 0;
  return {
    name: 'steam-cdn',
    handle(req: EmulatorRequest): EmulatorReply | undefined {
      const match = ROUTE.exec(req.url.pathname);
      if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
      requests++;
      const [, hash = '', w, h] = match;
      const width = w ? Number(w) : DEFAULT_SIZE.width;
      const height = h ? Number(h) : DEFAULT_SIZE.height;
      if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
        return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'bad size' };
      }
      const key = `${hash}/${width}x${height}`;
      let png = cache.get(key);
      if (!png) {
        png = encodePng(width, height, drawIcon(hash, width, height));
        if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(key, png);
      }
      return {
        status: 200,
        headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000' },
        body: png,
      };
    },
    reset() {
      requests = 0;
    },
    stats: () => ({ requests }),
  };
}
