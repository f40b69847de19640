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

export async function readBody(response: Response, maxBytes: number = MAX_BODY_BYTES): Promise<BodyReadResult> {
  const tooLarge: BodyReadResult = {
    ok: false,
    problem: `the body is larger than ${maxBytes % 1_048_576 ? `${maxBytes} bytes` : `${maxBytes / 1_048_576} MiB`}`,
  };
  const stream = response.body;
  if (Number(response.headers.get('content-length')) > maxBytes) {
    // Not awaited: cancelling one branch of a teed stream settles only when every branch is cancelled.
    void stream?.cancel().catch(() => undefined);
    return tooLarge;
  }
  let bytes: Uint8Array;
  if (typeof stream?.getReader !== 'function') {
    // A custom fetch may hand back a Response without a stream: read it whole, then check.
    bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) return tooLarge;
  } else {
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let read; !(read = await reader.read()).done; ) {
      total += read.value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(read.value);
    }
    bytes = new Uint8Array(total);
    total = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, total);
      total += chunk.byteLength;
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'the body is not valid UTF-8' };
  }
}
