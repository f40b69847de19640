import { ENDPOINTS } from '../contract/index.js';
import type { EndpointName, EndpointSpec } from '../contract/index.js';
import { matchEndpointPath } from '../contract/matchEndpointPath.js';
import type { MockRequestContext, MockState } from './context.js';
import { mockCookieNames, parseCookieHeader } from './cookies.js';
import { checkCsrf } from './csrf.js';
import { readJsonBody, validateBody } from './readBody.js';
import { MockHttpError, respond } from './responses.js';
import { MOCK_ROUTES } from './routes.js';
import { resolveAuth } from './session.js';

/**
 * The mock backend as a Fetch-API handler: `Request` in, contract `Response` out.
 * `cookies`, when given, replaces the `Cookie` header (the msw glue passes msw's cookie view).
 *
 * @internal
 */
export type MockHandler = (request: Request, cookies?: Readonly<Record<string, string>>) => Promise<Response>;

interface Match {
  name: EndpointName;
  spec: EndpointSpec;
  params: Record<string, string>;
}

const ROUTE_TABLE = (Object.keys(ENDPOINTS) as EndpointName[]).map((name) => ({ name, spec: ENDPOINTS[name] as EndpointSpec }));

function match(method: string, rest: string): { found: Match } | { pathKnown: boolean } {
  let pathKnown = false;
  for (const route of ROUTE_TABLE) {
    let params: Record<string, string> | null;
    try {
      params = matchEndpointPath(route.spec.path, rest);
    } catch {
      continue; // not valid percent-encoding: not this path
    }
    if (!params) continue;
    pathKnown = true;
    if (route.spec.method === method) return { found: { name: route.name, spec: route.spec, params } };
  }
  return { pathKnown };
}

function onlyTooLarge(error: unknown): undefined {
  if (error instanceof MockHttpError && error.code === 'payload_too_large') throw error;
  return undefined;
}

/**
 * Builds the handler for one mock backend.
 *
 * @internal
 */
export function createMockHandler(state: MockState, options: { baseUrl: string; latencyMs: number }): MockHandler {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(options.baseUrl);
  const base = absolute ? new URL(options.baseUrl) : null;
  const basePath = (base ? base.pathname : options.baseUrl).replace(/\/+$/, '');

  return async function handle(request, cookieOverride) {
    if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const ctx: MockRequestContext = {
      request,
      url,
      params: {},
      secure,
      cookies: cookieOverride ?? parseCookieHeader(request.headers.get('cookie')),
      cookieNames: mockCookieNames(secure),
      body: undefined,
      auth: null,
      cookiesOut: [],
    };
    try {
      if (base && url.origin !== base.origin) throw new MockHttpError('not_found');
      if (!url.pathname.startsWith(`${basePath}/`)) throw new MockHttpError('not_found');
      const rest = url.pathname.slice(basePath.length + 1);
      const method = request.method.toUpperCase();
      if (method === 'OPTIONS') return respond(204, undefined, { headers: { Allow: 'GET, POST, PATCH, DELETE, OPTIONS' } });
      const lookup = match(method === 'HEAD' ? 'GET' : method, rest);
      if (!('found' in lookup)) {
        throw new MockHttpError('not_found', {
          message: lookup.pathKnown ? `${method} is not supported on ${rest}.` : `No endpoint ${method} ${rest}.`,
        });
      }
      const { name, spec, params } = lookup.found;
      if (spec.feature && state.config.features[spec.feature] !== true) throw new MockHttpError('not_found', { message: `${rest} is not offered by this backend.` });
      if (spec.transport && spec.transport !== state.config.transport) throw new MockHttpError('not_found', { message: `${rest} is only offered with the ${spec.transport} transport.` });
      Object.assign(ctx, { params });

      // CSRF first (a refused cross-site request never has its body read), then the body: size (413),
      // media type (415), JSON syntax and schema (400). Endpoints without a request body ignore one,
      // but still refuse an oversized one.
      if (spec.method !== 'GET' && state.config.transport === 'cookie') checkCsrf(ctx, state);
      const json = spec.request ? await readJsonBody(request) : await readJsonBody(request).catch(onlyTooLarge);
      ctx.body = spec.request ? validateBody(spec.request, json) : undefined;

      ctx.auth = resolveAuth(ctx, state);
      if (state.config.transport === 'cookie' && ctx.auth !== null && ctx.auth !== 'invalid' && name !== 'logout') {
        // Cookie transport: any request made with the session counts as activity, the idle deadline
        // slides. Bearer transport: `POST refresh` does that (as in the reference server).
        const touched = state.store.touchSession(ctx.auth.session.id);
        if (touched) ctx.auth = { session: touched, user: ctx.auth.user };
      }
      if (spec.auth !== 'none' && (ctx.auth === null || ctx.auth === 'invalid')) throw new MockHttpError('unauthenticated');
      if (spec.auth === 'admin' && ctx.auth !== null && ctx.auth !== 'invalid' && !ctx.auth.user.roles.includes('admin')) {
        throw new MockHttpError('forbidden', { message: 'This needs the admin role.' });
      }
      const response = MOCK_ROUTES[name](ctx, state);
      if (method === 'HEAD') {
        const headers = Object.fromEntries([...response.headers].filter(([header]) => header !== 'set-cookie'));
        return respond(response.status, undefined, { headers, cookies: ctx.cookiesOut });
      }
      return response;
    } catch (error) {
      if (error instanceof MockHttpError) return error.toResponse(ctx.cookiesOut);
      console.error('[latchkey/mock] unexpected error; answering 500 internal:', error);
      return new MockHttpError('internal').toResponse();
    }
  };
}
