/**
 * @module cli/options
 * Parsers for option values, shared by commands: each rejects bad input with a message
 * naming the flag and what it expects.
 */
import { InvalidArgumentError } from 'commander';

/** `a whole number from 1 to 2000`, or without a bound `a whole number of 1 or more` (not 9007199254740991). */
function wholeNumber(min: number, max: number | undefined): string {
  return max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`;
}

export function positiveInt(flag: string, max?: number) {
  return intFrom(flag, 1, max);
}

/** A whole number from `min` (to `max`), e.g. a poll interval that must not hammer Steam. */
export function intFrom(flag: string, min: number, max?: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > (max ?? Infinity)) {
      throw new InvalidArgumentError(`${flag} must be ${wholeNumber(min, max)}, got "${value}"`);
    }
    return n;
  };
}

export function numericId(flag: string) {
  return (value: string): string => {
    if (!/^\d{1,20}$/.test(value.trim())) {
      throw new InvalidArgumentError(`${flag} must be a number, got "${value}"`);
    }
    return value.trim();
  };
}

export function nonNegativeInt(flag: string, max?: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > (max ?? Infinity)) {
      throw new InvalidArgumentError(`${flag} must be ${wholeNumber(0, max)}, got "${value}"`);
    }
    return n;
  };
}

export function nonEmpty(flag: string) {
  return (value: string): string => {
    if (!value.trim()) throw new InvalidArgumentError(`${flag} must not be empty`);
    return value.trim();
  };
}
