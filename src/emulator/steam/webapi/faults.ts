/**
 * @module emulator/steam/webapi/faults
 * Injected Web API failures, each a way Steam's Web API really fails (UPSTREAM.md): a
 * bare 500 or 503, an answer whose `x-eresult` header is not 1 (with `x-error_message`),
 * and a body cut off half way. Which request fails is a pure function of the scenario's
 * seed and the request number, or forced by its `script`.
 */
import type { EmulatorReply } from '../../types.js';
import { SeededFaults } from '../faults.js';
import { CONTENT_TYPES } from './formats/index.js';
import { internalError, serviceUnavailable } from './html.js';
import { WEB_API_FAULT_KINDS, type WebApiFaultKind, type WebApiFaultScenario } from './scenario.js';

export function webApiFaults(config: WebApiFaultScenario): SeededFaults<WebApiFaultKind> {
  return new SeededFaults(config, WEB_API_FAULT_KINDS);
}

/** The reply for a fault; `normal` is what the request would have got (for `truncated`). */
export function webApiFaultReply(
  kind: WebApiFaultKind,
  config: WebApiFaultScenario,
  normal: () => EmulatorReply,
): EmulatorReply {
  switch (kind) {
    case 'status500':
      return internalError();
    case 'status503':
      return serviceUnavailable();
    case 'eresultHeader': {
      const { status, eresult, message } = config.eresult;
      return {
        status,
        headers: {
          'content-type': CONTENT_TYPES.json,
          'x-eresult': String(eresult),
          ...(message ? { 'x-error_message': message } : {}),
        },
        // A 200 still carries an (empty) answer; a 500 carries none.
        body: status === 200 ? '{"response":{}}' : '',
      };
    }
    case 'truncated': {
      const reply = normal();
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
      return { ...reply, body: text.slice(0, Math.floor(text.length / 2)) };
    }
  }
}
