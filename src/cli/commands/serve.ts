/**
 * @module cli/commands/serve
 * `gamestash serve`: runs the inventory gateway. Flags override the environment
 * (GAMESTASH_PORT, GAMESTASH_HOST, ...; docs/gateway.md lists them all).
 */
import { Option, type Command } from 'commander';
import { nonNegativeInt } from '../options.js';

export interface ServeOptions {
  port?: number;
  host?: string;
  logLevel?: string;
  databaseUrl?: string;
  sqlite?: string;
  redisUrl?: string;
  cacheTtlMs?: number;
  queueTimeoutMs?: number;
  communityUrl?: string;
  intervalMs?: number;
  corsOrigins?: string;
  metricsPort?: number;
  docsRequireKey?: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the inventory gateway (HTTP API with cache, keys, quotas and shared pacing)')
    .option(
      '--port <n>',
      'port to listen on (env GAMESTASH_PORT, default 3000; 0 = any free port)',
      nonNegativeInt('--port', 65535),
    )
    .option('--host <host>', 'address to bind (env GAMESTASH_HOST, default 127.0.0.1; 0.0.0.0 for all)')
    .addOption(
      new Option('--log-level <level>', 'log level (env GAMESTASH_LOG_LEVEL, default info)').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .option('--database-url <url>', 'PostgreSQL URL (env GAMESTASH_DATABASE_URL); default: embedded SQLite')
    .option(
      '--sqlite <path>',
      'SQLite file (env GAMESTASH_SQLITE_PATH; default gamestash.sqlite in GAMESTASH_DATA_DIR, ./data)',
    )
    .option('--redis-url <url>', 'Redis URL for several instances (env GAMESTASH_REDIS_URL)')
    .option(
      '--cache-ttl-ms <ms>',
      'cache TTL (env GAMESTASH_CACHE_TTL_MS, default 300000)',
      nonNegativeInt('--cache-ttl-ms'),
    )
    .option(
      '--queue-timeout-ms <ms>',
      'longest wait for an upstream slot before a 503 (default 30000)',
      nonNegativeInt('--queue-timeout-ms'),
    )
    .option('--community-url <url>', 'Steam community base URL (e.g. the emulator)')
    .option(
      '--interval-ms <ms>',
      'spacing between requests to Steam per egress IP (default 4000)',
      nonNegativeInt('--interval-ms', 3_600_000),
    )
    .option(
      '--cors-origins <list>',
      'browser origins allowed to call the API, comma separated, or * (env GAMESTASH_CORS_ORIGINS; default: CORS off)',
    )
    .option(
      '--metrics-port <n>',
      'serve /metrics on this port instead of the main one (env GAMESTASH_METRICS_PORT; 0 = any free port)',
      nonNegativeInt('--metrics-port', 65535),
    )
    .option(
      '--docs-require-key',
      '/docs and /openapi.json want a gateway key (env GAMESTASH_DOCS_REQUIRE_KEY=1)',
    )
    .action(async (options: ServeOptions) => {
      const { serve } = await import('./serve-run.js');
      await serve(options);
    });
}
