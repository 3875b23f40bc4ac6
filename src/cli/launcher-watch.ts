/**
 * @module cli/launcher-watch
 * Under `npx`, `npm exec` or `npm run`, the pid a script holds (`$!`) is npm's, and npm starts
 * us through `sh -c`: a CI script's `kill $!` ends npm (and maybe that shell), never us, and we
 * would run on as an orphan holding our port. So a long-running command started by npm watches
 * the processes between it and npm, and stops when any of them is gone or it is re-parented.
 * Started otherwise (`node .../gamestash emulator &`, a service manager), it runs as told.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CHECK_EVERY_MS = 500;
/** npm's own process: its title (`npm exec ...`, `npm run ...`) or its script. */
const NPM_PROCESS = /(^|[\s/])(npm|npx)(\s|$)|np[mx]-cli\.js/;

export interface LauncherWatchOptions {
  env?: NodeJS.ProcessEnv;
  /** The parent's pid and a way to read a process's parent and command line (tests replace them). */
  ppid?: () => number;
  describe?: (pid: number) => { ppid: number; command: string } | undefined;
}

/**
 * Calls `onGone` once when npm (or the shell it ran us through) is gone. Returns a function
 * that stops watching. Does nothing when npm did not start this process.
 */
export function watchLauncher(onGone: () => void, options: LauncherWatchOptions = {}): () => void {
  const env = options.env ?? process.env;
  if (env.npm_lifecycle_event === undefined && env.npm_command === undefined) return () => undefined;
  const ppid = options.ppid ?? (() => process.ppid);
  const describe = options.describe ?? describeProcess;
  const parent = ppid();
  const chain = launcherChain(parent, describe);
  const timer = setInterval(() => {
    if (ppid() === parent && chain.every(isAlive)) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Our ancestors up to and including npm (at most four up); just the parent if npm is not found. */
export function launcherChain(
  parent: number,
  describe: (pid: number) => { ppid: number; command: string } | undefined,
): number[] {
  const chain: number[] = [];
  for (let pid = parent, depth = 0; pid > 1 && depth < 4; depth++) {
    const info = describe(pid);
    if (!info) break;
    chain.push(pid);
    if (NPM_PROCESS.test(info.command)) return chain;
    pid = info.ppid;
  }
  return [parent];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's parent and command line: /proc on Linux, `ps` elsewhere; undefined if unknown. */
function describeProcess(pid: number): { ppid: number; command: string } | undefined {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so read after the last `)`.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return { ppid, command };
    }
    if (process.platform === 'win32') return undefined;
    const line = execFileSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(.*)$/.exec(line);
    return match ? { ppid: Number(match[1]), command: match[2]! } : undefined;
  } catch {
    return undefined;
  }
}
