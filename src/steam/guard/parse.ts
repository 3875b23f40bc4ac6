/**
 * @module steam/guard/parse
 * Steam's getlist items into {@link Confirmation}s. Ids and nonces are 64-bit numbers: kept as
 * strings whatever JSON type they came in (public fixtures show both). `summary` is an array
 * of lines in today's answers; a lone string or null is taken as one line or none.
 */
import { MalformedResponseError } from '../../core/errors.js';
import { ConfirmationType, type Confirmation } from './model.js';

export function parseConfirmations(body: Record<string, unknown>): Confirmation[] {
  const list = body.conf ?? [];
  if (!Array.isArray(list)) {
    throw new MalformedResponseError("Steam's confirmation list has no `conf` array", {
      service: 'steam-community',
      retryable: true,
    });
  }
  return list.flatMap((item): Confirmation[] => {
    if (typeof item !== 'object' || item === null) return [];
    const raw = item as Record<string, unknown>;
    const id = idText(raw.id);
    const nonce = idText(raw.nonce);
    // One that cannot be acted on (no id or nonce) is not worth listing.
    if (!id || !nonce) return [];
    const type = Number(raw.type);
    const creatorId = idText(raw.creator_id) ?? '';
    const created = Number(raw.creation_time);
    return [
      {
        id,
        type: Number.isFinite(type) ? type : 0,
        typeName: typeof raw.type_name === 'string' ? raw.type_name : '',
        creatorId,
        offerId: type === ConfirmationType.Trade && creatorId ? creatorId : null,
        nonce,
        headline: typeof raw.headline === 'string' ? raw.headline : '',
        summary: summaryOf(raw.summary),
        created: Number.isFinite(created) && created > 0 ? new Date(created * 1000).toISOString() : null,
      },
    ];
  });
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function summaryOf(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((line): line is string => typeof line === 'string');
}
