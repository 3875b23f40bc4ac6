/**
 * @module cli/options
 * Parsers for option values, shared by commands: each rejects bad input with a message
 * naming the flag and what it expects.
 */
import { InvalidArgumentError } from 'commander';

export function positiveInt(flag: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from 1 to ${max}, got "${value}"`);
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

export function nonNegativeInt(flag: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from 0 to ${max}, got "${value}"`);
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
