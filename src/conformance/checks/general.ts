import { ENDPOINTS, ERROR_STATUS, ErrorEnvelopeSchema } from '../../contract/index.js';
import type { EndpointName } from '../../contract/index.js';
import type { Exchange } from '../Exchange.js';
import { describeAnswer, fail, Suite } from '../Suite.js';
import { stackTraceIn } from './stackTrace.js';

/** True when `GET config` says the endpoint is offered. */
export function offered(suite: Suite, name: EndpointName): boolean {
  const spec = ENDPOINTS[name];
  const config = suite.config;
  if (!config) return false;
  if ('transport' in spec && spec.transport !== config.transport) return false;
  if ('feature' in spec && spec.feature) return config.features[spec.feature] === true;
  return true;
}

/**
 * Cross-cutting checks that need no user: unknown path, media type, body size, CORS, and one
 * anonymous request to every offered endpoint (so the aggregate checks see every endpoint).
 *
 * @example
 * ```ts
 * await checkGeneral(suite);
 * ```
 */
export async function checkGeneral(suite: Suite): Promise<void> {
  const group = 'general';
  await suite.check(group, 'endpoints-offered', 'every endpoint GET config offers answers (no 404)', async () => {
    const browser = suite.browser();
    const missing: Exchange[] = [];
    for (const [name, spec] of Object.entries(ENDPOINTS) as Array<[EndpointName, (typeof ENDPOINTS)[EndpointName]]>) {
      if (!offered(suite, name) || spec.path.includes(':')) continue;
      const x = await browser.request(spec.method, spec.path, spec.method === 'GET' || spec.request === null ? {} : { json: {} });
      if (x.status === 404 || x.status === 405 || x.status === 501) missing.push(x);
    }
    if (missing.length > 0) {
      fail(`${missing.map((x) => `${x.method} ${x.path} → ${describeAnswer(x)}`).join(', ')}`, {
        exchange: missing[0],
        requires: 'every endpoint of the contract that GET config offers is served',
      });
    }
  });

  await suite.check(group, 'unknown-path', 'an unknown path answers 404 not_found', async () => {
    const x = await suite.browser().get('conformance-no-such-endpoint');
    suite.expectError(x, 404, 'not_found', 'unknown path → 404 {"error": {"code": "not_found"}}');
  });

  await suite.check(group, 'media-type', 'a body that is not JSON answers 415 unsupported_media_type', async () => {
    const x = await suite.browser().request('POST', 'login', {
      body: `identifier=${suite.unknownIdentifier()}&password=conformance-form-post`,
      contentType: 'application/x-www-form-urlencoded',
    });
    suite.expectError(x, 415, 'unsupported_media_type', 'a request body without Content-Type: application/json → 415 unsupported_media_type');
  });

  await suite.check(group, 'oversized-body', 'a 1 MiB body answers 413 payload_too_large, quickly', async () => {
    const big = JSON.stringify({ identifier: suite.unknownIdentifier(), password: 'x'.repeat(1024 * 1024) });
    const x = await suite.browser().request('POST', 'login', { body: big, contentType: 'application/json' });
    suite.expectError(x, 413, 'payload_too_large', 'a body over 64 KiB → 413 payload_too_large');
    if (x.durationMs > 5_000) fail(`the 413 took ${Math.round(x.durationMs)} ms`, { exchange: x, requires: 'oversized bodies are refused quickly (under 5 s)' });
  });

  await suite.check(group, 'cors', 'no Access-Control-Allow-Origin: * (or a reflected foreign origin) with credentials', async () => {
    const foreign = suite.settings.foreignOrigin;
    const browser = suite.browser();
    const probes = [
      await browser.get('config', { headers: { origin: foreign } }),
      await browser.get('session', { headers: { origin: foreign } }),
      await browser.request('OPTIONS', 'login', {
        headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token, authorization' },
      }),
      await browser.post('login', { identifier: suite.unknownIdentifier(), password: suite.password() }, { headers: { origin: foreign }, csrf: 'omit' }),
    ];
    for (const x of probes) {
      const allowOrigin = x.headers.get('access-control-allow-origin');
      const credentials = x.headers.get('access-control-allow-credentials')?.trim().toLowerCase() === 'true';
      if (allowOrigin?.trim() === '*' && credentials) {
        fail(`${x.method} ${x.path} answered Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true`, {
          exchange: x,
          requires: 'never Access-Control-Allow-Origin: * with credentials',
        });
      }
      if (allowOrigin?.trim() === foreign && credentials) {
        fail(`${x.method} ${x.path} reflected the foreign origin ${foreign} with Access-Control-Allow-Credentials: true`, {
          exchange: x,
          requires: 'credentials are only ever allowed for the app\'s own, configured origins',
        });
      }
    }
  });
}

/**
 * Checks over every exchange of the run: `Cache-Control: no-store`, the error envelope with the
 * status that goes with its code, no 5xx, no stack trace.
 *
 * @example
 * ```ts
 * await checkAggregates(suite); // after all other checks
 * ```
 */
export async function checkAggregates(suite: Suite): Promise<void> {
  const group = 'general';
  const all = (): Exchange[] => suite.exchanges.filter((x) => x.method !== 'OPTIONS');
  const report = (bad: Exchange[], message: string, requires: string): never => {
    const where = [...new Set(bad.map((x) => `${x.method} ${x.path.replace(/\?.*$/, '')} (${x.status})`))];
    fail(`${bad.length} response(s) ${message}: ${where.slice(0, 8).join(', ')}${where.length > 8 ? ', …' : ''}`, { exchange: bad[0], requires });
  };

  await suite.check(group, 'cache-control', 'every response carries Cache-Control: no-store', async () => {
    const bad = all().filter((x) => !/(^|,)\s*no-store\s*(,|$)/i.test(x.headers.get('cache-control') ?? ''));
    if (bad.length) report(bad, 'lack Cache-Control: no-store', 'every auth response: Cache-Control: no-store');
  });

  await suite.check(group, 'content-type', 'every response with a body is JSON (Content-Type: application/json)', async () => {
    const bad = all().filter((x) => x.text !== '' && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(x.headers.get('content-type') ?? ''));
    if (bad.length) report(bad, 'carry a body that is not declared as JSON', 'JSON over HTTP: every body is sent with Content-Type: application/json');
  });

  await suite.check(group, 'error-envelope', 'every error answer is {"error": {"code", "message"}} with the status of its code', async () => {
    const bad = all().filter((x) => {
      if (x.status < 400) return false;
      const parsed = ErrorEnvelopeSchema.safeParse(x.json);
      return !parsed.success || !Suite.statusMatchesCode(x.status, parsed.data.error.code);
    });
    if (bad.length) {
      report(bad, 'are not a proper error envelope (or carry a code with another status)', `errors: {"error": {"code", "message", "fields"?}} with the status of the code (${Object.entries(ERROR_STATUS).map(([c, s]) => `${c} ${s}`).join(', ')})`);
    }
  });

  await suite.check(group, 'no-server-errors', 'no request of the run got a 5xx', async () => {
    const bad = all().filter((x) => x.status >= 500);
    if (bad.length) report(bad, 'were server errors', 'bad input gets a 4xx, never a 5xx');
  });

  await suite.check(group, 'no-stack-traces', 'no response of the run shows a stack trace', async () => {
    const bad = all().filter((x) => stackTraceIn(x.text));
    if (bad.length) report(bad, 'contain a stack trace', 'error answers never expose stack traces or internals');
  });
}
