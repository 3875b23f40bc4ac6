/**
 * @module cli/commands/roblox
 * `gamestash roblox ...`: flags only; implementations load when run. Credentials come from
 * ROBLOX_API_KEY / ROBLOX_OAUTH_TOKEN only: a key on the command line would land in shell history.
 */
import { Option, type Command } from 'commander';
import { positiveInt } from '../options.js';

export interface RobloxInventoryOptions {
  filter?: string;
  assetTypes?: string[];
  collectibles?: boolean;
  badges?: boolean;
  gamePasses?: boolean;
  privateServers?: boolean;
  json?: boolean;
  table?: boolean;
  limit?: number;
}

export interface RobloxOwnsOptions {
  asset: string[];
  badge: string[];
  gamePass: string[];
  privateServer: string[];
  json?: boolean;
}

/** `--asset 1,2 --asset 3` gathers 1, 2 and 3; the library checks each id. */
function idList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim())];
}

function assetTypeList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim().toUpperCase().replace(/-/g, '_'))];
}

const TYPE_FLAGS = ['assetTypes', 'collectibles', 'badges', 'gamePasses', 'privateServers'];

export function registerRobloxCommands(program: Command): void {
  const roblox = program
    .command('roblox')
    .description('Roblox inventories via Open Cloud (ROBLOX_API_KEY or ROBLOX_OAUTH_TOKEN)');

  roblox
    .command('inventory')
    .description("A user's inventory items, all pages, within Roblox's rate limits")
    .argument('<userId>', 'numeric Roblox user id')
    .addOption(
      new Option('--filter <filter>', 'raw Open Cloud filter, e.g. "badges=true;gamePasses=true"').conflicts(
        TYPE_FLAGS,
      ),
    )
    .option(
      '--asset-types <types>',
      'asset types, comma-separated (e.g. HAT,FACE), or "*" for all',
      assetTypeList,
    )
    .option('--collectibles', 'only collectibles (limiteds), with serials and states')
    .option('--badges', 'include badges')
    .option('--game-passes', 'include game passes')
    .option('--private-servers', 'include private servers (needs Inventory read permission)')
    .addOption(new Option('--json', 'normalized items as JSON').conflicts('table'))
    .option('--table', 'a table of items (the default)')
    .option('--limit <n>', 'stop after n items', positiveInt('--limit'))
    .action(async (userId: string, options: RobloxInventoryOptions) => {
      const { robloxInventory } = await import('./roblox-inventory.js');
      await robloxInventory(userId, options);
    });

  roblox
    .command('owns')
    .description('Whether a user owns each id: one request per 50 ids, whatever the inventory size')
    .argument('<userId>', 'numeric Roblox user id')
    .option('--asset <ids>', 'asset ids, comma-separated (repeatable)', idList, [])
    .option('--badge <ids>', 'badge ids', idList, [])
    .option('--game-pass <ids>', 'game pass ids', idList, [])
    .option('--private-server <ids>', 'private server ids (needs Inventory read permission)', idList, [])
    .option('--json', 'answers as JSON')
    .action(async (userId: string, options: RobloxOwnsOptions) => {
      const { robloxOwns } = await import('./roblox-owns.js');
      await robloxOwns(userId, options);
    });
}
