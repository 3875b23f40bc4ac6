/**
 * `gamestash steam api` end to end, and the bad input of every Web API command: the generic
 * caller checked against the method list (kept on disk in GAMESTASH_DATA_DIR), --raw,
 * --list, and one-line usage errors (exit 2) before any request.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, KEY } from '../webapi-world.js';
import { webApiCli } from './webapi-cli.js';

const cli = webApiCli();
const steam = cli.steam;
const listRequests = () => cli.emulator.stats.count({ pathPrefix: '/ISteamWebAPIUtil/GetSupportedAPIList/' });

describe('gamestash steam api', () => {
  it('calls any listed method, keeping the method list on disk for the next command', async () => {
    cli.emulator.reset();
    const first = await steam([
      'api',
      'ISteamUser/GetFriendList/v1',
      '--param',
      `steamid=${ALICE}`,
      '--param',
      'relationship=friend',
    ]);
    expect(first.code).toBe(0);
    const answer = JSON.parse(first.stdout) as { friendslist: { friends: unknown[] } };
    expect(answer.friendslist.friends).toHaveLength(2);
    expect((await readdir(cli.dataDir)).some((f) => /^steam-webapi-methods-[0-9a-f]+\.json$/.test(f))).toBe(
      true,
    );
    const again = await steam(['api', 'isteamuser/getfriendlist/v0001', '--param', `steamid=${ALICE}`]);
    expect(JSON.parse(again.stdout)).toEqual(answer);
    expect(listRequests()).toBe(1);
  });

  it('prints Steam’s body untouched with --raw, in the format asked', async () => {
    const { code, stdout } = await steam([
      'api',
      'ISteamUser/GetFriendList/v1',
      '--param',
      `steamid=${ALICE}`,
      '--format',
      'vdf',
      '--raw',
    ]);
    expect(code).toBe(0);
    const direct = await fetch(
      `${cli.emulator.url}/ISteamUser/GetFriendList/v1/?key=${KEY}&format=vdf&steamid=${ALICE}`,
    );
    expect(stdout).toBe(await direct.text());
    expect(stdout).toMatch(/^"friendslist"\n\{/);
  });

  it('sends --input-json to a service method, merged with --param', async () => {
    const { code, stdout } = await steam([
      'api',
      'IPlayerService/GetOwnedGames/v1',
      '--param',
      `steamid=${ALICE}`,
      '--input-json',
      '{"appids_filter":[620],"include_appinfo":true}',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      response: { game_count: 1, games: [{ appid: 620, name: 'Portal 2' }] },
    });
  });

  it('lists the methods, one interface with --interface, as a table or JSON', async () => {
    const table = await steam(['api', '--list', '--interface', 'isteamuser']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /│ ISteamUser │ GetFriendList\s+│ v1\s+│ GET\s+│ steamid \[relationship\]\s+│/,
    );
    expect(table.stdout).not.toMatch(/ISteamNews|\bkey\b/);
    const json = await steam(['api', '--list', '--json']);
    const list = JSON.parse(json.stdout) as { interfaces: { name: string }[] };
    expect(list.interfaces.map((i) => i.name)).toContain('ISteamNews');
    cli.emulator.reset();
    await steam(['api', '--list', '--refresh', '--interface', 'ISteamNews']);
    expect(listRequests()).toBe(1);
  });
});

describe('bad input: one line, exit 2, nothing sent', () => {
  it.each([
    [['api', 'ISteamUser/GetFriendList/v1', '--param', 'steamid'], /parameter "steamid" has no "="/],
    [['api', 'ISteamUser/GetFriendList/v1', '--input-json', '{nope'], /input_json is not JSON/],
    [['api', 'ISteamUser/GetFriendList/v1', '--format', 'csv'], /format "csv" is not one Steam offers/],
    [['api', 'ISteamUser/GetFriendList/v1', '--param', `key=${KEY}`], /parameter "key" is not accepted/],
    [['api', 'ISteamUser'], /not a Web API method: write Interface\/Method\/vN/],
    [['api'], /which method\? give Interface\/Method\/vN/],
    [['api', '--list', 'ISteamUser/GetFriendList/v1'], /--list takes no method/],
    [['api', '--list', '--param', 'a=b'], /--list cannot be used with --param/],
    [['api', '--interface', 'ISteamUser'], /--interface goes with --list/],
    [['profile', ALICE, '--format', 'csv'], /format "csv" is not one Steam offers: use json, xml or vdf/],
    [['profile', 'alice', '--format', 'yaml'], /format "yaml"/],
    [['friends', 'alice'], /needs a Steam Web API key: set STEAM_API_KEY/, { STEAM_API_KEY: '' }],
    [['games', 'alice'], /needs a Steam Web API key: set STEAM_API_KEY/, { STEAM_API_KEY: '' }],
    [['friends'], /which account\? .* or set STEAM_ID/],
    [['games', 'me'], /"me" stands for your own account, but STEAM_ID is not set/],
    [['profile', '123'], /invalid steamid "123"/],
    [['profile', '103582791429521412'], /group, clan or game server/],
    [['achievements', ALICE], /--app is required/],
    [['stats', ALICE, '--app', 'tf2'], /--app must be a whole number/],
    [['games', ALICE, '--apps', '440,x'], /--apps takes app ids such as 440,570, got "x"/],
    [['news', '--app', '440', '--count', '-1'], /--count must be a whole number/],
  ] as [string[], RegExp, Record<string, string>?][])('%j', async (args, message, extra = {}) => {
    cli.emulator.reset();
    const { code, stdout, stderr } = await steam(args, extra);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(cli.emulator.stats.count()).toBe(0);
  });

  it('without a key, names STEAM_API_KEY for a method that needs one', async () => {
    const { code, stderr } = await steam(['api', 'ISteamUser/GetFriendList/v1', '--param', 'steamid=1'], {
      STEAM_API_KEY: '',
      GAMESTASH_DATA_DIR: join(cli.dataDir, 'keyless'),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/without STEAM_API_KEY Steam lists only the methods that need no key/);
  });

  it('never prints the key, even in a refused call', async () => {
    // The emulator takes any 32 hex digits when it lists no keys: this one is refused (403).
    const bad = 'not-a-steam-web-api-key-but-long';
    const { code, stdout, stderr } = await steam(['friends', ALICE], { STEAM_API_KEY: bad });
    expect(code).toBe(6);
    expect(stderr).toMatch(/STEAM_API_KEY/);
    expect(stdout + stderr).not.toContain(bad);
  });
});
