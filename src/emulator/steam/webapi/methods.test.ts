import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, KEY, webApiWorld } from '../../../../test/webapi-world.js';

const { get, inAllFormats } = webApiWorld();

describe('ISteamUser/GetPlayerSummaries/v2', () => {
  it('shows public profiles in full and private or friends-only ones by their public fields', async () => {
    const { value, xml } = await inAllFormats(
      `/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ALICE},${BOB},${CAROL},123,not-an-id`,
      { players: 'player' },
    );
    const players = (value.response as { players: Record<string, unknown>[] }).players;
    expect(players.map((p) => [p.steamid, p.communityvisibilitystate])).toEqual([
      [ALICE, 3],
      [BOB, 1],
      [CAROL, 1],
    ]);
    const [alice, bob] = players;
    expect(alice).toMatchObject({
      personaname: 'Alice <3',
      profileurl: 'https://steamcommunity.com/id/alice/',
      realname: 'Alice Liddell',
      loccountrycode: 'GB',
      primaryclanid: '103582791429521408',
      personastate: 1,
    });
    expect(alice!.avatarfull).toBe(`https://avatars.steamstatic.com/${alice!.avatarhash}_full.jpg`);
    expect(typeof alice!.timecreated).toBe('number');
    for (const hidden of ['realname', 'timecreated', 'loccountrycode', 'lastlogoff', 'primaryclanid']) {
      expect(bob).not.toHaveProperty(hidden);
    }
    expect(bob).toMatchObject({ profilestate: 1, personastate: 0 });
    expect(xml.text).toContain('<personaname>Alice &lt;3</personaname>');
  });

  it('answers an empty list for ids it does not know, and looks up at most 100', async () => {
    const none = await get(`/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=1,2`);
    expect(none.text).toBe('{"response":{"players":[]}}');
    const ids = Array.from({ length: 120 }, (_, i) => String(76561198000001000n + BigInt(i)));
    const many = JSON.parse(
      (await get(`/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ids}`)).text,
    );
    expect(many.response.players).toHaveLength(100);
  });
});

describe('ISteamUser/GetFriendList/v1', () => {
  it('lists friends both ways', async () => {
    const { value } = await inAllFormats(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}`, {
      friends: 'friend',
    });
    expect(value).toEqual({
      friendslist: {
        friends: [
          { steamid: BOB, relationship: 'friend', friend_since: expect.any(Number) },
          { steamid: CAROL, relationship: 'friend', friend_since: 1_600_000_000 },
        ],
      },
    });
    const other = '76561198000005000';
    const theirs = JSON.parse((await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${other}`)).text);
    for (const friend of theirs.friendslist.friends as { steamid: string; friend_since: number }[]) {
      const back = JSON.parse(
        (await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${friend.steamid}`)).text,
      );
      expect(back.friendslist.friends).toContainEqual({
        steamid: other,
        relationship: 'friend',
        friend_since: friend.friend_since,
      });
    }
  });

  it('filters by relationship', async () => {
    const friends = JSON.parse(
      (await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}&relationship=friend`)).text,
    );
    expect(friends.friendslist.friends).toHaveLength(2);
    const none = await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}&relationship=blocked`);
    expect(none.text).toBe('{"friendslist":{"friends":[]}}');
  });
});

describe('IPlayerService/GetOwnedGames/v1', () => {
  const owned = (input: Record<string, unknown>) =>
    `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&input_json=${encodeURIComponent(JSON.stringify(input))}`;

  it('lists paid games, free ones only when asked and played, with app info when asked', async () => {
    const { value, xml } = await inAllFormats(owned({ steamid: ALICE, include_appinfo: true }), {});
    expect(value).toEqual({
      response: {
        game_count: 2,
        games: [
          {
            appid: 620,
            name: 'Portal 2',
            playtime_forever: 900,
            img_icon_url: '2e478fc6874d06ae5baf0d147f6f21203291aa02',
            has_community_visible_stats: true,
            playtime_windows_forever: 900,
            playtime_mac_forever: 0,
            playtime_linux_forever: 0,
            playtime_deck_forever: 0,
            rtime_last_played: 1_700_000_000,
            has_leaderboards: true,
            playtime_disconnected: 0,
          },
          expect.objectContaining({ appid: 365670, name: 'Blender', playtime_forever: 42 }),
        ],
      },
    });
    expect(xml.text).toContain('<games>\n\t\t<message>\n\t\t\t<appid>620</appid>');

    const withFree = JSON.parse((await get(owned({ steamid: ALICE, include_played_free_games: 1 }))).text);
    expect(withFree.response.games.map((g: { appid: number }) => g.appid)).toEqual([440, 620, 730, 365670]);
    expect(withFree.response.games[0]).toEqual({
      appid: 440,
      playtime_2weeks: 30,
      playtime_forever: 600,
      playtime_windows_forever: 600,
      playtime_mac_forever: 0,
      playtime_linux_forever: 0,
      playtime_deck_forever: 0,
      rtime_last_played: expect.any(Number),
      playtime_disconnected: 0,
    });
  });

  it('filters by appids_filter sent in input_json (or as indexed parameters)', async () => {
    const filtered = JSON.parse(
      (await get(owned({ steamid: ALICE, include_played_free_games: true, appids_filter: [730, 620, 999] })))
        .text,
    );
    expect(filtered.response.game_count).toBe(2);
    expect(filtered.response.games.map((g: { appid: number }) => g.appid)).toEqual([620, 730]);
    const plain = JSON.parse(
      (await get(`/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=${ALICE}&appids_filter[0]=365670`))
        .text,
    );
    expect(plain.response.games.map((g: { appid: number }) => g.appid)).toEqual([365670]);
  });

  it('reads a SteamID sent as a JSON number without rounding it', async () => {
    const asNumber = `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&input_json=${encodeURIComponent(`{"steamid":${ALICE}}`)}`;
    expect(JSON.parse((await get(asNumber)).text).response.game_count).toBe(2);
  });

  it('answers 500 when input_json comes with plain parameters beside it (UPSTREAM.md)', async () => {
    expect((await get(`${owned({ steamid: ALICE })}&include_appinfo=1`)).status).toBe(500);
  });
});

describe('IPlayerService/GetRecentlyPlayedGames/v1', () => {
  it('lists the last two weeks, most played first, and honours count', async () => {
    const { value } = await inAllFormats(
      `/IPlayerService/GetRecentlyPlayedGames/v1/?key=${KEY}&steamid=${ALICE}`,
      {},
    );
    expect(value).toEqual({
      response: {
        total_count: 2,
        games: [
          {
            appid: 730,
            name: 'Counter-Strike 2',
            playtime_2weeks: 120,
            playtime_forever: 5000,
            img_icon_url: '8dbc71957312bbd3baea65848b545be9eae2a355',
            playtime_windows_forever: 5000,
            playtime_mac_forever: 0,
            playtime_linux_forever: 0,
            playtime_deck_forever: 0,
          },
          expect.objectContaining({ appid: 440, playtime_2weeks: 30 }),
        ],
      },
    });
    const one = JSON.parse(
      (await get(`/IPlayerService/GetRecentlyPlayedGames/v1/?key=${KEY}&steamid=${ALICE}&count=1`)).text,
    );
    expect(one.response.total_count).toBe(2);
    expect(one.response.games).toHaveLength(1);
  });
});
