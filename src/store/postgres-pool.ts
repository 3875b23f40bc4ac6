/**
 * @module store/postgres-pool
 * The pg pool as Kysely sees it, with PostgreSQL's failures made plain: a connection that
 * cannot be opened, or that dies under a query, throws StoreUnavailableError (naming
 * PostgreSQL, where, and why) instead of a driver message, and a client whose connection died
 * is destroyed rather than returned to the pool. After a connection attempt fails, the next
 * ones fail at once for a second instead of each waiting out its own timeout (a partitioned
 * server would otherwise hold every request for the connect timeout). The listener hears
 * once when the server is lost and once when it is back.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import type { StoreUnavailableError } from '../core/errors.js';
import { isPostgresConnectionFailure, storeUnavailable, type AvailabilityListener } from './failures.js';

const STORE = 'PostgreSQL';
/** How long after a failed connection attempt the next ones fail without trying. */
const RETRY_AFTER_FAILURE_MS = 1_000;

export function guardPostgresPool(
  pool: Pool,
  location: string,
  onAvailability: AvailabilityListener = () => undefined,
): PostgresPool {
  let lost: StoreUnavailableError | undefined;
  // On the monotonic clock: a step of the wall clock must not hold attempts back for good.
  let retryAt = 0;
  // Before the first success there is nothing to lose: opening the store reports its own failure.
  let reached = false;
  const fail = (error: unknown) => {
    const failure = storeUnavailable(STORE, error, location);
    if (!lost && reached) onAvailability(false, failure.reason);
    lost = failure;
    return failure;
  };
  const succeeded = () => {
    reached = true;
    if (!lost) return;
    lost = undefined;
    onAvailability(true);
  };

  return {
    async connect() {
      if (lost && performance.now() < retryAt) throw lost;
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        // A full pool timing out is load, not an outage: fail this one, keep trying others.
        if ((error as { code?: unknown }).code !== undefined)
          retryAt = performance.now() + RETRY_AFTER_FAILURE_MS;
        throw fail(error);
      }
      return guardClient(client, fail, succeeded);
    },
    end: () => pool.end(),
  };
}

function guardClient(
  client: PoolClient,
  fail: (error: unknown) => StoreUnavailableError,
  succeeded: () => void,
): PostgresPoolClient {
  let broken: Error | undefined;
  // pg leaves a checked-out client without an 'error' listener: a connection dying between
  // queries would then be an uncaught exception that takes the process down.
  const onError = (error: Error) => {
    broken = error;
    fail(error);
  };
  client.on('error', onError);
  // "Back" only once a query went through: a pooled client may not know yet that its server died.
  const query = (sql: string, parameters: readonly unknown[]) =>
    client.query(sql, [...parameters]).then(
      (result) => {
        succeeded();
        return result;
      },
      (error: unknown) => {
        if (!isPostgresConnectionFailure(error)) throw error;
        broken = error as Error;
        throw fail(error);
      },
    );
  return {
    // Kysely streams through a cursor object only when configured with one; we never are.
    query: query as unknown as PostgresPoolClient['query'],
    // Passing the error makes the pool destroy the client instead of reusing a dead socket.
    release: () => {
      client.removeListener('error', onError);
      client.release(broken);
    },
  };
}
