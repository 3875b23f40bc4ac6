import { describe, expect, it } from 'vitest';
import { serialize, pickFormat, type WebApiDocument } from './index.js';

const doc = (value: WebApiDocument['value'], extra: Partial<WebApiDocument> = {}): WebApiDocument => ({
  root: 'response',
  value,
  arrayElement: (name) => ({ players: 'player', tags: 'tag' })[name] ?? 'message',
  ...extra,
});

const sample = doc({
  players: [
    { steamid: '76561198000000001', name: 'Tab\there "quoted" \\ <b>&\'', online: true, gone: undefined },
    { steamid: '76561198000000002', name: null, online: false },
  ],
  count: 2,
  tags: [],
  empty: {},
});

describe('Web API output formats', () => {
  it("writes compact JSON with Valve's escapes and no undefined members", () => {
    expect(serialize(sample, 'json')).toBe(
      '{"response":{"players":[{"steamid":"76561198000000001","name":"Tab\\there \\"quoted\\" \\\\ <b>&\'","online":true},' +
        '{"steamid":"76561198000000002","name":null,"online":false}],"count":2,"tags":[],"empty":{}}}',
    );
    expect(serialize(doc({ a: '\u0001\u001f/é' }), 'json')).toBe('{"response":{"a":"\\u0001\\u001f/é"}}');
  });

  it("writes XML the way Valve's writer does: tabs, element-named array items, escapes, null", () => {
    expect(serialize(sample, 'xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE response>',
        '<response>',
        '\t<players>',
        '\t\t<player>',
        '\t\t\t<steamid>76561198000000001</steamid>',
        '\t\t\t<name>Tab\there &quot;quoted&quot; \\ &lt;b&gt;&amp;&apos;</name>',
        '\t\t\t<online>true</online>',
        '\t\t</player>',
        '\t\t<player>',
        '\t\t\t<steamid>76561198000000002</steamid>',
        '\t\t\t<name>null</name>',
        '\t\t\t<online>false</online>',
        '\t\t</player>',
        '\t</players>',
        '\t<count>2</count>',
        '\t<tags></tags>',
        '\t<empty></empty>',
        '</response>',
      ].join('\n'),
    );
  });

  it('writes VDF the way Valve\'s writer does: quoted everything, arrays keyed by index, 1/0, ""', () => {
    expect(serialize(sample, 'vdf')).toBe(
      [
        '"response"',
        '{',
        '\t"players"',
        '\t{',
        '\t\t"0"',
        '\t\t{',
        '\t\t\t"steamid"\t"76561198000000001"',
        '\t\t\t"name"\t"Tab\there \\"quoted\\" \\\\ <b>&\'"',
        '\t\t\t"online"\t"1"',
        '\t\t}',
        '\t\t"1"',
        '\t\t{',
        '\t\t\t"steamid"\t"76561198000000002"',
        '\t\t\t"name"\t""',
        '\t\t\t"online"\t"0"',
        '\t\t}',
        '\t}',
        '\t"count"\t"2"',
        '\t"tags"',
        '\t{',
        '',
        '\t}',
        '\t"empty"',
        '\t{',
        '',
        '\t}',
        '}',
      ].join('\n'),
    );
  });

  it("leaves the root out of JSON for anonymous roots, and writes Valve's empty answer", () => {
    const info = doc({ servertime: 1 }, { anonymousRoot: true });
    expect(serialize(info, 'json')).toBe('{"servertime":1}');
    expect(serialize(info, 'xml')).toContain('<response>\n\t<servertime>1</servertime>\n</response>');
    const empty = doc({}, { root: '' });
    expect([serialize(empty, 'json'), serialize(empty, 'xml'), serialize(empty, 'vdf')]).toEqual([
      '{}',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE >\n',
      '',
    ]);
  });

  it('picks the format case-insensitively and falls back to JSON', () => {
    expect([pickFormat('XML'), pickFormat('vdf'), pickFormat('csv'), pickFormat(undefined)]).toEqual([
      'xml',
      'vdf',
      'json',
      'json',
    ]);
  });
});
