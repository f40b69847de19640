import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { AuthRequestInfo } from './AuthHandlerOptions.js';
import { jsonBodyOf, RAW_HANDLER } from './RawExchange.js';
import type { RawHandler, RawRequest, RawResponse } from './RawExchange.js';

/**
 * A Fetch-API handler as the Node adapter accepts it: `createAuthHandler`'s answer, or any
 * `(Request) => Promise<Response>` (an app that mounts the auth handler next to its own routes).
 *
 * @example
 * ```ts
 * const app: FetchHandler = (request, info) => authHandler(request, info);
 * ```
 */
export type FetchHandler = ((request: Request, info?: AuthRequestInfo) => Promise<Response>) & { readonly maxBodyBytes?: number };

/**
 * Options of {@link toNodeListener}.
 *
 * @example
 * ```ts
 * const options: NodeListenerOptions = { maxBodyBytes: 64 * 1024 };
 * ```
 */
export interface NodeListenerOptions {
  /** Bodies larger than this get 413 while streaming. Default: the handler's `maxBodyBytes`, else 64 KiB. */
  maxBodyBytes?: number;
}

const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'application/json; charset=utf-8' };

function sendError(res: ServerResponse, status: number, code: string, message: string, close: boolean): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...BASE_HEADERS, ...(close ? { Connection: 'close' } : {}) });
  res.end(JSON.stringify({ error: { code, message } }));
}

const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

/** Answers 413 at once, then reads and discards the rest of the body (so the client sees the answer), up to 16 MiB. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  sendError(res, 413, 'payload_too_large', `The request body is larger than ${String(limit)} bytes.`, false);
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.once('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

/** The incoming message as the handler reads it (no Web objects, no per-request closures). */
class NodeRequest implements RawRequest {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly body: Buffer | null,
    private readonly req: IncomingMessage,
  ) {}

  /** A header as one string (Node already joins duplicates and trims values), or null. */
  header(name: string): string | null {
    const value = this.req.headers[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** Writes the handler's answer with an exact `Content-Length` (one write, no chunked framing). */
function writeRaw(res: ServerResponse, method: string, answer: RawResponse): void {
  const body = method === 'HEAD' ? null : answer.body;
  if (body !== null) answer.headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, answer.headers);
  if (body === null) res.end();
  else res.end(body);
}

/**
 * Turns a Fetch-API handler into a Node `http` request listener (also usable as Express
 * middleware: `app.use('/api/auth', toNodeListener(handler))`; it reads `req.originalUrl`, and a
 * body an earlier `express.json()` already parsed). The request body is read with a byte limit
 * while it streams (a larger body gets 413 at once, without buffering it); the peer address is
 * handed to the handler for throttling. The URL's host comes from the `Host` header, which the
 * auth handler only uses for same-origin checks, never for links. `createAuthHandler`'s own handler
 * is called without building Web `Request`/`Response` objects (same answers, less work per request).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(8787);
 * ```
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): RequestListener {
  const limit = options.maxBodyBytes ?? handler.maxBodyBytes ?? 64 * 1024;
  const raw = (handler as FetchHandler & { [RAW_HANDLER]?: RawHandler })[RAW_HANDLER];
  return (req, res) => {
    void (async () => {
      const method = (req.method ?? 'GET').toUpperCase();
      const declared = Number(req.headers['content-length'] ?? '0');
      if (Number.isFinite(declared) && declared > limit) {
        refuseTooLarge(req, res, limit);
        return;
      }
      let body: Buffer | null = null;
      const parsed = (req as IncomingMessage & { body?: unknown }).body;
      if (method !== 'GET' && method !== 'HEAD' && req.readableEnded && parsed !== undefined) {
        // A body parser (express.json()) ran first: hand its result on as JSON.
        body = Buffer.from(typeof parsed === 'string' || Buffer.isBuffer(parsed) ? parsed : JSON.stringify(parsed));
        if (body.length > limit) {
          sendError(res, 413, 'payload_too_large', `The request body is larger than ${String(limit)} bytes.`, false);
          return;
        }
        if (body.length === 0) body = null;
      } else if (method !== 'GET' && method !== 'HEAD') {
        const read = await readBody(req, limit);
        if (read === 'too_large') {
          refuseTooLarge(req, res, limit);
          return;
        }
        body = read.length > 0 ? read : null;
      }
      const encrypted = (req.socket as TLSSocket).encrypted === true;
      const rawHost = req.headers.host ?? 'localhost';
      const host = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(rawHost) ? rawHost : 'localhost';
      // Express strips its mount path from req.url; originalUrl keeps the full path.
      const rawPath = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
      const path = rawPath?.startsWith('/') ? rawPath : '/';
      const url = `${encrypted ? 'https' : 'http'}://${host}${path}`;
      const info = req.socket.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {};
      if (raw) {
        writeRaw(res, method, await raw(new NodeRequest(method, url, body, req), info));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else headers.set(name, value);
      }
      const request = new Request(url, {
        method,
        headers,
        ...(body === null ? {} : { body: new Uint8Array(body) }),
      });
      const response = await handler(request, info);
      const outHeaders: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') outHeaders[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
      const text = jsonBodyOf(response);
      const payload = method === 'HEAD' || response.body === null ? null : text !== undefined ? text : Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, outHeaders);
      res.end(payload);
    })().catch(() => sendError(res, 500, 'internal', 'Something went wrong on our side. Try again later.', true));
  };
}

/**
 * A running server started by {@link listen}.
 *
 * @example
 * ```ts
 * const running: RunningServer = await listen(handler, { port: 0 });
 * console.log(running.url); await running.close();
 * ```
 */
export interface RunningServer {
  server: Server;
  /** `http://host:port` it listens on. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a Node HTTP server for a Fetch-API handler. Defaults: host `127.0.0.1`, port 0 (an
 * ephemeral port, see `url`).
 *
 * @example
 * ```ts
 * const { url, close } = await listen(createAuthHandler({ store, appUrl: 'http://localhost:8787' }), { port: 8787 });
 * ```
 */
export function listen(handler: FetchHandler, options: { port?: number; host?: string } & NodeListenerOptions = {}): Promise<RunningServer> {
  const server = createServer(toNodeListener(handler, options));
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${String(port)}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
