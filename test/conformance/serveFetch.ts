import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Fetch-API handler (`Request → Response`), as the mock backend and the reference server export. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A handler served on a real loopback port. */
export interface Served {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function bridge(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  const request = new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
  const response = await handler(request);
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, out);
  res.end(payload);
}

/**
 * Serves a Fetch-API handler on `127.0.0.1` at an ephemeral port through `node:http`, so the
 * conformance suite talks to it over real HTTP.
 *
 * @example
 * ```ts
 * const served = await serveFetch(createMockBackend().fetch);
 * await runConformance({ baseUrl: `${served.origin}/api/auth` });
 * await served.close();
 * ```
 */
export async function serveFetch(handler: FetchHandler): Promise<Served> {
  let origin = '';
  const server = createServer((req, res) => {
    bridge(handler, req, res, origin).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test bridge error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
