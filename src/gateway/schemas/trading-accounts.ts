/**
 * @module gateway/schemas/trading-accounts
 * `GET /v1/steam/accounts`: the registered accounts a key may act for, without any secret
 * (what is present is named, never shown).
 */
import { Type } from 'typebox';
import { ApiKeyParam, errorResponses, KEY_SECURITY } from './common.js';

export const TradingAccountSchema = Type.Object({
  name: Type.String({ description: 'the name the routes under /v1/steam/accounts/{account}/ take' }),
  steamid: Type.String({ description: 'its SteamID64' }),
  watched: Type.Boolean({ description: 'whether the gateway watches its offers (events for webhooks)' }),
  can_confirm: Type.Boolean({
    description: 'whether it has an identity secret, so its mobile confirmations can be answered',
  }),
  session_expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'when its Steam session runs out (renewed with `gamestash accounts update`)',
  }),
});

export const listAccountsSchema = {
  tags: ['trading'],
  security: KEY_SECURITY,
  summary: 'The registered Steam accounts this key may act for',
  querystring: Type.Object({ api_key: Type.Optional(ApiKeyParam) }),
  response: {
    200: Type.Object({ status: Type.Literal(200), accounts: Type.Array(TradingAccountSchema) }),
    ...errorResponses,
  },
};
