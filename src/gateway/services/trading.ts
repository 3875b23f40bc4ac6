/**
 * @module gateway/services/trading
 * The registered Steam accounts as the trading routes and the offer watchers use them: a
 * key's access checked first (an account the key may not use is a 404 whether or not it
 * exists, so keys learn nothing of other accounts), then the account's secrets opened with
 * GAMESTASH_SECRET_KEY, its session checked, and its trade client and mobile confirmations
 * client (when it has an identity secret) built once per version of the account —
 * `accounts update` takes effect on the next request. Confirmation times are kept in the
 * store, so instances sharing it never reuse one; Steam's clock is asked once for all.
 */
import type { FastifyBaseLogger } from 'fastify';
import { SessionExpiredError } from '../../core/errors.js';
import type { HttpClient } from '../../core/http/client.js';
import { sessionOf, type AccountSecrets } from '../../steam/accounts/secrets.js';
import type { SteamSession } from '../../steam/session/session.js';
import { assertSessionFresh } from '../../steam/session/session.js';
import type { SteamConfirmations } from '../../steam/guard/confirmations.js';
import { createServerClock, createSteamConfirmations } from '../../steam/guard/from-config.js';
import type { SteamServerClock } from '../../steam/guard/server-clock.js';
import type { SteamTradeClient } from '../../steam/trade/client.js';
import { createSteamTradeClient } from '../../steam/trade/from-config.js';
import type { SteamWebApiClient } from '../../steam/webapi/client.js';
import { createSteamWebApiClient } from '../../steam/webapi/from-config.js';
import type { ApiKeyRecord, ApiKeyStore } from '../../store/api-keys.js';
import type { StoreDatabase } from '../../store/database.js';
import { allowsAccount, ACCOUNT_NAME, type KeyScope } from '../../store/key-scopes.js';
import { SecretBox, SecretKeyError } from '../../store/secret-box.js';
import { ConfirmationTimeStoreDb } from '../../store/confirmation-times.js';
import { SteamAccountStore, type SteamAccountRecord } from '../../store/steam-accounts.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import { steamSpacingMs, type GatewayConfig } from '../config.js';
import { GatewayProblem } from '../problem.js';

export interface TradingAccount {
  name: string;
  steamid: string;
  record: SteamAccountRecord;
  session: SteamSession;
  secrets: AccountSecrets;
  trade: SteamTradeClient;
  /** Mobile confirmations, when the account has an identity secret. */
  guard: SteamConfirmations | undefined;
}

export interface TradingServiceOptions {
  config: GatewayConfig;
  database: StoreDatabase;
  http: HttpClient;
  keys: ApiKeyStore;
  log: FastifyBaseLogger;
}

interface Opened {
  updatedAt: number;
  account: Promise<TradingAccount>;
}

/** How long the keys allowed an account are remembered for event fan-out. */
const KEYS_FOR_MS = 5_000;

export class TradingService {
  /** Listing and lookups (no secrets). */
  readonly accounts: SteamAccountStore;
  private readonly box: SecretBox | undefined;
  private readonly boxError: SecretKeyError | undefined;
  private readonly opened = new Map<string, Opened>();
  private readonly tradeState: TradeStateStoreDb;
  private readonly times: ConfirmationTimeStoreDb;
  private readonly webapi: SteamWebApiClient;
  private readonly clock: SteamServerClock;
  private keysCache: { at: number; keys: Promise<ApiKeyRecord[]> } | undefined;

  constructor(private readonly options: TradingServiceOptions) {
    this.accounts = new SteamAccountStore(options.database.db);
    this.tradeState = new TradeStateStoreDb(options.database.db);
    this.times = new ConfirmationTimeStoreDb(options.database.db);
    const { config, http } = options;
    // The operator's Web API key (if any) resolves partners' vanity names; offers use sessions.
    this.webapi = createSteamWebApiClient(config.core, http, {
      me: false,
      maxQueueWaitMs: config.queueTimeoutMs,
    });
    this.clock = createServerClock(config.core, http, this.webapi);
    try {
      this.box = SecretBox.fromSecretKey(options.config.secretKey);
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      this.boxError = error;
    }
  }

  /** Why accounts cannot be opened (GAMESTASH_SECRET_KEY missing or unusable), if so. */
  get unavailableReason(): string | undefined {
    return this.boxError?.message;
  }

  /**
   * The account `name` for a request by `key`: 404 `account_not_found` when the key may not
   * use it or it does not exist (the same answer), 503 when the gateway cannot open accounts,
   * 409 `account_session_expired` when its session is over.
   */
  async forKey(key: ApiKeyRecord, name: string): Promise<TradingAccount> {
    const record =
      ACCOUNT_NAME.test(name) && allowsAccount(key.accounts, name)
        ? await this.accounts.find(name)
        : undefined;
    if (!record) {
      throw new GatewayProblem(
        404,
        'account_not_found',
        `no account named "${name.slice(0, 40)}" is available to this key: the gateway's operator registers accounts (\`gamestash accounts add\`) and gives keys access (\`gamestash keys update KEY --account NAME\`)`,
      );
    }
    return this.open(record);
  }

  /** The account opened: its secrets read, its session checked, its clients built (once per version). */
  async open(record: SteamAccountRecord): Promise<TradingAccount> {
    const known = this.opened.get(record.name);
    let entry = known && known.updatedAt === record.updatedAt ? known : undefined;
    if (!entry) {
      entry = { updatedAt: record.updatedAt, account: this.build(record) };
      this.opened.set(record.name, entry);
      // A failed opening is not kept: the next request tries again (a key set, cookies updated).
      entry.account.catch(() => {
        if (this.opened.get(record.name) === entry) this.opened.delete(record.name);
      });
    }
    const account = await entry.account;
    try {
      assertSessionFresh(account.session);
    } catch (error) {
      throw sessionExpired(account, error);
    }
    return account;
  }

  /** The account's mobile confirmations client; 409 when it has no identity secret. */
  confirmations(account: TradingAccount): SteamConfirmations {
    if (!account.guard) {
      throw new GatewayProblem(
        409,
        'identity_secret_missing',
        `account "${account.name}" has no identity secret, so the gateway cannot act on its mobile confirmations: the gateway's operator can add it (STEAM_IDENTITY_SECRET, \`gamestash accounts update --name ${account.name}\`)`,
      );
    }
    return account.guard;
  }

  /** Active keys that may act for `name` with `scope` (remembered for a few seconds). */
  async keysFor(name: string, scope: KeyScope): Promise<string[]> {
    const now = Date.now();
    if (!this.keysCache || now - this.keysCache.at > KEYS_FOR_MS) {
      const keys = this.options.keys.list();
      this.keysCache = { at: now, keys };
      keys.catch(() => {
        if (this.keysCache?.keys === keys) this.keysCache = undefined;
      });
    }
    const keys = await this.keysCache.keys;
    return keys.filter((k) => k.scopes.includes(scope) && allowsAccount(k.accounts, name)).map((k) => k.id);
  }

  private async build(record: SteamAccountRecord): Promise<TradingAccount> {
    if (!this.box) {
      throw new GatewayProblem(
        503,
        'trading_not_configured',
        "the gateway cannot read its registered accounts: its GAMESTASH_SECRET_KEY is not set (nothing is wrong with your request: the gateway's operator must set it)",
      );
    }
    let secrets: AccountSecrets;
    try {
      const opened = await new SteamAccountStore(this.options.database.db, this.box).open(record.name);
      if (!opened) throw new GatewayProblem(404, 'account_not_found', `no account named "${record.name}"`);
      secrets = opened.secrets;
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      this.options.log.error({ account: record.name, problem: error.problem }, error.message);
      throw new GatewayProblem(
        503,
        'account_secrets_unreadable',
        `the gateway cannot read the secrets of account "${record.name}" (${error.problem === 'mismatch' ? 'its GAMESTASH_SECRET_KEY is not the key they were stored with' : 'they are damaged'}): nothing is wrong with your request, the gateway's operator must fix it`,
      );
    }
    let session: SteamSession;
    try {
      session = sessionOf(secrets, `the cookies of account ${record.name}`);
    } catch (error) {
      throw sessionExpired({ name: record.name }, error);
    }
    const guard = secrets.identitySecret ? this.guardClient(secrets, session) : undefined;
    return {
      name: record.name,
      steamid: record.steamid,
      record,
      session,
      secrets,
      guard,
      trade: this.tradeClient(record, session, guard),
    };
  }

  /** Community spacing as the inventory routes use it (the gateway's margin added). */
  private pacing() {
    const { config } = this.options;
    return { communityIntervalMs: steamSpacingMs(config), maxQueueWaitMs: config.queueTimeoutMs };
  }

  private tradeClient(
    record: SteamAccountRecord,
    session: SteamSession,
    guard: SteamConfirmations | undefined,
  ): SteamTradeClient {
    const { config, http, log } = this.options;
    return createSteamTradeClient(config.core, http, {
      store: this.tradeState,
      webapi: this.webapi,
      session,
      steamId: record.steamid,
      confirmer: guard,
      ...this.pacing(),
      onWarning: (warning) =>
        log.info({ account: record.name, warning }, `trade warning: ${warning.message}`),
    });
  }

  private guardClient(secrets: AccountSecrets, session: SteamSession): SteamConfirmations {
    const { config, http } = this.options;
    return createSteamConfirmations(config.core, http, {
      session,
      identitySecret: secrets.identitySecret,
      deviceId: secrets.deviceId,
      clock: this.clock,
      times: this.times,
      // An acknowledgement made while confirming is the trade client's too (one per account).
      tradeState: this.tradeState,
      ...this.pacing(),
    });
  }
}

/**
 * 409: the caller's request is fine, the account is not in a state to act (UPSTREAM.md: a
 * session lasts about a day; the operator refreshes it). Not 401: the caller's key is good.
 */
export function sessionExpired(account: { name: string }, error: unknown): unknown {
  if (!(error instanceof SessionExpiredError)) return error;
  const when = /expired at (\S+?):/.exec(error.message)?.[1];
  return new GatewayProblem(
    409,
    'account_session_expired',
    `the Steam session of account "${account.name}" ${when ? `expired at ${when}` : 'is no longer accepted by Steam'}: the gateway's operator must give it fresh cookies (\`gamestash accounts update --name ${account.name}\`)`,
  );
}
