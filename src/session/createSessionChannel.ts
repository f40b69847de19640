
/**
 * What one tab tells the others: that someone signed in or out, which user (an id, never a
 * token), and when. Receivers re-check `GET session` rather than trust the message.
 *
 * @example
 * ```ts
 * const message: SessionChannelMessage = { type: 'signed-out', userId: null, timestamp: Date.now() };
 * ```
 */
export interface SessionChannelMessage {
  type: 'signed-in' | 'signed-out';
  userId: string | null;
  timestamp: number;
}

/**
 * A cross-tab channel for session changes (see {@link createSessionChannel}).
 *
 * @example
 * ```ts
 * const channel: SessionChannel = createSessionChannel();
 * const off = channel.subscribe((m) => console.log(m.type));
 * channel.post({ type: 'signed-out', userId: null });
 * off();
 * channel.close();
 * ```
 */
export interface SessionChannel {
  /** Tells every other tab (and every other channel of this name in this tab). The timestamp is added. */
  post(message: { type: SessionChannelMessage['type']; userId: string | null }): void;
  /** Receives the other tabs' messages (never this channel's own); returns the unsubscribe function. */
  subscribe(listener: (message: SessionChannelMessage) => void): () => void;
  /** Stops sending and receiving; further `post` calls do nothing. */
  close(): void;
}

/**
 * Options of {@link createSessionChannel}.
 *
 * @example
 * ```ts
 * const options: SessionChannelOptions = { name: 'my-app:session' };
 * ```
 */
export interface SessionChannelOptions {
  /** The BroadcastChannel name. Default `latchkey:session`. */
  name?: string;
}

function toMessage(data: unknown): SessionChannelMessage | null {
  // Checked by hand rather than with a zod schema: this runs on every page, and the session path
  // should not carry zod's enum and number parsers for three fields.
  if (typeof data !== 'object' || data === null) return null;
  const { type, userId, timestamp } = data as Record<string, unknown>;
  if (type !== 'signed-in' && type !== 'signed-out') return null;
  if (userId !== null && (typeof userId !== 'string' || userId.length > 256)) return null;
  // `Number.isFinite` is false for anything that is not a number.
  if (!Number.isFinite(timestamp)) return null;
  return { type, userId, timestamp: timestamp as number };
}

/**
 * Opens a channel that tells other tabs of the same origin when the user signs in or out, so
 * they follow within a moment. Uses `BroadcastChannel` (in every current browser and in Node 18
 * and later), which never hands a channel its own messages. Messages carry only `type`, `userId`
 * and `timestamp`, never a token; malformed ones are ignored. Where `BroadcastChannel` is missing
 * (server rendering, old browsers), the channel works but carries nothing: `post` does nothing and
 * other tabs catch up on their next focus check (`GET session` when the tab becomes visible again).
 *
 * @example
 * ```ts
 * const channel = createSessionChannel();
 * client.subscribe((event) => {
 *   if (event.type === 'signed-out') channel.post({ type: 'signed-out', userId: null });
 * });
 * channel.subscribe(() => queryClient.invalidateQueries({ queryKey: ['latchkey', 'session'] }));
 * ```
 */
export function createSessionChannel(options: SessionChannelOptions = {}): SessionChannel {
  const name = options.name ?? 'latchkey:session';
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError('createSessionChannel: name must be a non-empty string');
  }
  const listeners = new Set<(message: SessionChannelMessage) => void>();
  let closed = false;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  if (channel !== null) {
    channel.onmessage = (event: MessageEvent) => {
      const message = toMessage(event.data);
      // A copy: a listener may unsubscribe or subscribe others while the message is delivered.
      if (message !== null) for (const listener of [...listeners]) listener(message);
    };
  }

  return {
    post(input) {
      if (closed) return;
      const message = toMessage({ type: input.type, userId: input.userId, timestamp: Date.now() });
      if (message === null) {
        throw new TypeError(`SessionChannel.post: expected { type: 'signed-in' | 'signed-out', userId: string | null }`);
      }
      channel?.postMessage(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
      channel?.close();
    },
  };
}
