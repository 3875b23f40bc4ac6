/**
 * @module steam/webapi/formats/xml
 * The Web API's `format=xml` (seed 004): no attributes, arrays as repeated sub-elements named
 * by element type, null as the text "null". fast-xml-parser reads it with every value kept as
 * text, so a SteamID64 never passes through a JS number; the shape normalizer types it later.
 */
import { XMLParser } from 'fast-xml-parser';

/** An XML element as fast-xml-parser gives it: text, an object of children, or repeats as an array. */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Numbers and ids stay text until the shape converts them.
  parseTagValue: false,
  // Keep leading and trailing spaces of values (a title may end in one, as in JSON); the
  // whitespace between elements then shows up as '#text' keys, which the normalizer drops.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
});

/** Text fast-xml-parser files under this name when an element has children as well. */
export const XML_TEXT_KEY = '#text';

/**
 * Parses one XML document into `{ root: content }`. fast-xml-parser forgives a truncated
 * document (it closes what is open), so the end of the text must close the root element:
 * a cut-off body is an error, not a shorter answer.
 */
export function parseXml(text: string): XmlObject {
  let tree: XmlObject;
  try {
    tree = parser.parse(text) as XmlObject;
  } catch (error) {
    throw new XmlSyntaxError((error as Error).message);
  }
  const roots = Object.keys(tree).filter((name) => name !== XML_TEXT_KEY);
  if (roots.length !== 1) {
    throw new XmlSyntaxError(roots.length === 0 ? 'no root element' : `${roots.length} root elements`);
  }
  const root = roots[0]!;
  const tail = text.trimEnd();
  if (!tail.endsWith(`</${root}>`) && !new RegExp(`<${escapeRegExp(root)}\\s*/>$`).test(tail)) {
    throw new XmlSyntaxError(`the document ends before </${root}> (truncated?)`);
  }
  return tree;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
