/**
 * The one line a failed start becomes, for what the CLI tests cannot reach cheaply: a setting
 * left at its default, one given in code rather than as a flag, and a failure nobody foresaw
 * (still one line, secrets redacted). The CLI cases are in test/cli/serve-startup.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, StoreUnavailableError } from '../core/errors.js';
import { registerSecret } from '../core/http/redact.js';
import { loadGatewayConfig } from './config.js';
import { explainStartupFailure, StartupError } from './startup-error.js';

const sqliteFailure = new StoreUnavailableError('SQLite', 'permission denied', {
  location: '/srv/gs.sqlite',
});

describe('explainStartupFailure', () => {
  it('names the default and how to change it when the operator set nothing', () => {
    const error = explainStartupFailure(sqliteFailure, loadGatewayConfig({}));
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toBe(
      'cannot use the SQLite file /srv/gs.sqlite (the default; set --sqlite or GAMESTASH_SQLITE_PATH): permission denied',
    );
  });

  it('names the variable, the flag, or the option in code, as the setting was given', () => {
    const env = { GAMESTASH_SQLITE_PATH: '/srv/gs.sqlite' };
    expect(explainStartupFailure(sqliteFailure, loadGatewayConfig(env)).message).toContain(
      '(from GAMESTASH_SQLITE_PATH)',
    );
    const flags = loadGatewayConfig(env, { sqlitePath: '/srv/gs.sqlite', givenAsFlags: true });
    expect(explainStartupFailure(sqliteFailure, flags).message).toContain('(from --sqlite)');
    const code = loadGatewayConfig(env, { sqlitePath: '/srv/gs.sqlite' });
    expect(explainStartupFailure(sqliteFailure, code).message).toContain('(from the sqlitePath option)');
  });

  it('keeps anything unforeseen to one redacted line, and a bad setting as it is', () => {
    registerSecret('s3cret-value-77');
    const odd = new Error('boom with s3cret-value-77\n    at somewhere (file.ts:1:1)');
    const error = explainStartupFailure(odd, loadGatewayConfig({}));
    expect(error.message).toBe('the gateway could not start: boom with [REDACTED]');
    expect(error.cause).toBe(odd);
    const invalid = new InvalidInputError('GAMESTASH_PORT must be a whole number');
    expect(explainStartupFailure(invalid, loadGatewayConfig({}))).toBe(invalid);
  });
});
