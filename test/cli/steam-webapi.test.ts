/**
 * The Steam Web API commands end to end: the built CLI against the emulator over real HTTP,
 * tables and --json, the three wire formats giving the same output, privacy as Steam
 * answers it, and `<who>` defaulting to STEAM_ID.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL } from '../webapi-world.js';
import { webApiCli } from './webapi-cli.js';

const cli = webApiCli();
const steam = cli.steam;
/** Table rows (not the header): lines starting with the box's left edge and a value. */
const rows = (table: string) =>
  table
    .split('\n')
    .filter((line) => /^│ /.test(line))
    .slice(1);

describe('gamestash steam profile', () => {
  it('prints one row per player, in the order asked, a private profile included', async () => {
    const { code, stdout, stderr } = await steam(['profile', BOB, 'alice']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).not.toContain('\u001b['); // no colour codes when stdout is not a TTY
    const [bob, alice] = rows(stdout);
    expect(bob).toMatch(new RegExp(`^│ ${BOB} .*│ private `));
    expect(alice).toMatch(new RegExp(`^│ ${ALICE} │ Alice <3 .*│ public .*│ Alice Liddell │ GB `));
  });

  it('gives the typed result with --json, the same whichever format was asked of Steam', async () => {
    const outputs = await Promise.all(
      ['json', 'xml', 'vdf'].map((format) => steam(['profile', ALICE, BOB, '--json', '--format', format])),
    );
    const [json, ...others] = outputs.map((o) => JSON.parse(o.stdout) as { players: { steamid: string }[] });
    expect(json!.players.map((p) => p.steamid)).toEqual([ALICE, BOB]);
    for (const other of others) expect(other).toEqual(json);
    const formats = cli.emulator.stats.count({ pathPrefix: '/ISteamUser/GetPlayerSummaries/' });
    expect(formats).toBeGreaterThanOrEqual(3);
  });

  it('defaults to STEAM_ID, and "me" means it', async () => {
    const none = await steam(['profile', '--json'], { STEAM_ID: ALICE });
    const me = await steam(['profile', 'me', '--json'], { STEAM_ID: ALICE });
    expect(JSON.parse(none.stdout).players[0].steamid).toBe(ALICE);
    expect(JSON.parse(me.stdout)).toEqual(JSON.parse(none.stdout));
  });
});

describe('gamestash steam friends', () => {
  it('lists friends, and says a private list is private (exit 4)', async () => {
    const listed = await steam(['friends', 'alice']);
    expect(listed.code).toBe(0);
    expect(rows(listed.stdout).map((r) => r.split('│')[1]!.trim())).toEqual([BOB, CAROL]);
    const hidden = await steam(['friends', BOB]);
    expect(hidden.code).toBe(4);
    expect(hidden.stdout).toBe('');
    expect(hidden.stderr).toMatch(/^gamestash: the friend list is private/);
    expect(hidden.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('gamestash steam games and recent', () => {
  it('lists owned games most played first, with names and free games when asked', async () => {
    const { code, stdout } = await steam(['games', ALICE, '--appinfo', '--free-games']);
    expect(code).toBe(0);
    const table = rows(stdout);
    expect(table.map((r) => r.split('│')[2]!.trim())).toEqual([
      'Counter-Strike 2',
      'Portal 2',
      'Team Fortress 2',
      'Blender',
    ]);
    expect(table[0]).toMatch(/│\s+83\.3 │\s+2\.0 │/);
  });

  it('filters by app through input_json, in every format', async () => {
    for (const format of ['json', 'xml', 'vdf']) {
      const { stdout } = await steam(['games', ALICE, '--apps', '620,365670', '--json', '--format', format]);
      const games = JSON.parse(stdout) as {
        visible: boolean;
        game_count: number;
        games: { appid: number }[];
      };
      expect(games).toMatchObject({ visible: true, game_count: 2 });
      expect(games.games.map((g) => g.appid).sort((a, b) => a - b)).toEqual([620, 365670]);
    }
  });

  it('says "no games visible" for a private or friends-only library, not an empty table', async () => {
    for (const who of [BOB, CAROL]) {
      const { code, stdout } = await steam(['games', who]);
      expect(code).toBe(0);
      expect(stdout).toBe('no games visible (the profile is private or friends-only)\n');
    }
    const json = await steam(['games', BOB, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ visible: false, games: [] });
    const recent = await steam(['recent', BOB]);
    expect(recent.stdout).toBe('no games visible (the profile is private or friends-only)\n');
  });

  it('lists games of the last two weeks', async () => {
    const { code, stdout } = await steam(['recent', ALICE, '--count', '1', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ visible: true, games: [{ appid: 730 }] });
  });
});

describe('gamestash steam achievements, stats, global-achievements, news', () => {
  it('shows a player’s achievements in a language, and refuses a private profile (exit 4)', async () => {
    const { code, stdout } = await steam(['achievements', 'alice', '--app', '620', '--lang', 'german']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Portal 2: 2 of 6 achievements unlocked');
    expect(stdout).toMatch(/│ WAKE_UP\s+│ Du Monster\s+│ yes /);
    const hidden = await steam(['achievements', BOB, '--app', '620']);
    expect(hidden.code).toBe(4);
    expect(hidden.stderr).toMatch(/not public/);
  });

  it('shows stats, and a missing app as not found (exit 5)', async () => {
    const stats = await steam(['stats', ALICE, '--app', '730', '--format', 'vdf']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/│ total_kills\s+│\s+1234 │/);
    const none = await steam(['stats', ALICE, '--app', '365670']);
    expect(none.code).toBe(5);
    expect(none.stderr).toMatch(/no stats/);
  });

  it('shows global percentages and news without a key', async () => {
    const keyless = { STEAM_API_KEY: '' };
    const global = await steam(['global-achievements', '--app', '620'], keyless);
    expect(global.code).toBe(0);
    expect(rows(global.stdout)[0]).toMatch(/│ SURVIVE_CONTAINER_RIDE │\s+74\.9% │/);
    const news = await steam(
      ['news', '--app', '440', '--count', '2', '--max-length', '40', '--json'],
      keyless,
    );
    const answer = JSON.parse(news.stdout) as { appid: number; newsitems: { contents: string }[] };
    expect(answer.appid).toBe(440);
    expect(answer.newsitems).toHaveLength(2);
    expect(answer.newsitems.every((n) => n.contents.length <= 43)).toBe(true);
    const table = await steam(['news', '--app', '440', '--count', '3', '--format', 'xml'], keyless);
    expect(rows(table.stdout)).toHaveLength(3);
    expect(table.stdout).not.toMatch(/contents/);
  });
});
