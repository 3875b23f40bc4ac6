/**
 * @module gateway/routes/trading-offers
 * A registered account's trade offers: list and read (`offers:read`), send, accept, decline
 * and cancel (`offers:write`). Each is one trade library call; the library refuses impossible
 * actions before any request and never repeats a write blindly. A send's `Idempotency-Key`
 * becomes the library's idempotency key, namespaced by gateway key and account, so a retried
 * POST returns the first answer and two keys can never collide.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdempotencyConflictError, InvalidInputError } from '../../core/errors.js';
import type { OfferFilter } from '../../steam/trade/read-offers.js';
import { requireApiKey, requireScope } from '../plugins/auth.js';
import { isOn } from '../schemas/common.js';
import {
  getOfferSchema,
  listOffersSchema,
  offerActionSchema,
  OfferItemSchema,
  OfferSchema,
  sendOfferSchema,
  type OffersQuery,
} from '../schemas/trading.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { accountOf, onAccount } from './trading-common.js';

const OFFERS = '/v1/steam/accounts/:account/offers';
const OFFER = '/v1/steam/accounts/:account/offers/:id';
const DEFAULT_LIMIT = 100;

export async function tradingOfferRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.addSchema(OfferItemSchema);
  fastify.addSchema(OfferSchema);
  const read = requireApiKey(services, 'offers:read');
  const write = requireApiKey(services, 'offers:write');

  fastify.get(OFFERS, { schema: listOffersSchema, preValidation: read }, async (request, reply) => {
    const account = await accountOf(services, request);
    const query = request.query;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = decodeCursor(query.cursor);
    // Steam's list has no offsets: read up to the page's end and one more, to know if more follow.
    const offers = await onAccount(account, () =>
      account.trade.listAll({
        sent: query.sent === undefined ? true : isOn(query.sent),
        received: query.received === undefined ? true : isOn(query.received),
        filter: filterOf(query),
        historicalCutoff: query.historical_cutoff ? new Date(query.historical_cutoff) : undefined,
        ...(query.language ? { language: query.language } : {}),
        limit: offset + limit + 1,
      }),
    );
    const page = offers.slice(offset, offset + limit);
    reply.header('cache-control', 'private, no-store');
    return {
      status: 200 as const,
      account: account.name,
      steamid: account.steamid,
      count: page.length,
      offers: page,
      next_cursor: offers.length > offset + limit ? encodeCursor(offset + limit) : null,
    };
  });

  fastify.get(OFFER, { schema: getOfferSchema, preValidation: read }, async (request, reply) => {
    const account = await accountOf(services, request);
    const { language } = request.query;
    const offer = await onAccount(account, () =>
      account.trade.get(request.params.id, language ? { language } : {}),
    );
    reply.header('cache-control', 'private, no-store');
    return { status: 200 as const, account: account.name, offer };
  });

  fastify.post(OFFERS, { schema: sendOfferSchema, preValidation: write }, async (request, reply) => {
    if (request.body.confirm) requireScope(request.apiKey!, 'confirmations:write');
    const account = await accountOf(services, request);
    // Refused before anything is sent, in the operator's words (as GET confirmations does).
    if (request.body.confirm) services.trading.confirmations(account);
    const given = request.headers['idempotency-key'];
    // Per gateway key and account: two keys (or two accounts) never share a record.
    const namespaced = given ? `gw:${request.apiKey!.id}:${account.steamid}:${given}` : undefined;
    const result = await onAccount(account, () =>
      account.trade.send({ ...request.body, ...(namespaced ? { idempotencyKey: namespaced } : {}) }),
    ).catch((error: unknown) => {
      // The caller knows its own key, not the namespaced one the store keeps.
      if (!(error instanceof IdempotencyConflictError) || !namespaced || !given) throw error;
      throw new IdempotencyConflictError(error.message.replaceAll(namespaced, given), error.reason, {
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
        cause: error,
      });
    });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({ status: 201 as const, account: account.name, ...result });
  });

  for (const action of ['accept', 'decline', 'cancel'] as const) {
    const url = `${OFFER}/${action}`;
    fastify.post(url, { schema: offerActionSchema(action), preValidation: write }, async (request, reply) => {
      const account = await accountOf(services, request);
      const id = request.params.id;
      const result = await onAccount(account, () => account.trade[action](id));
      reply.header('cache-control', 'no-store');
      return { status: 200 as const, account: account.name, ...result };
    });
    methodNotAllowed(fastify, url, 'POST');
  }
  methodNotAllowed(fastify, OFFERS, 'GET, HEAD, POST');
  methodNotAllowed(fastify, OFFER);
}

/** `active=1` and `historical=1` together: both; neither: active (Steam's default). */
function filterOf(query: OffersQuery): OfferFilter {
  const active = isOn(query.active);
  const historical = isOn(query.historical);
  if (active && historical) return 'all';
  return historical ? 'historical' : 'active';
}

/** Cursors are opaque to callers: an offset into the account's list, base64url-encoded. */
function encodeCursor(offset: number): string {
  return Buffer.from(`offers:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^offers:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw new InvalidInputError(
      'cursor is invalid: pass next_cursor from the previous page, or start again without cursor',
      'cursor',
    );
  }
  return Number(match[1]);
}
