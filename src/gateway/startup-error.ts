/**
 * @module gateway/startup-error
 * Why the gateway could not start, in one line an operator can act on: which store or
 * socket, where (credentials redacted), which setting pointed there as they gave it
 * (`--redis-url` or `GAMESTASH_REDIS_URL`, or the default) and why. Never a stack trace.
 */
import { GamestashError, InvalidInputError, StoreUnavailableError } from '../core/errors.js';
import { redactText } from '../core/http/redact.js';
import { TRACED_SETTINGS, type GatewayConfig, type TracedSetting } from './config.js';

export class StartupError extends GamestashError {
  override readonly kind = 'startup_failed';
}

const SETTING_OF_STORE: Record<string, TracedSetting> = {
  Redis: 'redisUrl',
  PostgreSQL: 'databaseUrl',
  SQLite: 'sqlitePath',
};

/** Turns whatever stopped the start into a StartupError (a config error passes as it is). */
export function explainStartupFailure(error: unknown, config: GatewayConfig): GamestashError {
  if (error instanceof StartupError || error instanceof InvalidInputError) return error;
  if (error instanceof StoreUnavailableError) {
    const setting = SETTING_OF_STORE[error.store];
    const file = error.store === 'SQLite';
    const what = file ? 'the SQLite file' : error.store;
    const where = error.location ? `${file ? '' : ' at'} ${error.location}` : '';
    const from = setting ? ` (${origin(config, setting)})` : '';
    return new StartupError(`cannot use ${what}${where}${from}: ${error.reason}`, { cause: error });
  }
  const listen = listenProblem(error, config);
  if (listen) return new StartupError(listen, { cause: error });
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new StartupError(`the gateway could not start: ${redactText(message)}`, { cause: error });
}

function origin(config: GatewayConfig, setting: TracedSetting): string {
  const given = config.origins[setting];
  if (given) return `from ${given}`;
  const { flag, variable } = TRACED_SETTINGS[setting];
  return `the default; set ${flag} or ${variable}`;
}

function listenProblem(error: unknown, config: GatewayConfig): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const address = `${config.host}:${config.port}`;
  const port = config.origins.port
    ? `port from ${config.origins.port}`
    : `port ${config.port} is the default`;
  const host = config.origins.host
    ? `host from ${config.origins.host}`
    : `host ${config.host} is the default`;
  const otherPort = `choose another with ${TRACED_SETTINGS.port.flag} or ${TRACED_SETTINGS.port.variable}`;
  const otherHost = `choose another with ${TRACED_SETTINGS.host.flag} or ${TRACED_SETTINGS.host.variable}`;
  switch (code) {
    case 'EADDRINUSE':
      return `cannot listen on ${address} (${port}): the port is in use by another process; stop it or ${otherPort}`;
    case 'EACCES':
    case 'EPERM':
      return `cannot listen on ${address} (${port}): permission denied (ports below 1024 need privileges); ${otherPort}`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${address} (${host}): this machine has no such address; ${otherHost}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${address} (${host}): no such host name; ${otherHost}`;
    default:
      return undefined;
  }
}
