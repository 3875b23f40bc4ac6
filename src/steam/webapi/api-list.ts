/**
 * @module steam/webapi/api-list
 * The method list Steam publishes for a key (ISteamWebAPIUtil/GetSupportedAPIList), kept for
 * a day: in memory always, and as a JSON file when the caller gives a cache directory (the
 * CLI passes one under GAMESTASH_DATA_DIR), so a command-line call does not fetch it each
 * time. The file name is a hash of the API URL and the credential, never the key itself.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SupportedApiList } from './types.js';

export const API_LIST_TTL_MS = 24 * 60 * 60 * 1000;

export interface ApiListCacheOptions {
  /** A directory for the on-disk copy; without it the list is kept in memory only. */
  cacheDir?: string | undefined;
  ttlMs?: number;
  now?: () => number;
}

interface CachedList {
  fetchedAt: number;
  list: SupportedApiList;
}

export class SupportedApiCache {
  private memory: CachedList | undefined;
  private pending: Promise<SupportedApiList> | undefined;
  private readonly file: string | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  /**
   * @param fetchList fetches the list from Steam (with the caller's key, when there is one)
   * @param identity what the list depends on (API URL and credential); only its hash is stored
   */
  constructor(
    private readonly fetchList: () => Promise<SupportedApiList>,
    identity: string,
    options: ApiListCacheOptions = {},
  ) {
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
    this.file = options.cacheDir ? join(options.cacheDir, `steam-webapi-methods-${hash}.json`) : undefined;
    this.ttlMs = options.ttlMs ?? API_LIST_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The list, from memory, then disk, then Steam; `refresh` skips both copies. */
  async get({ refresh = false }: { refresh?: boolean } = {}): Promise<SupportedApiList> {
    if (!refresh && this.memory && this.fresh(this.memory)) return this.memory.list;
    // Callers arriving together share one fetch.
    this.pending ??= this.load(refresh).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(refresh: boolean): Promise<SupportedApiList> {
    if (!refresh) {
      const onDisk = await this.readDisk();
      if (onDisk && this.fresh(onDisk)) {
        this.memory = onDisk;
        return onDisk.list;
      }
    }
    const list = await this.fetchList();
    this.memory = { fetchedAt: this.now(), list };
    await this.writeDisk(this.memory);
    return list;
  }

  private fresh(cached: CachedList): boolean {
    const age = this.now() - cached.fetchedAt;
    return age >= 0 && age < this.ttlMs;
  }

  /** A missing, unreadable or foreign file is no cache: fetch again. */
  private async readDisk(): Promise<CachedList | undefined> {
    if (!this.file) return undefined;
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Partial<CachedList>;
      if (typeof parsed.fetchedAt !== 'number' || !Array.isArray(parsed.list?.interfaces)) return undefined;
      return parsed as CachedList;
    } catch {
      return undefined;
    }
  }

  /** Written whole then renamed, so a reader never sees half a file. A failure leaves memory only. */
  private async writeDisk(cached: CachedList): Promise<void> {
    if (!this.file) return;
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(tmp, JSON.stringify(cached));
      await rename(tmp, this.file);
    } catch {
      // A read-only or full disk must not fail the call: the list is still in memory.
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}
