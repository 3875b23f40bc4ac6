/**
 * @module test/services/ports
 * Free loopback ports and small process helpers shared by the throwaway servers.
 */
import { createServer } from 'node:net';

/** Asks the kernel for a free port. Another process may take it before we bind: callers retry. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals one process by pid and waits (bounded) until it is gone; SIGKILL if it lingers. */
export async function stopPid(
  pid: number,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000,
): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

const exitKills = new Set<number>();
let exitHookInstalled = false;

/**
 * Kills `pid` if this test process exits without stopping it (a crashed or timed-out test
 * file), so no server outlives its tests. Synchronous: 'exit' handlers cannot await.
 */
export function killOnExit(pid: number): () => void {
  exitKills.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of exitKills) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    });
  }
  return () => exitKills.delete(pid);
}
