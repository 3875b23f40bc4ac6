/**
 * A proxy in front of the emulator that loses answers on purpose: for requests a rule
 * picks, it cuts the connection either before forwarding (Steam never saw the request) or
 * after the emulator answered (Steam acted; the answer is lost). Everything else passes
 * through unchanged. For write paths the emulator has no fault for (accept, decline, cancel).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Loss = 'before' | 'after';

export interface LossyProxy {
  url: string;
  /** The next requests whose method and path match lose their answer, in order. */
  lose(method: string, path: RegExp, ...losses: Loss[]): void;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const rules: { method: string; path: RegExp; loss: Loss }[] = [];
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const at = rules.findIndex((r) => r.method === req.method && r.path.test(path));
    const loss = at >= 0 ? rules.splice(at, 1)[0]!.loss : undefined;
    if (loss === 'before') {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!['host', 'connection', 'content-length'].includes(name) && typeof value === 'string')
        headers[name] = value;
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(req.method === 'POST' ? { body } : {}),
    });
    const text = Buffer.from(await answer.arrayBuffer());
    if (loss === 'after') {
      req.socket.destroy();
      return;
    }
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
        out[name] = value;
    });
    res.writeHead(answer.status, out).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lose(method, path, ...losses) {
      for (const loss of losses) rules.push({ method, path, loss });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
