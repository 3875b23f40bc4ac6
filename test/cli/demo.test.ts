/**
 * `gamestash demo` (`npm run demo`) end to end, as a user starts it: the built CLI prints the
 * viewer's address on loopback with the demo key in a fragment, the gateway answers that key
 * with the demo's world (vanity, trade URL, history, Roblox, icons from the emulator, the
 * trading account with two offers waiting and the partner's trade URL printed), PORT
 * chooses the port, and SIGINT stops everything.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from './run-cli.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('gamestash demo', () => {
  it('prints the viewer with a one-time key fragment, serves the demo world on PORT, stops on SIGINT', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI_BIN, 'demo'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect
        .poll(() => stdout, { timeout: 120_000, interval: 250 })
        .toContain('Ctrl-C stops everything');
      const viewer = /(http:\/\/127\.0\.0\.1:(\d+)\/viewer\?who=demo)#key=(gs_[A-Za-z0-9_-]{32})\n/.exec(
        stdout,
      );
      expect(viewer, stdout).not.toBeNull();
      const [, page, printedPort, key] = viewer!;
      expect(Number(printedPort)).toBe(port);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(page!)).status).toBe(200);
      const get = async (path: string) => {
        const res = await fetch(base + path, { headers: { 'x-api-key': key! } });
        return {
          status: res.status,
          body: (await res.json()) as Record<string, unknown> & { [k: string]: never },
        };
      };
      const byVanity = await get('/v1/steam/inventory/demo/730/2?limit=1');
      expect(byVanity.status).toBe(200);
      expect(byVanity.body.total_inventory_count).toBe(3000);
      const trade = /(https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=\d+&token=\w+)/.exec(
        stdout,
      )![1]!;
      expect((await get(`/v1/steam/inventory/${encodeURIComponent(trade)}/440/2?limit=1`)).body.steamid).toBe(
        byVanity.body.steamid,
      );
      const history = await get(`/v1/steam/inventory/demo/730/2/history`);
      expect((history.body.snapshots as unknown as unknown[]).length).toBe(8);
      expect((await get('/v1/steam/inventory/hidden/730/2')).status).toBe(403);
      expect((await get('/v1/roblox/users/123456/inventory-items?all=1')).status).toBe(200);
      const players = (await get(`/v1/steam/players/${byVanity.body.steamid}`)).body.players as unknown as {
        personaname: string;
      }[];
      expect(players[0]!.personaname).toBe('Demo Collector');
      // The trade desk's world: the demo key may read the demo account's offers, two wait.
      const offers = await get('/v1/steam/accounts/demo/offers');
      expect(offers.status).toBe(200);
      expect(
        (offers.body.offers as unknown as { isOurOffer: boolean; state: number }[]).map((o) => o.state),
      ).toEqual([2, 2]);
      expect(stdout).toMatch(
        /Trade desk: account demo.*\n {2}https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=79734275&token=PaRtN3r0\n/,
      );
      // The key was printed, never logged: nothing on stderr but the two status lines.
      expect(stderr).not.toContain(key!);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('gamestash demo: stopping');
  }, 180_000);
});
