/**
 * @module emulator/control
 * Endpoints for whoever drives the emulator (tests, benchmarks, users' CI):
 * `GET /__emulator/stats` (request counts by path and status, plus each module's own
 * counters) and `POST /__emulator/reset` (forget counters, rate-limit windows, fault
 * sequence), plus the routes modules add under the same prefix. Control requests are left
 * out of the counts.
 */
import type { RunningEmulator } from './server.js';
import type { ServerResponse } from 'node:http';
import type { EmulatorModule, EmulatorReply, EmulatorRequest, RouteHandler } from './types.js';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlOptions {
  /** The running emulator (known only after the server started). */
  emulator: () => RunningEmulator | undefined;
  /** Each module's own counters, by module name. */
  moduleStats?: Record<string, () => unknown>;
  /** Modules' own control routes under the prefix (e.g. `/__emulator/steam/…`). */
  routes?: RouteHandler[];
}

export interface EmulatorStatsReport {
  total: number;
  byStatus: Record<string, number>;
  /** Path -> status -> count. */
  byPath: Record<string, Record<string, number>>;
  modules: Record<string, unknown>;
}

export function createControlModule(options: ControlOptions): EmulatorModule {
  return {
    name: 'control',
    async handle(req: EmulatorRequest, res: ServerResponse): Promise<EmulatorReply | undefined> {
      const path = req.url.pathname;
      if (!path.startsWith(CONTROL_PREFIX)) return undefined;
      const emulator = options.emulator();
      if (!emulator) return { status: 503, body: { error: 'emulator not started' } };
      if (path === `${CONTROL_PREFIX}stats` && req.method === 'GET') {
        return { status: 200, body: statsReport(emulator, options.moduleStats ?? {}) };
      }
      if (path === `${CONTROL_PREFIX}reset` && req.method === 'POST') {
        emulator.reset();
        return { status: 200, body: { ok: true } };
      }
      for (const route of options.routes ?? []) {
        const reply = await route(req, res);
        if (reply) return reply;
      }
      return { status: 404, body: { error: `no control endpoint ${req.method} ${path}` } };
    },
  };
}

export function statsReport(
  emulator: RunningEmulator,
  moduleStats: Record<string, () => unknown>,
): EmulatorStatsReport {
  const report: EmulatorStatsReport = { total: 0, byStatus: {}, byPath: {}, modules: {} };
  for (const entry of emulator.stats.requests) {
    if (entry.path.startsWith(CONTROL_PREFIX)) continue;
    const status = String(entry.status);
    report.total++;
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    const byStatus = (report.byPath[entry.path] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  for (const [name, stats] of Object.entries(moduleStats)) report.modules[name] = stats();
  return report;
}
