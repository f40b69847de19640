import type { DevOutbox } from '../server/index.js';

/**
 * The path `latchkey serve --outbox-endpoint` answers with the development outbox.
 *
 * @example
 * ```ts
 * fetch(`http://127.0.0.1:8787${OUTBOX_PATH}?to=ada@example.com`);
 * ```
 */
export const OUTBOX_PATH = '/__latchkey/outbox';

/**
 * A test-only endpoint over the development outbox, in the format `latchkey check --outbox-url`
 * reads: `GET /__latchkey/outbox?to=<address>` → `{"messages": [{to, subject, text, link}]}`, oldest
 * first (`link` is the first URL in the text). It hands out one-time tokens: development and CI only.
 *
 * @example
 * ```ts
 * const outbox = createDevOutbox();
 * const endpoint = createOutboxEndpoint(outbox);
 * const response = await endpoint(new Request('http://localhost/__latchkey/outbox?to=ada@example.com'));
 * ```
 */
export function createOutboxEndpoint(outbox: DevOutbox): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (request.method !== 'GET') {
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Only GET is answered here.' } }), { status: 404, headers });
    }
    const to = new URL(request.url).searchParams.get('to')?.trim().toLowerCase();
    const messages = outbox.messages
      .filter((message) => to === undefined || to === '' || message.to.trim().toLowerCase() === to)
      .map((message) => ({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(/https?:\/\/\S+/.exec(message.text) ? { link: (/https?:\/\/\S+/.exec(message.text) as RegExpExecArray)[0] } : {}),
      }));
    return new Response(JSON.stringify({ messages }), { status: 200, headers });
  };
}
