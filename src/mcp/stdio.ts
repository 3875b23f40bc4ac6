/**
 * @module mcp/stdio
 * Runs the MCP server over stdin/stdout until the client goes away (stdin ends) or a signal
 * arrives. stdout carries protocol messages only: anything else written there breaks the
 * client, so failures go to stderr. Run directly (`node --import tsx src/mcp/stdio.ts`) or
 * through `gamestash mcp` (either way `--allow-trading` adds the trade write tools).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig, type GamestashConfig } from '../core/config.js';
import { redactText } from '../core/http/redact.js';
import { describeToolError } from './errors.js';
import { trackPendingRequests } from './pending.js';
import { createMcpServer, type McpServerOptions } from './server.js';

export async function runStdioServer(
  config: GamestashConfig = loadConfig(process.env),
  options: Pick<McpServerOptions, 'allowTrading'> = {},
): Promise<void> {
  const mcp = createMcpServer({ config, ...options });
  const transport = new StdioServerTransport();
  let stop = () => {};
  const signalled = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The SDK's stdio transport does not watch for EOF: without this the process would outlive
  // a client that closed the pipe.
  const inputEnded = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    transport.onclose = resolve;
  });
  try {
    await mcp.server.connect(transport);
    const pending = trackPendingRequests(transport);
    // End of input: answer what was asked, then stop. A signal stops at once (in-flight
    // calls are aborted by the close).
    await Promise.race([signalled, inputEnded.then(() => pending.idle())]);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await mcp.close();
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  try {
    await runStdioServer(loadConfig(process.env), {
      allowTrading: process.argv.includes('--allow-trading'),
    });
  } catch (error) {
    process.stderr.write(`gamestash mcp: ${redactText(describeToolError(error))}\n`);
    process.exitCode = 1;
  }
}
