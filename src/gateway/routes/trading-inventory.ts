/**
 * @module gateway/routes/trading-inventory
 * `GET /v1/steam/accounts/{account}/inventory/{appid}/{contextid}`: a registered account's own
 * inventory read with its session, so private items and the trade-protection context (16)
 * show. Answers are cached per account (every key allowed the account shares them), paged and
 * filtered as `/v1/steam/inventory/...` is.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { canonicalAppId, canonicalContextId } from '../../steam/ids/app-context.js';
import { requireApiKey } from '../plugins/auth.js';
import { accountInventorySchema } from '../schemas/confirmations.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { accountOf, onAccount } from './trading-common.js';
import { answerInventory } from './v1-inventory.js';

const URL = '/v1/steam/accounts/:account/inventory/:appid/:contextid';

export async function tradingInventoryRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.get(
    URL,
    { schema: accountInventorySchema, preValidation: requireApiKey(services, 'inventory:read') },
    async (request, reply) => {
      const appid = canonicalAppId(request.params.appid);
      const contextid = canonicalContextId(request.params.contextid);
      const account = await accountOf(services, request);
      const target = {
        steamid64: account.steamid,
        appid,
        contextid,
        language: request.query.language ?? services.config.core.steam.language,
      };
      // Cached for the account, not the key: every key allowed the account sees the same items.
      const caller = { keyId: `account:${account.name}`, steamCookie: account.session.cookieHeader };
      const answer = await onAccount(account, () =>
        answerInventory(services, reply, target, caller, request.query),
      );
      return { ...answer, account: account.name };
    },
  );
  methodNotAllowed(fastify, URL);
}
