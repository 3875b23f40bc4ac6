/**
 * MCP tools as an agent sees them: SDK clients over the in-memory transport, each with its
 * own server built from a config. Every answer is kept, so a test can check none leaks a secret.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { loadConfig, type Env } from '../src/core/config.js';
import { createMcpServer, type GamestashMcpServer, type McpServerOptions } from '../src/mcp/server.js';

export class McpSessions {
  /** Every tool answer, serialized. */
  readonly answers: string[] = [];
  private readonly open: { client: Client; mcp: GamestashMcpServer }[] = [];
  private dataDir: string | undefined;

  /** `baseEnv` is read at each connect (an emulator's URL is known only once it runs). */
  constructor(private readonly baseEnv: () => Env) {}

  async connect(env: Env = {}, options: Omit<McpServerOptions, 'config'> = {}): Promise<Client> {
    // Tools that keep data (prices, snapshots, confirmation times) must never reach the
    // user's own data directory from a test: a throwaway one unless the test names a store.
    const dataDir = (this.dataDir ??= mkdtempSync(join(tmpdir(), 'gamestash-mcp-')));
    const config = loadConfig({ GAMESTASH_DATA_DIR: dataDir, ...this.baseEnv(), ...env });
    const mcp = createMcpServer({ config, ...options });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'test', version: '1.0.0' });
    await Promise.all([mcp.server.connect(serverSide), client.connect(clientSide)]);
    this.open.push({ client, mcp });
    return client;
  }

  async call(client: Client, name: string, args: Record<string, unknown>) {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    this.answers.push(JSON.stringify(result));
    const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    return { result, text, data: result.structuredContent as Record<string, unknown> };
  }

  async closeAll(): Promise<void> {
    for (const { client, mcp } of this.open.splice(0)) {
      await client.close();
      await mcp.close();
    }
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = undefined;
  }
}
