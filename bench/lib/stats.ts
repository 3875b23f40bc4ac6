/**
 * Small helpers shared by benchmarks: medians, child-process runs with peak RSS, tables.
 */
import { spawn } from 'node:child_process';
import type { EmulatorStatsReport } from '../../src/emulator/control.js';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface WorkerResult {
  ms: number;
  /** CPU the worker used while timed, when it reports it. */
  cpuMs?: number;
  items: number;
  maxRssMb: number;
}

/** Runs a bench worker in its own process so its peak RSS is its own. */
export function runWorker(script: string, args: string[]): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

export function printTable(rows: Record<string, unknown>[]): void {
  console.table(rows);
}

export function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

/** Inventory requests the emulator answered (any status), from its stats report; `steamid`: only that inventory's. */
export function inventoryRequests(stats: EmulatorStatsReport, steamid?: string): number {
  const prefix = steamid === undefined ? '/inventory/' : `/inventory/${steamid}/`;
  return Object.entries(stats.byPath)
    .filter(([path]) => path.startsWith(prefix))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}
