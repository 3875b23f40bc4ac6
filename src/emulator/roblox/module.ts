/**
 * @module emulator/roblox/module
 * `GET /cloud/v2/users/{user_id}/inventory-items` as Roblox answers it (UPSTREAM.md, seeds
 * 002/003), checked in the order a request meets Roblox: the gateway's key check (401 in its
 * own error shape), the owner's or token's rate budget (429), then the endpoint's own checks
 * (400, 404, 403) and the page itself.
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../types.js';
import { FilterError, matches, parseFilter } from './filter.js';
import { generateInventory, type EmulatedItem } from './generate.js';
import { decodePageToken, encodePageToken, type QueryIdentity } from './page-token.js';
import { RateLimiter } from './rate-limit.js';
import { resolveScenario, type RobloxScenario } from './scenario.js';

const ROUTE = /^\/cloud\/v2\/users\/([^/]+)\/inventory-items\/?$/;
const INVENTORY_READ_SCOPE = 'user.inventory-item:read';

interface Caller {
  /** Rate-limit bucket: the key's owner, or the token itself. */
  bucket: string;
  perMinute: number;
  /** Whose private inventory data this caller may read. */
  canReadUser: string | undefined;
}

export function createRobloxModule(input: RobloxScenario = {}): EmulatorModule {
  const scenario = resolveScenario(input);
  const limiter = new RateLimiter();
  const inventories = new Map<string, EmulatedItem[]>();
  // Inventories never change, so one query's selection serves all of its pages (10,000-item
  // benchmarks would otherwise filter the whole inventory on every page).
  const selections = new Map<string, EmulatedItem[]>();
  let faults = scenario.faults.map((f) => ({ ...f }));

  const inventoryOf = (userId: string): EmulatedItem[] | undefined => {
    const spec = scenario.users[userId];
    if (!spec) return undefined;
    let items = inventories.get(userId);
    if (!items) inventories.set(userId, (items = generateInventory(userId, spec)));
    return items;
  };

  const handle = (req: EmulatorRequest): EmulatorReply | undefined => {
    const match = ROUTE.exec(req.url.pathname);
    if (!match || req.method !== 'GET') return undefined;
    const caller = authenticate(req);
    if (!caller) return gatewayError(req);

    const { rateLimits } = scenario;
    const decision = limiter.take(caller.bucket, caller.perMinute, rateLimits.burst ?? caller.perMinute);
    const headers = decision.headers;
    if (!decision.allowed) {
      const retryAfter = {
        seconds: String(Math.max(1, Math.ceil(decision.waitMs / 1000))),
        zero: '0',
        none: undefined,
      };
      const value = retryAfter[rateLimits.retryAfter ?? 'seconds'];
      return v2Error(429, 'RESOURCE_EXHAUSTED', 'Too many requests.', {
        ...headers,
        ...(value ? { 'retry-after': value } : {}),
      });
    }

    const userId = decodeURIComponent(match[1]!);
    const fault = faults.find((f) => f.count > 0 && (f.userId === undefined || f.userId === userId));
    if (fault) {
      fault.count--;
      if (fault.status === 200) return { status: 200, headers, body: '{"inventoryItems": [{"path": "users/' };
      const code = fault.status === 503 ? 'UNAVAILABLE' : 'INTERNAL';
      return v2Error(
        fault.status,
        code,
        fault.status === 503 ? 'Service unavailable.' : 'Internal error.',
        headers,
      );
    }
    // Roblox's error docs use this very message as their INVALID_ARGUMENT example.
    if (!/^\d+$/.test(userId))
      return v2Error(400, 'INVALID_ARGUMENT', 'Invalid User ID in the request.', headers);

    const rawSize = req.url.searchParams.get('maxPageSize');
    const pageSize = readPageSize(rawSize);
    if (pageSize === undefined) return v2Error(400, 'INVALID_ARGUMENT', 'Invalid max page size.', headers);

    const rawFilter = req.url.searchParams.get('filter');
    let filter;
    try {
      filter = parseFilter(rawFilter);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      return v2Error(400, 'INVALID_ARGUMENT', 'The provided filter is invalid.', headers, [
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field: 'filter', description: error.message }],
        },
      ]);
    }

    const query: QueryIdentity = { userId, filter: rawFilter, maxPageSize: rawSize };
    let offset = 0;
    const token = req.url.searchParams.get('pageToken');
    if (token) {
      const check = decodePageToken(token, query);
      if (!check.ok) {
        const message =
          check.reason === 'mismatch'
            ? 'The page token does not match the request; all other parameters must match the call that provided it.'
            : 'Invalid page token.';
        return v2Error(400, 'INVALID_ARGUMENT', message, headers);
      }
      offset = check.offset;
    }

    const items = inventoryOf(userId);
    if (!items) return v2Error(404, 'NOT_FOUND', 'User not found.', headers);
    const canRead = caller.canReadUser === userId;
    // UPSTREAM.md: a private inventory most likely answers 403 PERMISSION_DENIED (unverified).
    if (scenario.users[userId]!.private && !canRead) {
      return v2Error(
        403,
        'PERMISSION_DENIED',
        "Insufficient permissions to view this user's inventory.",
        headers,
      );
    }
    if (filter.needsInventoryRead && !canRead) {
      return v2Error(
        403,
        'PERMISSION_DENIED',
        'Filtering by private servers or purchased places requires Inventory read permission.',
        headers,
      );
    }

    const selectionKey = JSON.stringify([userId, rawFilter, canRead]);
    let selected = selections.get(selectionKey);
    if (!selected) {
      if (selections.size >= 1000) selections.clear();
      selected = items.filter((item) => matches(filter, item, canRead));
      selections.set(selectionKey, selected);
    }
    const page: EmulatedItem[] = [];
    for (const item of selected.slice(offset, offset + pageSize)) {
      // Roblox "might return fewer than this value": end short where the kind changes.
      const last = page[page.length - 1];
      if (scenario.users[userId]!.shortPages && last && last.kind !== item.kind) break;
      page.push(item);
    }
    const next = offset + page.length;
    // Seed 003: when the total is a multiple of the page size, the last full page still has a
    // token, and that token returns {"inventoryItems": [], "nextPageToken": ""}.
    const more = next < selected.length || (page.length === pageSize && page.length > 0);
    const body: Record<string, unknown> = { inventoryItems: page.map((item) => item.raw) };
    if (more) body.nextPageToken = encodePageToken(next, query);
    else if (scenario.endToken === 'empty') body.nextPageToken = '';
    return { status: 200, headers, body };
  };

  function authenticate(req: EmulatorRequest): Caller | undefined {
    const key = header(req, 'x-api-key');
    if (key !== undefined) {
      const entry = scenario.apiKeys[key];
      if (!entry) return undefined;
      return {
        bucket: `owner:${entry.owner}`,
        perMinute: scenario.rateLimits.apiKeyPerMinute ?? 100,
        // Docs: a private inventory can be read "with an API key created by the target user
        // with Inventory: Read permission".
        canReadUser: entry.inventoryRead ? entry.owner : undefined,
      };
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
    const token = bearer ? scenario.oauthTokens[bearer] : undefined;
    if (!bearer || !token) return undefined;
    const scopes = token.scopes ?? [INVENTORY_READ_SCOPE];
    return {
      bucket: `token:${bearer}`,
      perMinute: scenario.rateLimits.oauthPerMinute ?? 20,
      canReadUser: scopes.includes(INVENTORY_READ_SCOPE) ? token.userId : undefined,
    };
  }

  return {
    name: 'roblox',
    handle,
    reset() {
      limiter.reset();
      faults = scenario.faults.map((f) => ({ ...f }));
    },
  };
}

/** Missing/unknown credentials are refused before the endpoint, in the gateway's own shape. */
function gatewayError(req: EmulatorRequest): EmulatorReply {
  const bearer = header(req, 'x-api-key') === undefined && header(req, 'authorization') !== undefined;
  return {
    status: 401,
    body: { errors: [{ code: 0, message: bearer ? 'Invalid OAuth token' : 'Invalid API Key' }] },
  };
}

function v2Error(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
  details?: unknown[],
) {
  return { status, headers, body: { code, message, ...(details ? { details } : {}) } };
}

/** Default 10; above 100 is silently 100 (seed 003); 0 means the default, as in Google's AIP-158. */
function readPageSize(raw: string | null): number | undefined {
  if (raw === null || raw === '') return 10;
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n === 0 ? 10 : Math.min(n, 100);
}

function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
