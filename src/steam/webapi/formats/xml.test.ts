/**
 * The XML reader: Steam's layout read as text (ids exact), entities decoded, and truncated or
 * broken documents refused rather than read short.
 */
import { describe, expect, it } from 'vitest';
import { parseBody } from './index.js';
import { parseXml, XmlSyntaxError } from './xml.js';

describe('parseXml', () => {
  it('reads every value as text, with declaration and doctype skipped and entities decoded', () => {
    const tree = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE appnews>\n<appnews><appid>440</appid><gid>1904306376092568991</gid><contents>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39;</contents></appnews>',
    );
    expect(tree).toEqual({
      appnews: { appid: '440', gid: '1904306376092568991', contents: '<b>x</b> & "y" \'z\'' },
    });
  });

  it('takes a self-closed root as an empty document', () => {
    expect(parseXml('<?xml version="1.0"?>\n<response />\n')).toEqual({ response: '' });
  });

  it('gives repeated elements as an array and an empty element as ""', () => {
    expect(parseXml('<r><a>1</a><a>2</a><b></b><c/></r>')).toEqual({ r: { a: ['1', '2'], b: '', c: '' } });
  });

  it.each([
    ['<response><players><player><steamid>1</steamid>', /truncated/],
    ['<response><players><player><steamid/>', /truncated/],
    ['<response><a>1</a></resp', XmlSyntaxError],
    ['', /no root element/],
    ['just text', /no root element/],
    ['<a>1</a><b>2</b>', /2 root elements/],
  ])('refuses %j', (text, error) => {
    expect(() => parseXml(text)).toThrow(error);
  });

  it('is what parseBody uses for xml', () => {
    expect(parseBody('xml', '<r><a>1</a></r>')).toEqual({ r: { a: '1' } });
    expect(parseBody('json', '{"a":"76561197960435530"}')).toEqual({ a: '76561197960435530' });
    expect(() => parseBody('json', '{"a":')).toThrow(/JSON/);
  });
});
