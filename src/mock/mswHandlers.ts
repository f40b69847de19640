import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockHandler } from './handler.js';
import { mockResponseCookies } from './responses.js';

/**
 * msw 2 request handlers that hand every request under `baseUrl` to the mock backend.
 *
 * How cookies work here (msw 2.15, read from its source):
 * - A mocked response's `Set-Cookie` only has an effect when the response is msw's
 *   `HttpResponse`: it records the raw header before the platform drops it (browsers forbid
 *   `Set-Cookie` on constructed responses), stores it in msw's own cookie jar (tough-cookie, kept
 *   in `localStorage` in browsers) and also writes it to `document.cookie`. The browser ignores an
 *   `HttpOnly` cookie written through `document.cookie`, and so does jsdom, so our HttpOnly
 *   session cookie is NOT visible to page scripts, exactly as with a real server.
 * - For each intercepted request msw merges `document.cookie` (when `credentials` allow), its
 *   jar (matched by URL, HttpOnly included) and the request's own `Cookie` header (Node only; a
 *   forbidden header in browsers) into the resolver's `cookies` argument. The mock reads its
 *   session and CSRF cookies from that record, so cookie mode works in jsdom with Node's fetch
 *   and in a browser service worker (Storybook) alike.
 * - msw records the mocked `Set-Cookie` as ONE raw string, so an answer must never set two
 *   cookies; the mock is designed so that it never needs to.
 *
 * @internal
 */
export function createMswHandlers(baseUrl: string, handle: MockHandler): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  // msw resolves a relative path against the document; without one (plain Node) it would match
  // nothing, so a relative base URL then matches on any origin.
  const relative = base.startsWith('/');
  const pattern = relative && typeof document === 'undefined' ? `*${base}/*` : `${base}/*`;
  return [
    http.all(pattern, async ({ request, cookies }) => {
      const response = await handle(request, cookies);
      const headers = new Headers();
      response.headers.forEach((value, name) => {
        if (name.toLowerCase() !== 'set-cookie') headers.set(name, value);
      });
      for (const cookie of mockResponseCookies(response)) headers.append('Set-Cookie', cookie);
      return new HttpResponse(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  ];
}
