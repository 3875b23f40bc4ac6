/**
 * @module steam/ids/app-context
 * The one rule for app and context ids, on every front-end: digits only, leading zeros
 * accepted and dropped (`0730` is app 730, `02` is context 2). Steam's paths take the
 * number without them, and caches keyed by these ids (the gateway's) must see one spelling.
 */
import { InvalidInputError } from '../../core/errors.js';

/** Steam app ids are unsigned 32-bit numbers. */
const MAX_APP_ID = 4_294_967_295;
/** Longer than any real id, zeros included: past this it is not an id someone typed. */
const MAX_INPUT_LENGTH = 32;

/** `"0730"`, `730` -> `"730"`; anything else is an InvalidInputError naming the parameter. */
export function canonicalAppId(value: string | number, parameter = 'appid'): string {
  const digits = stripZeros(value);
  if (digits === undefined || digits === '0' || digits.length > 10 || Number(digits) > MAX_APP_ID) {
    throw new InvalidInputError(
      `app id must be a positive number (CS2 is 730), got "${shown(value)}"`,
      parameter,
    );
  }
  return digits;
}

/** `"02"`, `2` -> `"2"`; context ids are 64-bit, so they stay strings. */
export function canonicalContextId(value: string | number, parameter = 'contextid'): string {
  const digits = stripZeros(value);
  if (digits === undefined || digits.length > 20 || BigInt(digits) > 0xffffffffffffffffn) {
    throw new InvalidInputError(
      `context id must be a number (usually 2; 6 for Steam items), got "${shown(value)}"`,
      parameter,
    );
  }
  return digits;
}

function stripZeros(value: string | number): string | undefined {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
  if (text.length > MAX_INPUT_LENGTH || !/^\d+$/.test(text)) return undefined;
  return text.replace(/^0+(?=\d)/, '');
}

function shown(value: string | number): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
