/**
 * @module emulator/steam/webapi/formats/document
 * What a Web API method answers, independent of the wire format: a named root holding
 * plain JS values, plus the XML element name of each array's items (Steam's
 * "arrays are named by the type of their elements", seeds/004). Keys whose value is
 * `undefined` are left out in every format.
 */

export type WebApiValue =
  string | number | boolean | null | undefined | WebApiValue[] | { [key: string]: WebApiValue };

export type WebApiObject = { [key: string]: WebApiValue };

export interface WebApiDocument {
  /**
   * The root element (XML's DOCTYPE and document element, VDF's outer key). `''` is
   * Valve's empty answer (no root node): `{}` in JSON, the bare prolog and `<!DOCTYPE >` in
   * XML, nothing in VDF — what some methods give, with a 403, for an app they know nothing of.
   */
  root: string;
  value: WebApiObject;
  /**
   * JSON shows the root's members at the top level, without the root's name (Valve's
   * "anonymous root node": GetServerInfo answers `{"servertime":…}`).
   */
  anonymousRoot?: boolean;
  /** XML element name of an array's items, given the array's own name. */
  arrayElement(arrayName: string): string;
}

export function isObject(value: WebApiValue): value is WebApiObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The members to write, in order, without the `undefined` ones. */
export function members(value: WebApiObject): [string, WebApiValue][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}
