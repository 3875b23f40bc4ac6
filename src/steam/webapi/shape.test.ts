/**
 * The normalizer: every typed method's answer read from JSON, XML and VDF gives the same
 * JSON-shaped result; one-element and empty arrays, "null", booleans both ways, ids as strings.
 */
import { describe, expect, it } from 'vitest';
import {
  JSON_ANSWERS,
  LITERAL_ANSWERS,
  ROBIN,
  toSteamVdf,
  toSteamXml,
} from '../../../test/steam-webapi-fixtures.js';
import { parseBody, type WebApiFormat } from './formats/index.js';
import { WEBAPI_METHODS, type TypedMethodName } from './methods.js';
import { looseTree, normalizeResult, ShapeError } from './shape.js';

const read = (name: TypedMethodName, format: WebApiFormat, body: string) =>
  normalizeResult(parseBody(format, body), WEBAPI_METHODS[name].shape, format);

describe('normalizeResult', () => {
  const names = Object.keys(JSON_ANSWERS) as TypedMethodName[];

  it.each(names)('%s: JSON, XML and VDF give the same result as Steam’s JSON', (name) => {
    const answer = JSON_ANSWERS[name];
    const root = WEBAPI_METHODS[name].shape.root === undefined ? 'result' : undefined;
    const json = read(name, 'json', JSON.stringify(answer));
    expect(json).toEqual(answer);
    expect(read(name, 'xml', toSteamXml(answer, root))).toEqual(answer);
    expect(read(name, 'vdf', toSteamVdf(answer, root))).toEqual(answer);
  });

  it('keeps a one-element array an array in every format', () => {
    const expected = LITERAL_ANSWERS.onePlayerJson;
    expect(read('getPlayerSummaries', 'xml', LITERAL_ANSWERS.onePlayerXml)).toEqual(expected);
    expect(read('getPlayerSummaries', 'vdf', LITERAL_ANSWERS.onePlayerVdf)).toEqual(expected);
    expect(read('getPlayerSummaries', 'json', JSON.stringify(expected))).toEqual(expected);
  });

  it('reads service arrays of <message> elements', () => {
    expect(read('getOwnedGames', 'xml', LITERAL_ANSWERS.ownedGamesXml)).toEqual(
      LITERAL_ANSWERS.ownedGamesJson,
    );
  });

  it('reads an empty array as an empty array, and an empty response as empty', () => {
    expect(read('getOwnedGames', 'xml', LITERAL_ANSWERS.emptyGamesXml)).toEqual({
      response: { game_count: 0, games: [] },
    });
    expect(read('getOwnedGames', 'vdf', LITERAL_ANSWERS.emptyGamesVdf)).toEqual({
      response: { game_count: 0, games: [] },
    });
    for (const [format, body] of [
      ['json', LITERAL_ANSWERS.privateGamesJson],
      ['xml', LITERAL_ANSWERS.privateGamesXml],
      ['vdf', LITERAL_ANSWERS.privateGamesVdf],
    ] as const) {
      expect(read('getOwnedGames', format, body), format).toEqual({ response: {} });
    }
  });

  it('keeps 64-bit ids exact and strings, whatever the format', () => {
    const xml = read('getPlayerSummaries', 'xml', LITERAL_ANSWERS.onePlayerXml) as {
      response: { players: { steamid: unknown; primaryclanid: unknown }[] };
    };
    expect(xml.response.players[0]!.steamid).toBe(ROBIN);
    expect(xml.response.players[0]!.primaryclanid).toBe('103582791429521408');
  });

  it('reads booleans written as true/false or 1/0, and null as null for numbers only', () => {
    const xml = `<response><game_count>null</game_count><games><message><appid>1</appid><has_community_visible_stats>1</has_community_visible_stats><name>null</name></message><message><appid>2</appid><has_community_visible_stats>false</has_community_visible_stats></message></games></response>`;
    expect(read('getOwnedGames', 'xml', xml)).toEqual({
      response: {
        game_count: null,
        games: [
          { appid: 1, has_community_visible_stats: true, name: 'null' },
          { appid: 2, has_community_visible_stats: false },
        ],
      },
    });
    const vdf =
      '"response" { "game_count" "" "games" { "0" { "appid" "3" "has_community_visible_stats" "0" } } }';
    expect(read('getOwnedGames', 'vdf', vdf)).toEqual({
      response: { game_count: null, games: [{ appid: 3, has_community_visible_stats: false }] },
    });
  });

  it('turns percent sent as a string into a number', () => {
    const body = '{"achievementpercentages":{"achievements":[{"name":"A","percent":"71.4"}]}}';
    expect(read('getGlobalAchievementPercentagesForApp', 'json', body)).toEqual({
      achievementpercentages: { achievements: [{ name: 'A', percent: 71.4 }] },
    });
  });

  it('passes unknown fields through (text in XML and VDF) and drops XML whitespace', () => {
    const xml =
      '<response>\n\t<players>\n\t\t<player>\n\t\t\t<steamid>1</steamid>\n\t\t\t<newfield>\n\t\t\t\t<a>5</a>\n\t\t\t</newfield>\n\t\t</player>\n\t</players>\n</response>';
    expect(read('getPlayerSummaries', 'xml', xml)).toEqual({
      response: { players: [{ steamid: '1', newfield: { a: '5' } }] },
    });
  });

  it('keeps the spaces around a value, as JSON does', () => {
    const xml = '<response><players><player><personaname> Robin </personaname></player></players></response>';
    expect(read('getPlayerSummaries', 'xml', xml)).toEqual({
      response: { players: [{ personaname: ' Robin ' }] },
    });
  });

  it('says when the answer is not the method’s (no root)', () => {
    expect(() => read('getPlayerSummaries', 'json', '{"other":{}}')).toThrow(ShapeError);
    expect(() => read('getPlayerSummaries', 'xml', '<other></other>')).toThrow(/no "response"/);
    expect(() => read('getPlayerSummaries', 'json', '[]')).toThrow(ShapeError);
  });
});

describe('looseTree (methods outside the typed table)', () => {
  it('turns VDF arrays and repeated XML elements into arrays, keeps the rest as text', () => {
    expect(
      looseTree(parseBody('vdf', '"r" { "list" { "0" "a" "1" "b" } "map" { "440" "x" } }'), 'vdf'),
    ).toEqual({
      r: { list: ['a', 'b'], map: { '440': 'x' } },
    });
    expect(
      looseTree(parseBody('xml', '<r>\n<list><i>1</i><i>2</i></list><one><i>3</i></one></r>'), 'xml'),
    ).toEqual({
      r: { list: ['1', '2'], one: { i: '3' } },
    });
    const json = { r: [1] };
    expect(looseTree(json, 'json')).toBe(json);
  });
});
