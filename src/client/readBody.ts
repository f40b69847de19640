/**
 * What {@link readBody} got: the body as text, or why it could not be read safely.
 *
 * @internal
 * @example
 * ```ts
 * const result: BodyReadResult = { ok: true, text: '{}' };
 * ```
 */
export type BodyReadResult = { ok: true; text: string } | { ok: false; problem: string };

/** No answer of the contract comes near this; a larger one is refused unread (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Reads a response body as UTF-8 text, stopping (and cancelling the stream) as soon as it grows
 * beyond `maxBytes`, so a hostile backend cannot make the page buffer megabytes.
 *
 * @internal
 * @example
 * ```ts
 * const body = await readBody(response, MAX_BODY_BYTES);
 * if (!body.ok) throw new Error(body.problem);
 * ```
 */
export async function readBody(response: Response, maxBytes: number = MAX_BODY_BYTES): Promise<BodyReadResult> {
  const tooLarge: BodyReadResult = { ok: false, problem: `the body is larger than ${describeBytes(maxBytes)}` };
  const declared = Number(response.headers.get('content-length'));
  const stream = response.body;
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not awaited: cancelling one branch of a teed stream settles only when every branch is cancelled.
    void stream?.cancel().catch(() => undefined);
    return tooLarge;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (stream === null || typeof stream.getReader !== 'function') {
    // A custom fetch may hand back a Response without a stream: read it whole, then check.
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes ? tooLarge : { ok: true, text };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, problem: 'the body is not valid UTF-8' };
  }
}
