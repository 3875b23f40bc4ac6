/**
 * @module steam/community/economy-image
 * Item icons from Steam's community image CDN: `{cdn}/economy/image/{icon_url}[/{W}fx{H}f]`,
 * where `icon_url` is the token of an item's description (normalized items carry the full
 * URL in `iconUrl`). Only raster images are accepted: an SVG (which can carry script) or an
 * HTML error page is refused, so a caller may serve the bytes from its own origin.
 */
import {
  InvalidInputError,
  MalformedResponseError,
  NotFoundError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { HttpClient } from '../../core/http/client.js';

/** Steam's tokens are base64url-like; real ones run 100–300 characters. */
export const ICON_HASH_PATTERN = /^[A-Za-z0-9_-]{8,1024}$/;
/** The CDN's resize suffix, e.g. `128fx96f` (width × height, "fit"). */
export const ICON_SIZE_PATTERN = /^([1-9]\d{0,2})fx([1-9]\d{0,2})f$/;
/** The types passed on; anything else (SVG, HTML, JSON) is an error. */
export const RASTER_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** Item icons are a few KB; a bigger answer is not an icon. */
export const MAX_ICON_BYTES = 1024 * 1024;

export interface EconomyImage {
  contentType: (typeof RASTER_TYPES)[number];
  bytes: Buffer;
}

export interface EconomyImageRequest {
  cdnUrl: string;
  hash: string;
  /** e.g. `128fx96f`; Steam's default size when absent. */
  size?: string | undefined;
  signal?: AbortSignal;
}

/** The `icon_url` token of a full icon URL (`.../economy/image/<token>`), or undefined. */
export function iconHashOf(iconUrl: string | undefined): string | undefined {
  const match = iconUrl ? /\/economy\/image\/([A-Za-z0-9_-]+)\/?$/.exec(iconUrl) : null;
  return match?.[1];
}

export async function fetchEconomyImage(
  http: HttpClient,
  request: EconomyImageRequest,
): Promise<EconomyImage> {
  if (!ICON_HASH_PATTERN.test(request.hash)) {
    throw new InvalidInputError(
      'icon hash must be the icon_url token of an item (8 to 1024 letters, digits, - and _)',
      'hash',
    );
  }
  const size = request.size;
  const parsed = size === undefined ? undefined : ICON_SIZE_PATTERN.exec(size);
  if (size !== undefined && (!parsed || Number(parsed[1]) > 512 || Number(parsed[2]) > 512)) {
    throw new InvalidInputError('size must look like 128fx96f (width and height up to 512)', 'size');
  }
  const url = new URL(`${request.cdnUrl}/economy/image/${request.hash}${size ? `/${size}` : ''}`);
  let bytes: Buffer | undefined;
  return http.request(
    {
      service: 'steam-community',
      url,
      headers: { accept: 'image/webp,image/png,image/*;q=0.8' },
      ...(request.signal ? { signal: request.signal } : {}),
      // The transport decodes bodies as text: keep the raw bytes of the image.
      onBody: (raw) => {
        bytes = raw;
        return false;
      },
    },
    (res) => {
      const options = { service: 'steam-community' as const, status: res.status, request: res.request };
      if (res.status === 404) throw new NotFoundError('Steam has no image for this icon', options);
      if (res.status >= 500) {
        throw new UpstreamUnavailableError(`Steam's image CDN answered ${res.status}`, {
          ...options,
          retryable: true,
        });
      }
      const type = String(res.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const contentType = RASTER_TYPES.find((t) => t === type);
      if (res.status !== 200 || !contentType || !bytes || bytes.length > MAX_ICON_BYTES) {
        throw new MalformedResponseError(
          `Steam's image CDN answered ${res.status} ${type || 'without a type'}: not an item image`,
          options,
        );
      }
      return { contentType, bytes };
    },
  );
}
