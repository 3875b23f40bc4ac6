/**
 * @module gateway/routes/trading-accounts
 * `GET /v1/steam/accounts`: the registered accounts the caller's key may act for (its
 * `--account` list, or all of them for `*`), so a client can offer a choice instead of asking
 * for a name. Any valid key may ask: it only learns names it can already use.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { allowsAccount } from '../../store/key-scopes.js';
import { requireApiKey } from '../plugins/auth.js';
import { listAccountsSchema } from '../schemas/trading-accounts.js';
import { methodNotAllowed } from './method-not-allowed.js';

const URL = '/v1/steam/accounts';

export async function tradingAccountRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.get(
    URL,
    { schema: listAccountsSchema, preValidation: requireApiKey(services, null) },
    async (request) => {
      const key = request.apiKey!;
      const records = await services.trading.accounts.list();
      return {
        status: 200 as const,
        accounts: records
          .filter((record) => allowsAccount(key.accounts, record.name))
          .map((record) => ({
            name: record.name,
            steamid: record.steamid,
            watched: record.watch,
            can_confirm: record.present.includes('identity_secret'),
            session_expires_at:
              record.sessionExpiresAt === null ? null : new Date(record.sessionExpiresAt).toISOString(),
          })),
      };
    },
  );
  methodNotAllowed(fastify, URL);
}
