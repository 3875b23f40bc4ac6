/**
 * @module steam/webapi/list-filter
 * One interface of the method list Steam publishes (`gamestash steam api --list --interface
 * ISteamUser`, the MCP tool's `list`), matched like the generic caller matches names: exact,
 * then ignoring case, else an error naming the closest interface there is.
 */
import { InvalidInputError } from '../../core/errors.js';
import { closestName } from './suggest.js';
import type { SupportedApiList } from './types.js';

/** The list narrowed to one interface; the whole list when `name` is undefined. */
export function selectInterface(list: SupportedApiList, name: string | undefined): SupportedApiList {
  if (name === undefined) return list;
  const wanted = name.trim();
  const found =
    list.interfaces.find((i) => i.name === wanted) ??
    list.interfaces.find((i) => i.name.toLowerCase() === wanted.toLowerCase());
  if (found) return { interfaces: [found] };
  const near = closestName(
    wanted,
    list.interfaces.map((i) => i.name),
  );
  throw new InvalidInputError(
    near
      ? `no interface ${wanted} in Steam's method list; did you mean ${near}?`
      : `no interface ${wanted} in Steam's method list (${list.interfaces.length} interfaces: list them without an interface)`,
    'interface',
  );
}
