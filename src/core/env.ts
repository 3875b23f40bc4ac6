/**
 * @module core/env
 * Reading settings from environment variables: each bad value fails loudly, naming the
 * variable and what it expects. Shared by the library's and the gateway's config.
 */
import { InvalidInputError } from './errors.js';

export type Env = Record<string, string | undefined>;

/** Drops keys set to undefined, so overrides never blank out a default. */
export function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function list(env: Env, name: string): string[] {
  return (text(env, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function url(env: Env, name: string, fallback: string): string {
  const value = text(env, name);
  return value ? checkUrl(value, name).replace(/\/+$/, '') : fallback;
}

export function checkUrl(value: string, name: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    return value;
  } catch {
    throw new InvalidInputError(`${name} must be an http(s) URL, got "${value}"`, name);
  }
}

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidInputError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`, name);
  }
  return parsed;
}
