/**
 * @module gateway/routes/trading-confirmations
 * A registered account's mobile confirmations through the Steam Guard library: list them
 * (`confirmations:read`), accept or cancel some by id (`confirmations:write`). Times are never
 * reused for an account, across instances too: the library keeps them in the store.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireApiKey } from '../plugins/auth.js';
import {
  actOnConfirmationsSchema,
  ConfirmationSchema,
  listConfirmationsSchema,
} from '../schemas/confirmations.js';
import type { Confirmation } from '../../steam/guard/model.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { accountOf, onAccount } from './trading-common.js';

const URL = '/v1/steam/accounts/:account/confirmations';

/** Only what a caller needs: the confirmation's key (`nonce`) stays in the gateway. */
function view(c: Confirmation): Omit<Confirmation, 'nonce'> {
  return {
    id: c.id,
    type: c.type,
    typeName: c.typeName,
    creatorId: c.creatorId,
    offerId: c.offerId,
    headline: c.headline,
    summary: c.summary,
    created: c.created,
  };
}

export async function tradingConfirmationRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.addSchema(ConfirmationSchema);

  fastify.get(
    URL,
    { schema: listConfirmationsSchema, preValidation: requireApiKey(services, 'confirmations:read') },
    async (request, reply) => {
      const account = await accountOf(services, request);
      const confirmations = services.trading.confirmations(account);
      const list = await onAccount(account, () => confirmations.list());
      reply.header('cache-control', 'private, no-store');
      return {
        status: 200 as const,
        account: account.name,
        count: list.length,
        confirmations: list.map(view),
      };
    },
  );

  fastify.post(
    URL,
    { schema: actOnConfirmationsSchema, preValidation: requireApiKey(services, 'confirmations:write') },
    async (request, reply) => {
      const account = await accountOf(services, request);
      const confirmations = services.trading.confirmations(account);
      const { action, ids } = request.body;
      const outcome = await onAccount(account, () =>
        action === 'accept' ? confirmations.accept(ids) : confirmations.cancel(ids),
      );
      reply.header('cache-control', 'no-store');
      return {
        status: 200 as const,
        account: account.name,
        action: outcome.action,
        confirmations: outcome.confirmations.map(view),
        acknowledged: outcome.acknowledged,
        reconciled: outcome.reconciled,
      };
    },
  );
  methodNotAllowed(fastify, URL, 'GET, HEAD, POST');
}
