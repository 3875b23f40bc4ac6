/**
 * The server as MCP clients launch it: a child process speaking JSON-RPC over stdio
 * (through tsx, so no build is needed). stdout must carry protocol messages only, and the
 * process must finish what it was asked and exit on its own when its input ends.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('stdio', () => {
  it('lists tools and answers a call, with nothing but protocol on stdout', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/mcp/stdio.ts'],
      cwd: ROOT,
      // Loopback URLs that nothing listens on: this test must never reach the real Steam.
      env: {
        GAMESTASH_STEAM_COMMUNITY_URL: 'http://127.0.0.1:9',
        GAMESTASH_STEAM_API_URL: 'http://127.0.0.1:9',
        GAMESTASH_ROBLOX_API_URL: 'http://127.0.0.1:9',
      },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    const pid = transport.pid!;
    expect(client.getServerVersion()?.name).toBe('gamestash');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'roblox_inventory',
      'roblox_owns',
      'steam_achievements',
      'steam_api',
      'steam_confirmations_list',
      'steam_friends',
      'steam_games',
      'steam_inventory',
      'steam_inventory_history',
      'steam_inventory_value',
      'steam_news',
      'steam_offer_show',
      'steam_offers_list',
      'steam_offers_summary',
      'steam_profile',
      'steam_resolve_id',
      'steam_trade_history',
    ]);
    const resolved = (await client.callTool({
      name: 'steam_resolve_id',
      arguments: { who: '[U:1:52079950]' },
    })) as CallToolResult;
    expect(resolved.structuredContent).toEqual({ steamid64: '76561198012345678' });

    await client.close();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(stderr).toBe('');
  });

  it('answers what was asked before stdin ended, then exits', async () => {
    const emulator = await startEmulator({ scenario: { steam: { rateLimit: { minIntervalMs: 0 } } } });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/mcp/stdio.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
          GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
        },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      const messages = [
        {
          method: 'initialize',
          id: 1,
          params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo },
        },
        { method: 'notifications/initialized' },
        { method: 'tools/call', id: 2, params: { name: 'steam_inventory', arguments: { who: 'gaben' } } },
      ];
      child.stdin.end(messages.map((m) => JSON.stringify({ jsonrpc: '2.0', ...m })).join('\n') + '\n');
      expect(await exited).toBe(0);
      const answers = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: number; result: never });
      expect(answers.map((a) => a.id)).toEqual([1, 2]);
      expect(answers[1]!.result).toMatchObject({
        structuredContent: { steamid64: '76561197960287930', returned: 40 },
      });
    } finally {
      await emulator.close();
    }
  });
});

const clientInfo = { name: 'pipe', version: '1.0.0' };
