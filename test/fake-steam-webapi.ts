/**
 * A stand-in for api.steampowered.com over real HTTP (node:http), for unit tests that need
 * exact answers the emulator has no reason to give (an `x-eresult` header on a 200, a
 * truncated body, Steam echoing the key). By default it answers every typed method with its
 * fixture in the format asked (`format=json|xml|vdf`), and records every request.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBAPI_METHODS, type TypedMethodName } from '../src/steam/webapi/methods.js';
import { JSON_ANSWERS, toSteamVdf, toSteamXml } from './steam-webapi-fixtures.js';

export interface RecordedRequest {
  method: string;
  /** `/ISteamUser/GetPlayerSummaries/v2/` */
  path: string;
  query: URLSearchParams;
  /** The form body of a POST. */
  form: URLSearchParams;
  /** Query and form together: what Steam reads. */
  params: URLSearchParams;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export type FakeRoute = (req: RecordedRequest) => FakeAnswer | undefined;

export interface FakeSteamWebApi {
  url: string;
  requests: RecordedRequest[];
  /** Requests to paths starting with this (any case). */
  count(pathPrefix?: string): number;
  close(): Promise<void>;
}

const typedByPath = new Map(
  (Object.keys(WEBAPI_METHODS) as TypedMethodName[]).map((name) => {
    const row = WEBAPI_METHODS[name];
    return [`/${row.interface}/${row.method}`.toLowerCase(), name] as const;
  }),
);

/** The fixture of a typed method in the format the request asks for. */
export function fixtureAnswer(req: RecordedRequest, name?: TypedMethodName): FakeAnswer | undefined {
  const typed = name ?? typedByPath.get(req.path.replace(/\/v\d+\/?$/i, '').toLowerCase());
  if (!typed) return undefined;
  return formatted(
    req,
    JSON_ANSWERS[typed],
    WEBAPI_METHODS[typed].shape.root === undefined ? 'result' : undefined,
  );
}

/** A JSON answer in the format the request asks for, with Steam's content types. */
export function formatted(
  req: RecordedRequest,
  answer: Record<string, never> | object,
  root?: string,
): FakeAnswer {
  const format = req.params.get('format') ?? 'json';
  const json = answer as Parameters<typeof toSteamXml>[0];
  if (format === 'xml') {
    return { headers: { 'content-type': 'text/xml; charset=UTF-8' }, body: toSteamXml(json, root) };
  }
  if (format === 'vdf') {
    return { headers: { 'content-type': 'text/vdf; charset=UTF-8' }, body: toSteamVdf(json, root) };
  }
  return { headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(answer) };
}

export async function startFakeSteamWebApi(route: FakeRoute = () => undefined): Promise<FakeSteamWebApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, res) => {
    void readBody(incoming).then((text) => {
      const url = new URL(incoming.url ?? '/', 'http://localhost');
      const form = new URLSearchParams(incoming.method === 'POST' ? text : '');
      const params = new URLSearchParams([...url.searchParams, ...form]);
      const req: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        form,
        params,
      };
      requests.push(req);
      const answer = route(req) ??
        fixtureAnswer(req) ?? { status: 404, body: '<html><body>Not Found</body></html>' };
      res.writeHead(
        answer.status ?? 200,
        answer.headers ?? { 'content-type': 'application/json; charset=UTF-8' },
      );
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    count: (prefix = '/') =>
      requests.filter((r) => r.path.toLowerCase().startsWith(prefix.toLowerCase())).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
