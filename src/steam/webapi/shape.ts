/**
 * @module steam/webapi/shape
 * One normalizer for the three formats. A method's result shape says where its arrays are
 * and which fields are numbers, booleans or 64-bit ids; XML and VDF trees (all text) are
 * turned into the JSON shape Steam sends for `format=json`:
 *
 * - arrays: JSON sends `[...]`; XML a container of repeated elements named by element type
 *   (`<players><player>…</player></players>`; service interfaces name them `message`), so a
 *   one-element array looks like an object and an empty one like `""`; VDF an object keyed
 *   "0", "1", … (seed 004). All three become arrays, one element or none included.
 * - scalars: XML and VDF send text; `number` and `boolean` fields are converted, ids stay
 *   strings in every format. Null is "null" in XML and "" in VDF (seed 004): a number or
 *   boolean field holding either becomes null; a string field keeps its text, since a
 *   persona name may well be "null".
 *
 * Fields the shape does not name pass through untouched (in XML and VDF they stay text):
 * Steam adds fields over time, and callers should still see them.
 */
import type { WebApiFormat } from './formats/index.js';
import { XML_TEXT_KEY } from './formats/xml.js';

export type ScalarShape = 'string' | 'id' | 'number' | 'boolean';
/** `[element]`: an array of that element shape. */
export type ArrayShape = readonly [Shape];
export interface ObjectShape {
  readonly [field: string]: Shape;
}
export type Shape = ScalarShape | ArrayShape | ObjectShape;

/** A method's whole answer: `{ root: body }` in JSON, `<root>` in XML, `"root" { }` in VDF. */
export interface ResultShape {
  /** The JSON wrapper key (`response`, `playerstats`, …); absent when JSON has none (GetServerInfo). */
  root?: string;
  body: ObjectShape;
}

export class ShapeError extends Error {
  override name = 'ShapeError';
}

/**
 * Turns a parsed body into the JSON shape: `{ [root]: body }`, or the bare body for a shape
 * without a root. Works in place on the freshly parsed tree. Throws ShapeError when the root
 * is missing (an error page, another method's answer).
 */
export function normalizeResult(tree: unknown, shape: ResultShape, format: WebApiFormat): unknown {
  if (!isObject(tree)) throw new ShapeError('the answer is not an object');
  if (format === 'json') {
    if (shape.root === undefined) return normalize(tree, shape.body);
    if (!Object.hasOwn(tree, shape.root)) throw new ShapeError(`the answer has no "${shape.root}"`);
    tree[shape.root] = normalize(tree[shape.root], shape.body);
    return tree;
  }
  // XML and VDF always have one root element; JSON may have none (its root is the document).
  const roots = Object.keys(tree).filter((key) => key !== XML_TEXT_KEY);
  const root = shape.root ?? (roots.length === 1 ? roots[0]! : undefined);
  if (root === undefined || !Object.hasOwn(tree, root)) {
    throw new ShapeError(`the answer has no "${shape.root ?? 'root element'}"`);
  }
  const body = normalize(tree[root], shape.body);
  return shape.root === undefined ? body : { [root]: body };
}

/** Normalizes one value against its shape; undefined (a field Steam left out) stays undefined. */
export function normalize(value: unknown, shape: Shape): unknown {
  if (value === undefined) return undefined;
  if (typeof shape === 'string') return scalar(value, shape);
  if (isArrayShape(shape)) return array(value, shape[0]);
  return object(value, shape);
}

function isArrayShape(shape: ArrayShape | ObjectShape): shape is ArrayShape {
  return Array.isArray(shape);
}

function scalar(value: unknown, shape: ScalarShape): unknown {
  switch (shape) {
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'id':
      // Steam sends 64-bit ids as strings; a number here (never seen) could not be exact anyway.
      return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
    case 'number':
      if (typeof value !== 'string') return value;
      if (value === '' || value === 'null') return null;
      return NUMBER.test(value) ? Number(value) : value;
    case 'boolean':
      if (typeof value === 'number') return value !== 0;
      if (typeof value !== 'string') return value;
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      if (value === '' || value === 'null') return null;
      return value;
  }
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function array(value: unknown, element: Shape): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, element));
  // An empty XML container (`<games></games>`, pretty-printed or not) or VDF's null.
  if (typeof value === 'string') return value.trim() === '' || value === 'null' ? [] : value;
  if (!isObject(value)) return value;
  const keys = Object.keys(value).filter((key) => key !== XML_TEXT_KEY);
  if (keys.length > 0 && keys.every((key) => INDEX.test(key))) {
    // VDF: an object keyed "0", "1", … in order.
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => normalize(value[key], element));
  }
  // XML: the container's children are the elements, whatever their element name.
  const items: unknown[] = [];
  for (const key of keys) {
    const child = value[key];
    if (Array.isArray(child)) items.push(...child);
    else items.push(child);
  }
  return items.map((item) => normalize(item, element));
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** Fills the object in place: the tree was parsed for this call and nobody else holds it. */
function object(value: unknown, shape: ObjectShape): unknown {
  // `<response></response>` (XML) and `{"response":{}}` are the same empty object.
  if (typeof value === 'string' && value.trim() === '') return {};
  if (!isObject(value)) return value;
  for (const key of Object.keys(value)) {
    const field = shape[key];
    if (key === XML_TEXT_KEY) delete value[key];
    else if (field === undefined) value[key] = withoutXmlText(value[key]);
    else value[key] = normalize(value[key], field);
  }
  return value;
}

/**
 * A tree without a shape (a method outside the typed table): XML whitespace between elements
 * dropped, VDF objects keyed "0".."n-1" turned into arrays, and XML containers holding one
 * element name repeated into arrays. Best effort: with no shape, a one-element XML array still
 * looks like an object and numbers stay text.
 */
export function looseTree(tree: unknown, format: WebApiFormat): unknown {
  if (format === 'json') return tree;
  return loose(tree, format);
}

function loose(value: unknown, format: 'xml' | 'vdf'): unknown {
  if (Array.isArray(value)) return value.map((item) => loose(item, format));
  if (!isObject(value)) return value;
  const keys = Object.keys(value).filter((key) => key !== XML_TEXT_KEY);
  if (format === 'vdf' && keys.length > 0 && keys.every((key, i) => key === String(i))) {
    return keys.map((key) => loose(value[key], format));
  }
  if (format === 'xml' && keys.length === 1 && Array.isArray(value[keys[0]!])) {
    return loose(value[keys[0]!], format);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = loose(value[key], format);
  return out;
}

/** Unknown fields keep their value; only XML's whitespace between elements goes. */
function withoutXmlText(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withoutXmlText(value[i]);
    return value;
  }
  if (!isObject(value)) return value;
  for (const key of Object.keys(value)) {
    if (key === XML_TEXT_KEY) delete value[key];
    else value[key] = withoutXmlText(value[key]);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
