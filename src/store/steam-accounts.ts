/**
 * @module store/steam-accounts
 * Steam accounts registered for the trading gateway. What identifies an account (its name,
 * SteamID, when its session expires, which secrets it has, whether it is watched) is kept in
 * the clear so it can be listed without the key; the secrets themselves only sealed
 * (secret-box.ts), bound to the account's name. Reading them needs GAMESTASH_SECRET_KEY.
 */
import type { Kysely } from 'kysely';
import type { AccountSecrets } from '../steam/accounts/secrets.js';
import { ApiKeyStore } from './api-keys.js';
import type { Database } from './schema.js';
import type { SecretBox } from './secret-box.js';

export interface SteamAccountRecord {
  name: string;
  steamid: string;
  /** Labels of the optional secrets present (`shared_secret`, `identity_secret`, `api_key`, `device_id`). */
  present: string[];
  sessionExpiresAt: number | null;
  watch: boolean;
  /** Which key sealed the secrets (not secret). */
  keyId: string;
  createdAt: number;
  updatedAt: number;
}

export interface OpenedSteamAccount extends SteamAccountRecord {
  secrets: AccountSecrets;
}

export interface NewSteamAccount {
  name: string;
  steamid: string;
  secrets: AccountSecrets;
  present: string[];
  sessionExpiresAt: number | null;
  watch: boolean;
}

export interface SteamAccountChange {
  /** The whole new set of secrets (the caller merged what was kept). */
  secrets?: AccountSecrets;
  present?: string[];
  sessionExpiresAt?: number | null;
  watch?: boolean;
}

/** What the sealed secrets are bound to: a sealed value moved onto another row does not open. */
const contextOf = (name: string) => `steam_accounts:${name}`;

export class SteamAccountStore {
  /** `box` is needed to add, update and open accounts; listing works without it. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box?: SecretBox,
  ) {}

  /** Adds an account; a name or SteamID already registered is refused with a RangeError naming it. */
  async add(account: NewSteamAccount): Promise<SteamAccountRecord> {
    const box = this.requireBox();
    await this.refuseTaken(account.name, account.steamid);
    const now = Date.now();
    const row = {
      name: account.name,
      steamid: account.steamid,
      secrets: await box.seal(JSON.stringify(account.secrets), contextOf(account.name)),
      key_id: box.keyId,
      present: account.present.join(','),
      session_expires_at: account.sessionExpiresAt,
      watch: account.watch ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.db.insertInto('steam_accounts').values(row).execute();
    } catch (error) {
      // Two adds racing: the primary key or the unique SteamID refused the second.
      await this.refuseTaken(account.name, account.steamid);
      throw error;
    }
    return toRecord(row);
  }

  async find(name: string): Promise<SteamAccountRecord | undefined> {
    const row = await this.db
      .selectFrom('steam_accounts')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<SteamAccountRecord[]> {
    const rows = await this.db.selectFrom('steam_accounts').selectAll().orderBy('name').execute();
    return rows.map(toRecord);
  }

  /** The account with its secrets opened; undefined when no such account. */
  async open(name: string): Promise<OpenedSteamAccount | undefined> {
    const box = this.requireBox();
    const row = await this.db
      .selectFrom('steam_accounts')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    if (!row) return undefined;
    const plain = await box.open(row.secrets, contextOf(row.name), `account ${row.name}`);
    return { ...toRecord(row), secrets: JSON.parse(plain) as AccountSecrets };
  }

  /** Changes an account; RangeError when there is none by that name. */
  async update(name: string, change: SteamAccountChange): Promise<SteamAccountRecord> {
    const set: Partial<Database['steam_accounts']> = { updated_at: Date.now() };
    if (change.secrets) {
      const box = this.requireBox();
      set.secrets = await box.seal(JSON.stringify(change.secrets), contextOf(name));
      set.key_id = box.keyId;
    }
    if (change.present) set.present = change.present.join(',');
    if (change.sessionExpiresAt !== undefined) set.session_expires_at = change.sessionExpiresAt;
    if (change.watch !== undefined) set.watch = change.watch ? 1 : 0;
    const result = await this.db
      .updateTable('steam_accounts')
      .set(set)
      .where('name', '=', name)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw noSuchAccount(name);
    return (await this.find(name))!;
  }

  /** Removes an account and takes it off every key's list; RangeError when there is none. */
  async remove(name: string): Promise<SteamAccountRecord> {
    const found = await this.find(name);
    if (!found) throw noSuchAccount(name);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('steam_accounts').where('name', '=', name).execute();
      await new ApiKeyStore(trx).forgetAccount(name);
    });
    return found;
  }

  private requireBox(): SecretBox {
    if (!this.box) throw new Error('SteamAccountStore needs a SecretBox to read or write secrets');
    return this.box;
  }

  private async refuseTaken(name: string, steamid: string): Promise<void> {
    const taken = await this.db
      .selectFrom('steam_accounts')
      .select(['name', 'steamid'])
      .where((eb) => eb.or([eb('name', '=', name), eb('steamid', '=', steamid)]))
      .executeTakeFirst();
    if (!taken) return;
    throw new RangeError(
      taken.name === name
        ? `an account named "${name}" already exists (SteamID ${taken.steamid}): use \`gamestash accounts update --name ${name}\` to give it new cookies`
        : `SteamID ${steamid} is already registered as "${taken.name}"`,
    );
  }
}

function noSuchAccount(name: string): RangeError {
  return new RangeError(`no account named "${name}": see \`gamestash accounts list\``);
}

function toRecord(row: Database['steam_accounts']): SteamAccountRecord {
  return {
    name: row.name,
    steamid: row.steamid,
    present: row.present ? row.present.split(',') : [],
    sessionExpiresAt: row.session_expires_at === null ? null : Number(row.session_expires_at),
    watch: Number(row.watch) === 1,
    keyId: row.key_id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
