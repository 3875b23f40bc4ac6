/**
 * What makes `npm install` on a fresh clone rewrite the committed package-lock.json, checked
 * offline: dependencies in package.json that the lockfile does not record as they are, and
 * optional platform packages missing from it (npm drops other platforms' binaries when it
 * rebuilds a lockfile from an installed tree, npm/cli#4828; a clean install then adds them
 * back). And runtime dependencies nothing imports: removed until something does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, Manifest & { version?: string; link?: boolean }>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

/** Where npm would find `name` for the package at `from`: its own node_modules, then each parent's. */
function locate(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  for (let dir = from; ;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

/** Optional dependencies (other platforms' binaries) the lockfile has lost. */
function missingOptionals(packages: Lockfile['packages']): string[] {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!locate(packages, path, name)) missing.push(`${path || '(root)'} -> ${name}`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  it('records package.json as it is, so a fresh npm install has nothing to rewrite', () => {
    const root = lock.packages[''] ?? {};
    expect(lock.lockfileVersion).toBe(3);
    expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      // An alias (`npm:better-sqlite3@~13.2.0`) is locked under its own name.
      expect(lock.packages[`node_modules/${name}`], `${name}@${range} is not locked`).toBeDefined();
    }
  });

  it("keeps every platform's optional packages (npm/cli#4828)", () => {
    expect(missingOptionals(lock.packages)).toEqual([]);
    // The check itself: a lockfile that lost them is caught.
    const pruned = { ...lock.packages };
    const victim = Object.entries(pruned).find(([, e]) => Object.keys(e.optionalDependencies ?? {}).length);
    if (victim) {
      const [path, entry] = victim;
      const name = Object.keys(entry.optionalDependencies ?? {})[0]!;
      delete pruned[locate(pruned, path, name) ?? ''];
      expect(missingOptionals(pruned)).not.toEqual([]);
    }
  });
});

/**
 * Declared for work under way that imports them next (the Web API, trading, CORS and
 * compression); each leaves this list in the change that first imports it.
 */
const AWAITING_IMPORT = new Set(['bullmq', 'kvparser', 'steam-totp', '@fastify/compress', '@fastify/cors']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('runtime dependencies', () => {
  it('are each imported by the shipped code (src/, bin/), or awaiting their first import', () => {
    const code = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'bin'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(manifest.dependencies ?? {}).filter((name) => {
      const quoted = new RegExp(`['"]${name.replace(/[/.]/g, (c) => `\\${c}`)}(/[^'"]*)?['"]`);
      return !quoted.test(code) && !AWAITING_IMPORT.has(name);
    });
    expect(unused).toEqual([]);
    for (const name of AWAITING_IMPORT) {
      expect(
        manifest.dependencies,
        `${name} is no longer declared: drop it from AWAITING_IMPORT`,
      ).toHaveProperty([name]);
    }
  });
});
