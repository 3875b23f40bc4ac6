/**
 * @module gateway/routes/v1-item
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}/items/{assetid}`: one item of the
 * (cached) inventory, its certificate decoded by the library (`itemCertificate`), and its
 * price with `prices=1`. An asset id the inventory does not hold is a 404 `item_not_found`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { itemCertificate } from '../../steam/community/inventory/certificate.js';
import { requireApiKey } from '../plugins/auth.js';
import { GatewayProblem } from '../problem.js';
import { isOn } from '../schemas/common.js';
import { itemRouteSchema, type ItemResponse } from '../schemas/v1-item.js';
import { callerOf, setInventoryHeaders, targetOf } from './inventory-common.js';
import { withPrices } from './item-prices.js';
import { methodNotAllowed } from './method-not-allowed.js';

const URL_PATTERN = '/v1/steam/inventory/:steamid/:appid/:contextid/items/:assetid';

export async function v1ItemRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.get(
    URL_PATTERN,
    { schema: itemRouteSchema, preValidation: requireApiKey(services) },
    async (request, reply): Promise<ItemResponse> => {
      const { assetid, ...params } = request.params;
      const query = request.query;
      const target = await targetOf({ ...params, language: query.language }, services);
      const result = await services.inventory.get(target, callerOf(request), { fresh: isOn(query.fresh) });
      setInventoryHeaders(reply, target, result);
      const found = result.entry.items.find((item) => item.assetid === assetid);
      if (!found) {
        throw new GatewayProblem(
          404,
          'item_not_found',
          `asset ${assetid} is not in this inventory (it may have been traded away)`,
          { parameter: 'assetid' },
        );
      }
      const [item] = isOn(query.prices)
        ? await withPrices(services, [found], Number(target.appid), query)
        : [found];
      let certificate = null;
      try {
        certificate = itemCertificate(found) ?? null;
      } catch (error) {
        // Steam's bytes, not the caller's: answer the item without the decoded part.
        request.log.warn({ assetid, err: (error as Error).message }, 'certificate does not decode');
      }
      return {
        status: 200,
        steamid: target.steamid64,
        appid: target.appid,
        contextid: target.contextid,
        item: item!,
        certificate,
      };
    },
  );
  methodNotAllowed(fastify, URL_PATTERN);
}
