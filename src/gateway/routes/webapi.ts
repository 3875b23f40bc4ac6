/**
 * @module gateway/routes/webapi
 * `GET /v1/steam/api/{interface}/{method}/{version}`: any GET method of the Steam Web API
 * for the gateway's key holders, answered with the operator's key. A schema, one service
 * call (checked, cached), and Steam's body in the format asked.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireApiKey } from '../plugins/auth.js';
import { GatewayProblem } from '../problem.js';
import { isOn } from '../schemas/common.js';
import { GATEWAY_QUERY_PARAMETERS, webApiCallRouteSchema } from '../schemas/webapi.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { setWebApiHeaders } from './webapi-headers.js';

const CALL = '/v1/steam/api/:interface/:method/:version';

/** Content types by format, should Steam's answer carry none. */
const CONTENT_TYPES = { json: 'application/json', xml: 'text/xml', vdf: 'text/vdf' } as const;

export async function webApiRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;

  fastify.get(
    CALL,
    { schema: webApiCallRouteSchema, preValidation: requireApiKey(services, 'webapi:read') },
    async (request, reply) => {
      const { interface: iface, method, version } = request.params;
      const query = request.query as Record<string, unknown>;
      if (isOn(request.query.post)) {
        throw new GatewayProblem(
          405,
          'method_not_allowed',
          'post=1 is refused: the gateway relays GET methods only (a POST changes something on Steam)',
          { allow: 'GET, HEAD', parameter: 'post' },
        );
      }
      const format = request.query.format ?? 'json';
      const answer = await services.webApi.call(`${iface}/${method}/${version}`, methodParameters(query), {
        format,
        fresh: isOn(request.query.fresh),
      });
      setWebApiHeaders(reply, answer);
      // Steam's errors were mapped before this point: what is left is its 200.
      return reply
        .code(200)
        .type(answer.value.contentType ?? CONTENT_TYPES[format])
        .send(answer.value.body);
    },
  );
  methodNotAllowed(fastify, CALL);
}

const GATEWAY_OWN = new Set<string>(GATEWAY_QUERY_PARAMETERS);

/** The method's parameters as `name=value` (a name given twice, twice); the key is the gateway's. */
function methodParameters(query: Record<string, unknown>): string[] {
  const params: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (GATEWAY_OWN.has(name)) continue;
    if (/^(key|access_token)$/i.test(name)) {
      throw new GatewayProblem(
        400,
        'invalid_input',
        `${name} is not a parameter here: the gateway calls Steam with its own key; pass your gateway key as api_key or the x-api-key header`,
        { parameter: name },
      );
    }
    for (const one of Array.isArray(value) ? value : [value]) params.push(`${name}=${String(one)}`);
  }
  return params;
}
