/**
 * @module gateway/problem
 * Errors the gateway raises itself (no key, over quota, wrong method), carrying the HTTP
 * status and code they answer with. Everything else is mapped in plugins/errors.ts.
 */
import { GamestashError } from '../core/errors.js';

export class GatewayProblem extends GamestashError {
  override readonly kind = 'gateway_problem';

  constructor(
    readonly httpStatus: number,
    readonly problemCode: string,
    message: string,
    readonly extra: { retryAfterSeconds?: number; parameter?: string; allow?: string } = {},
  ) {
    super(message, { service: 'gateway', code: problemCode });
  }
}

/** The JSON every error answers with. */
export interface ErrorBody {
  status: number;
  error: { code: string; message: string; parameter?: string; eresult?: number; reason?: string };
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  parameter?: string,
  details: { eresult?: number | undefined; reason?: string | undefined } = {},
): ErrorBody {
  return {
    status,
    error: {
      code,
      message,
      ...(parameter ? { parameter } : {}),
      ...(details.eresult === undefined ? {} : { eresult: details.eresult }),
      ...(details.reason === undefined ? {} : { reason: details.reason }),
    },
  };
}
