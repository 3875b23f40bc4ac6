/**
 * @module test/services/gateway
 * A gateway for tests: real HTTP on a free loopback port, pointed at an emulator, on a
 * throwaway SQLite file unless a PostgreSQL URL is given, logs silent unless captured.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadGatewayConfig, type GatewayConfig, type GatewayOverrides } from '../../src/gateway/config.js';
import { startServer, type RunningServer } from '../../src/gateway/server.js';
import type { GatewayExtras } from '../../src/gateway/services/index.js';
import type { KeyScope } from '../../src/store/key-scopes.js';

// Tests index freely into answers; a precise type per route would only restate the schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

/** GET over real HTTP; the body parsed when it is JSON. */
export async function httpGet(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: Json = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: tests look at text */
  }
  return { status: res.status, headers: res.headers, text, body };
}

export interface TestGateway {
  app: FastifyInstance;
  url: string;
  config: GatewayConfig;
  server: RunningServer;
  /** Creates an API key in this gateway's store and returns the secret. */
  key(options?: {
    name?: string;
    quotaPerMinute?: number;
    scopes?: readonly KeyScope[];
    accounts?: readonly string[];
  }): Promise<string>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  emulatorUrl: string;
  env?: Record<string, string>;
  overrides?: GatewayOverrides;
  logStream?: NodeJS.WritableStream;
  /** Parts given instead of the defaults (event publisher, watchers, confirmations). */
  extras?: GatewayExtras;
}

/** What a key needs to manage webhooks and watched inventories (and read the inventories). */
export const WEBHOOK_SCOPES: readonly KeyScope[] = ['inventory:read', 'webhooks:write'];

const tempDirs = new Set<string>();

/** A SQLite path in a fresh temp directory; `removeTempDirs()` (in afterAll) deletes them. */
export function tempSqlitePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gamestash-gw-'));
  tempDirs.add(dir);
  return join(dir, 'gateway.sqlite');
}

export function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export async function startGateway(options: TestGatewayOptions): Promise<TestGateway> {
  // A store of its own unless the test chose one (restarts reuse a path on purpose).
  const ownSqlite = options.env?.GAMESTASH_SQLITE_PATH ? undefined : tempSqlitePath();
  const env = {
    GAMESTASH_STEAM_COMMUNITY_URL: options.emulatorUrl,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '0',
    GAMESTASH_LOG_LEVEL: options.logStream ? 'info' : 'silent',
    ...(ownSqlite ? { GAMESTASH_SQLITE_PATH: ownSqlite } : {}),
    GAMESTASH_DEFAULT_QUOTA_PER_MINUTE: '100000',
    GAMESTASH_PORT: '0',
    ...options.env,
  };
  const config = loadGatewayConfig(env, options.overrides);
  const server = await startServer(config, {
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.extras ? { extras: options.extras } : {}),
  });
  const app = server.fastify;
  return {
    app,
    url: server.url,
    config,
    server,
    async key(opts = {}) {
      // Key names are unique: each unnamed test key gets one of its own.
      const created = await app.services.keys.create({
        name: opts.name ?? `test-${randomBytes(4).toString('hex')}`,
        quotaPerMinute: opts.quotaPerMinute,
        scopes: opts.scopes,
        accounts: opts.accounts,
      });
      return created.key;
    },
    get: (path, headers = {}) => httpGet(server.url + path, headers),
    async close() {
      await server.shutdown();
      if (ownSqlite) {
        const dir = dirname(ownSqlite);
        rmSync(dir, { recursive: true, force: true });
        tempDirs.delete(dir);
      }
    },
  };
}
