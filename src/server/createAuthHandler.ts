import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { EndpointName, EndpointSpec } from '../contract/index.js';
import { ENDPOINTS } from '../contract/index.js';
import { matchEndpointPath } from '../contract/matchEndpointPath.js';
import type { AuthHandler, AuthHandlerOptions, AuthRequestInfo } from './AuthHandlerOptions.js';
import { Call } from './Call.js';
import type { Shared } from './Call.js';
import { appLinkFrom, userAdminFrom } from './createUserAdmin.js';
import { randomToken } from './crypto.js';
import { ApiError, readJsonBody } from './http.js';
import { RAW_HANDLER, rawRequestOf, webResponseOf } from './RawExchange.js';
import type { RawHandler, RawRequest, RawResponse } from './RawExchange.js';
import { ROUTES } from './routes.js';
import type { Reply } from './routes.js';
import { resolveRuntime } from './runtime.js';
import type { Runtime } from './runtime.js';
import { validateBody } from './validate.js';

interface EndpointEntry {
  name: EndpointName;
  spec: EndpointSpec;
}

const ROUTE_TABLE: EndpointEntry[] = (Object.entries(ENDPOINTS) as Array<[EndpointName, EndpointSpec]>).map(([name, spec]) => ({ name, spec }));

const STATE_CHANGING = new Set(['POST', 'PATCH', 'DELETE', 'PUT']);
const PURGE_EVERY_MS = 10 * 60_000;

function offered(rt: Runtime, spec: EndpointSpec): boolean {
  if (spec.transport && spec.transport !== rt.transport) return false;
  return spec.feature === undefined || rt.features[spec.feature] === true;
}

function corsHeaders(rt: Runtime, call: Call | null, request: RawRequest): Record<string, string> {
  const origin = request.header('origin');
  if (!origin || !rt.allowedOrigins.has(origin) || (call && origin === call.ownOrigin())) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Retry-After, X-Auth-User-Id, X-Auth-Username, X-Auth-Roles',
  };
}

function respond(rt: Runtime, call: Call | null, request: RawRequest, reply: Reply): RawResponse {
  const headers: Record<string, string | string[]> = {
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'Origin, Cookie, Authorization',
  };
  // Header names are case-insensitive: lower-case them so a reply's header replaces a default.
  for (const [name, value] of Object.entries(corsHeaders(rt, call, request))) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  if (call && call.setCookies.length > 0) headers['set-cookie'] = [...call.setCookies];
  if (reply.body === undefined || reply.status === 204) return { status: reply.status, headers, body: null };
  headers['content-type'] = 'application/json; charset=utf-8';
  return { status: reply.status, headers, body: JSON.stringify(reply.body) };
}

function errorReply(error: ApiError): Reply {
  return { status: error.status, body: error.toBody(), headers: error.headers };
}

/**
 * Creates the reference backend: the whole latchkey contract (every endpoint of `ENDPOINTS`, cookie
 * or bearer transport) as a Fetch-API handler `(Request) => Promise<Response>`. Mount it in Node
 * (`listen`, `toNodeListener`), Express, Hono, Next.js route handlers, Bun or Deno. Requests outside
 * `basePath` get 404.
 *
 * @example
 * ```ts
 * import { createAuthHandler, createSqliteStore, createDevOutbox, listen } from 'latchkey/server';
 *
 * const handler = createAuthHandler({
 *   store: createSqliteStore({ filename: 'latchkey.db' }),
 *   appUrl: 'http://localhost:5173',
 *   mailer: createDevOutbox(),
 * });
 * await listen(handler, { port: 8787 });
 * ```
 */
export function createAuthHandler(options: AuthHandlerOptions): AuthHandler {
  const rt = resolveRuntime(options);
  const pending = new Set<Promise<void>>();
  let csrfKey: Promise<KeyObject> | null = null;
  let nextPurge = 0;

  const shared: Shared = {
    csrfKey() {
      csrfKey ??= (rt.secret !== undefined ? Promise.resolve(rt.secret) : rt.store.getSecret('csrf', () => randomToken(32))).then((secret) =>
        createSecretKey(Buffer.from(secret, 'utf8')),
      );
      return csrfKey;
    },
    admin: userAdminFrom({
      store: rt.store,
      hasher: rt.hasher,
      policy: rt.policy,
      now: rt.now,
      oneTimeTtlMs: rt.lifetimes.oneTime,
      resetLink: (token) => appLinkFrom(rt.appUrl, rt.links.resetPassword, token),
    }),
    background(task) {
      const run = Promise.resolve()
        .then(task)
        .catch((error: unknown) => rt.log('error', 'request.failed', { reason: `background: ${error instanceof Error ? error.name : 'unknown'}` }))
        .finally(() => pending.delete(run));
      pending.add(run);
    },
  };

  async function dispatch(call: Call, request: RawRequest): Promise<Reply> {
    const { url } = call;
    if (url.pathname !== rt.basePath && !url.pathname.startsWith(`${rt.basePath}/`)) throw new ApiError('not_found');
    const path = url.pathname.slice(rt.basePath.length + 1);
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: corsHeaders(rt, call, request)['Access-Control-Allow-Origin']
          ? {
              'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
              'Access-Control-Allow-Headers': 'Content-Type, X-CSRF-Token, Authorization',
              'Access-Control-Max-Age': '600',
            }
          : {},
      };
    }
    let found: { route: EndpointEntry; params: Record<string, string> } | null = null;
    for (const route of ROUTE_TABLE) {
      if (route.spec.method !== request.method || !offered(rt, route.spec)) continue;
      let params: Record<string, string> | null;
      try {
        params = matchEndpointPath(route.spec.path, path);
      } catch {
        throw new ApiError('not_found');
      }
      if (!params) continue;
      if (Object.values(params).some((value) => value.includes('\u0000') || value.length > 512)) throw new ApiError('not_found');
      found = { route, params };
      break;
    }
    if (!found) throw new ApiError('not_found', `No endpoint ${request.method} ${url.pathname}.`);
    const { route, params } = found;
    call.params = params;
    if (STATE_CHANGING.has(request.method)) await call.checkCsrf();
    if (route.spec.request) call.body = validateBody(route.spec.request, await readJsonBody(request, rt.maxBodyBytes));
    if (route.spec.auth !== 'none') {
      const auth = await call.requireAuth();
      if (route.spec.auth === 'admin' && !auth.user.roles.includes('admin')) throw new ApiError('forbidden', 'This needs the admin role.');
    }
    return ROUTES[route.name](call);
  }

  const raw: RawHandler = async (request, info) => {
    let call: Call | null = null;
    try {
      call = new Call(rt, shared, request, info);
      if (call.now >= nextPurge) {
        nextPurge = call.now + PURGE_EVERY_MS;
        const now = call.now;
        shared.background(() => rt.store.purgeExpired(now));
      }
      return respond(rt, call, request, await dispatch(call, request));
    } catch (error) {
      if (error instanceof ApiError) return respond(rt, call, request, errorReply(error));
      rt.log('error', 'request.failed', { reason: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown' });
      return respond(rt, call, request, errorReply(new ApiError('internal')));
    }
  };

  const handler = async (request: Request, info?: AuthRequestInfo): Promise<Response> => webResponseOf(await raw(rawRequestOf(request), info));

  return Object.assign(handler, {
    [RAW_HANDLER]: raw,
    basePath: rt.basePath,
    maxBodyBytes: rt.maxBodyBytes,
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  });
}
