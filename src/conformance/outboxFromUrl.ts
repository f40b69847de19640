import type { OutboxMessage, ReadOutbox } from './ConformanceOptions.js';

function asMessage(value: unknown): OutboxMessage | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const pick = (key: string): string | undefined => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  const message: OutboxMessage = {
    ...(pick('to') !== undefined ? { to: pick('to') } : {}),
    ...(pick('subject') !== undefined ? { subject: pick('subject') } : {}),
    ...(pick('token') !== undefined ? { token: pick('token') } : {}),
    ...((pick('link') ?? pick('url')) !== undefined ? { link: pick('link') ?? pick('url') } : {}),
    ...((pick('text') ?? pick('body')) !== undefined ? { text: pick('text') ?? pick('body') } : {}),
  };
  return message.token || message.link || message.text ? message : null;
}

/**
 * A {@link ReadOutbox} over a backend's test-only outbox endpoint (what `latchkey check
 * --outbox-url` uses). It calls `GET <url>?to=<address>` and accepts any of these answers:
 * `{"messages": [message, ...]}` or `[message, ...]` (oldest first; the newest one to the address
 * is taken), or a single `message`; 404 or 204 means "none". A message is
 * `{"to"?, "subject"?, "token"?, "link"? | "url"?, "text"? | "body"?}`. The reference server's
 * development outbox serves this format; never expose such an endpoint in production.
 *
 * @example
 * ```ts
 * const result = await runConformance({ baseUrl, readOutbox: outboxFromUrl('http://127.0.0.1:3000/__latchkey/outbox') });
 * ```
 */
export function outboxFromUrl(url: string, fetchImpl: typeof fetch = globalThis.fetch): ReadOutbox {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new TypeError(`outboxFromUrl: ${JSON.stringify(url)} is not an absolute URL`);
  }
  return async (to) => {
    const target = new URL(base);
    target.searchParams.set('to', to);
    const response = await fetchImpl(target, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
    if (response.status === 404 || response.status === 204) return null;
    if (!response.ok) throw new Error(`the outbox endpoint ${base.href} answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Error(`the outbox endpoint ${base.href} did not answer JSON`);
    }
    const list = Array.isArray(body)
      ? body
      : body !== null && typeof body === 'object' && Array.isArray((body as { messages?: unknown }).messages)
        ? ((body as { messages: unknown[] }).messages)
        : [body];
    const address = to.trim().toLowerCase();
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const message = asMessage(list[i]);
      if (message && (message.to === undefined || message.to.trim().toLowerCase() === address)) return message;
    }
    return null;
  };
}
