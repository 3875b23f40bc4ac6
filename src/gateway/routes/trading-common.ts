/**
 * @module gateway/routes/trading-common
 * What every route under `/v1/steam/accounts/{account}/` shares: the account for the
 * caller's key (404 when the key may not use it, whether or not it exists), and the trade
 * library's account-level failures in the gateway's words — an expired or refused session is
 * the operator's to renew (409), an offer the account cannot see or a confirmation that does
 * not wait is a 404, a refused identity secret the operator's to fix (502).
 */
import type { FastifyRequest } from 'fastify';
import { ConfirmationKeyRefusedError, NotFoundError } from '../../core/errors.js';
import { GatewayProblem } from '../problem.js';
import type { GatewayServices } from '../services/index.js';
import { sessionExpired, type TradingAccount } from '../services/trading.js';

export function accountOf(services: GatewayServices, request: FastifyRequest): Promise<TradingAccount> {
  const { account } = request.params as { account: string };
  return services.trading.forKey(request.apiKey!, account);
}

/** Runs a library call for `account`, mapping its account-level failures. */
export async function onAccount<T>(account: TradingAccount, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NotFoundError && error.code === 'offer_not_found') {
      throw new GatewayProblem(
        404,
        'offer_not_found',
        `account "${account.name}" has no trade offer by that id`,
      );
    }
    if (error instanceof NotFoundError && error.code === 'no_confirmation') {
      throw new GatewayProblem(404, 'confirmation_not_found', error.message);
    }
    // The identity secret is the operator's: nothing is wrong with the caller's request.
    if (error instanceof ConfirmationKeyRefusedError) {
      throw new GatewayProblem(
        502,
        'identity_secret_refused',
        `Steam refused the confirmation key of account "${account.name}": its identity secret may be wrong (the gateway's operator can check it with \`gamestash accounts update --name ${account.name}\`)`,
      );
    }
    throw sessionExpired(account, error);
  }
}
