import type { AuthRequestInfo } from './AuthHandlerOptions.js';

/**
 * A request as the handler reads it (internal): method, URL, headers by name and the body. Built
 * from a Web `Request` ({@link rawRequestOf}) or, by the Node adapter, straight from the incoming
 * message without any Web `Request`, `Headers` or stream (measured: those objects were most of the
 * per-request cost of `GET session` on Node 20, after the socket write).
 *
 * @example
 * ```ts
 * const raw: RawRequest = rawRequestOf(new Request('http://localhost/api/auth/session'));
 * raw.header('cookie'); // null
 * ```
 *
 * @internal
 */
export interface RawRequest {
  readonly method: string;
  /** The absolute URL (`http://host/path?query`). */
  readonly url: string;
  /** A header's value (the name in lower case), duplicates joined by `, `; null when absent. */
  header(name: string): string | null;
  /** Bytes an adapter already read (within its limit), a Web stream still to read, or null. */
  readonly body: Uint8Array | ReadableStream<Uint8Array> | null;
}

/**
 * An answer as the handler produces it (internal): header names in lower case, `set-cookie` as a
 * list, the JSON text or null. The Web path wraps it in a `Response` ({@link webResponseOf}); the
 * Node adapter writes it to the socket directly.
 *
 * @example
 * ```ts
 * const raw: RawResponse = { status: 204, headers: { 'cache-control': 'no-store' }, body: null };
 * ```
 *
 * @internal
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | null;
}

/**
 * The handler without the Web objects at either end (internal).
 *
 * @example
 * ```ts
 * const answer = await raw(rawRequestOf(request), { clientAddress: '127.0.0.1' });
 * ```
 *
 * @internal
 */
export type RawHandler = (request: RawRequest, info?: AuthRequestInfo) => Promise<RawResponse>;

/**
 * Where `createAuthHandler` puts its {@link RawHandler}, for the Node adapter of the same package
 * (a symbol, so it is neither enumerable as an option nor reachable by a string key).
 *
 * @example
 * ```ts
 * const raw = (handler as { [RAW_HANDLER]?: RawHandler })[RAW_HANDLER];
 * ```
 *
 * @internal
 */
export const RAW_HANDLER: unique symbol = Symbol('latchkey.rawHandler');

/**
 * A Web `Request` seen as a {@link RawRequest}.
 *
 * @example
 * ```ts
 * rawRequestOf(new Request('http://localhost/x', { headers: { Origin: 'http://a.test' } })).header('origin'); // 'http://a.test'
 * ```
 *
 * @internal
 */
export function rawRequestOf(request: Request): RawRequest {
  return {
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
    body: request.body,
  };
}

const jsonBodies = new WeakMap<Response, string>();

/**
 * A {@link RawResponse} as a Web `Response`. A JSON body's text is remembered, so the Node adapter
 * can write it directly when the handler is wrapped by an app (skipping a read of the Web Streams
 * body).
 *
 * @example
 * ```ts
 * webResponseOf({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' });
 * ```
 *
 * @internal
 */
export function webResponseOf(raw: RawResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const response = new Response(raw.body, { status: raw.status, headers });
  if (raw.body !== null) jsonBodies.set(response, raw.body);
  return response;
}

/**
 * The JSON text of a response made by {@link webResponseOf}, if it is one with a body.
 *
 * @example
 * ```ts
 * jsonBodyOf(webResponseOf({ status: 200, headers: {}, body: '{}' })); // '{}'
 * ```
 *
 * @internal
 */
export function jsonBodyOf(response: Response): string | undefined {
  return jsonBodies.get(response);
}
