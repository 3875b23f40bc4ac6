/**
 * @module mcp/result
 * A successful tool answer: the structured result (checked against the tool's outputSchema)
 * and a compact text rendering of the same data, for clients that show the model only text.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { redactText } from '../core/http/redact.js';

export function toolResult<T extends Record<string, unknown>>(text: string, structured: T): CallToolResult {
  // Upstream text (item names, descriptions) is not ours: redact it like any other output.
  return { content: [{ type: 'text', text: redactText(text) }], structuredContent: structured };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
