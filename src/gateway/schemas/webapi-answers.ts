/**
 * @module gateway/schemas/webapi-answers
 * What the typed Web API routes answer: the library's typed results (Steam's own field
 * names, numbers as numbers, 64-bit ids as strings) with `status: 200` first. Fields Steam
 * adds later pass through (`additionalProperties`).
 */
import { Type } from 'typebox';

const open = { additionalProperties: true };
const Int = Type.Integer();
const Str = Type.String();
const Opt = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) =>
  Type.Optional(t);

const Player = Type.Object(
  {
    steamid: Str,
    communityvisibilitystate: Type.Integer({
      description: '1 not visible to the gateway (private, friends only), 3 public',
    }),
    personaname: Str,
    profileurl: Str,
    avatar: Str,
    avatarmedium: Str,
    avatarfull: Str,
    personastate: Type.Integer({
      description: '0 offline, 1 online, 2 busy, 3 away, 4 snooze, 5 trade, 6 play',
    }),
    profilestate: Opt(Int),
    lastlogoff: Opt(Int),
    realname: Opt(Str),
    timecreated: Opt(Int),
    loccountrycode: Opt(Str),
    gameid: Opt(Str),
    gameextrainfo: Opt(Str),
  },
  open,
);

const Game = Type.Object(
  {
    appid: Int,
    name: Opt(Str),
    playtime_forever: Type.Integer({ description: 'minutes' }),
    playtime_2weeks: Opt(Int),
    img_icon_url: Opt(Str),
    rtime_last_played: Opt(Int),
  },
  open,
);

const status = Type.Literal(200);
const visible = Type.Boolean({
  description: 'false: the profile hides its games (private or friends-only), which is not owning none',
});

export const webApiAnswerSchemas = {
  players: Type.Object({ status, players: Type.Array(Player) }),
  games: Type.Object({ status, steamid: Str, visible, game_count: Opt(Int), games: Type.Array(Game) }, open),
  recent: Type.Object(
    { status, steamid: Str, visible, total_count: Opt(Int), games: Type.Array(Game) },
    open,
  ),
  friends: Type.Object({
    status,
    steamid: Str,
    friends: Type.Array(Type.Object({ steamid: Str, relationship: Str, friend_since: Int }, open)),
  }),
  achievements: Type.Object(
    {
      status,
      steamID: Str,
      gameName: Str,
      achievements: Type.Array(
        Type.Object(
          {
            apiname: Str,
            achieved: Type.Integer({ description: '1 unlocked, 0 not' }),
            unlocktime: Int,
            name: Opt(Str),
            description: Opt(Str),
          },
          open,
        ),
      ),
    },
    open,
  ),
  stats: Type.Object(
    {
      status,
      steamID: Str,
      gameName: Str,
      stats: Type.Array(Type.Object({ name: Str, value: Type.Number() }, open)),
      achievements: Type.Array(Type.Object({ name: Str, achieved: Int }, open)),
    },
    open,
  ),
};
