/**
 * @module steam/webapi/formats/json
 * The Web API's default format. Steam already sends 64-bit ids as strings (partner docs:
 * "64 bit numbers are returned as a string"), so plain JSON.parse is safe.
 */

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JsonSyntaxError((error as Error).message);
  }
}
