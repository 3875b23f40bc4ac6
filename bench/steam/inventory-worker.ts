/**
 * One timed fetch of a whole inventory, in its own process (peak RSS is per process).
 * With a warm-up inventory and a count, the process first fetches that one untimed, like a
 * long-running bot or gateway that has read inventories before (code optimized, heap grown).
 * Modes: `bare` (fetch + JSON.parse per page, the floor), `gamestash` (fetch, merge and
 * join every asset to its description and properties), `steamcommunity`
 * (node-steamcommunity's getUserInventoryContents, pointed at the emulator).
 * Prints one JSON line: {ms, cpuMs, items, maxRssMb} (cpuMs: this process's CPU while timed,
 * GC and compiler threads included).
 */
import { HttpClient } from '../../src/core/http/client.js';
import { SteamInventoryClient } from '../../src/steam/community/inventory/client.js';

const [mode, baseUrl, steamid, appid, contextid, warmupSteamid, warmupText = '0'] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string | undefined,
  string | undefined,
];

async function bare(owner: string): Promise<number> {
  let cursor: string | undefined;
  let items = 0;
  for (;;) {
    const url = `${baseUrl}/inventory/${owner}/${appid}/${contextid}?l=english&count=2000${cursor ? `&start_assetid=${cursor}` : ''}`;
    const page = (await (await fetch(url)).json()) as {
      assets?: unknown[];
      more_items?: number;
      last_assetid?: string;
    };
    items += page.assets?.length ?? 0;
    if (!page.more_items) return items;
    cursor = page.last_assetid;
  }
}

async function gamestash(owner: string): Promise<number> {
  const http = new HttpClient({ retries: 0 });
  const client = new SteamInventoryClient({ http, communityUrl: baseUrl, intervalMs: 0 });
  const items = await client.fetchItems({ steamid: owner, appid, contextid });
  await http.close();
  return items.filter((item) => item.classid).length;
}

// Loaded before the clock starts, like gamestash's own imports: the timed part is the call.
const steamCommunityModule = mode === 'steamcommunity' ? await import('steamcommunity') : undefined;

async function steamcommunity(owner: string): Promise<number> {
  const { default: SteamCommunity } = steamCommunityModule as unknown as {
    default: new () => Record<string, unknown>;
  };
  const community = new SteamCommunity() as Record<string, unknown> & {
    getUserInventoryContents: (...args: unknown[]) => void;
  };
  // STACK.md: the documented hook for rewriting node-steamcommunity's request URLs.
  community.onPreHttpRequest = (_id: unknown, _source: unknown, options: { uri?: string; url?: string }) => {
    for (const field of ['uri', 'url'] as const) {
      const value = options[field];
      if (typeof value === 'string') options[field] = value.replace('https://steamcommunity.com', baseUrl);
    }
    return false;
  };
  return new Promise((resolve, reject) => {
    community.getUserInventoryContents(
      owner,
      Number(appid),
      Number(contextid),
      false,
      'english',
      (err: Error | null, inventory: unknown[]) => (err ? reject(err) : resolve(inventory.length)),
    );
  });
}

const run = { bare, gamestash, steamcommunity }[mode as 'bare'];
if (!run) throw new Error(`unknown mode ${mode}`);
for (let i = 0; warmupSteamid && i < Number(warmupText); i++) await run(warmupSteamid);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const items = await run(steamid);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ms, cpuMs, items, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
