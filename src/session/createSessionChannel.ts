
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
  /** Tells every other tab (over BroadcastChannel also every other channel of this name in this tab). The timestamp is added. */
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
  /** The BroadcastChannel name (and, without BroadcastChannel, the prefix of the `localStorage` key). Default `latchkey:session`. */
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
 * they follow within a moment. Uses `BroadcastChannel` (every current browser, Node 18 and later),
 * which never hands a channel its own messages. Where `BroadcastChannel` is missing (some embedded
 * webviews), it falls back to `localStorage`: `post` writes the message under `<name>:message` and
 * removes it at once, and the other tabs receive it as a `storage` event (which never reaches the
 * writing tab, so there neither do other channels of the same tab). Messages carry only `type`,
 * `userId` and `timestamp`, never a token; malformed ones are ignored. Where neither is usable
 * (server rendering, storage disabled), the channel works but carries nothing, and other tabs
 * catch up on their next focus check (`GET session` when the tab becomes visible again).
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
  if (process.env.NODE_ENV !== 'production') {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError('createSessionChannel: name must be a non-empty string');
    }
  }
  const key = `${name}:message`;
  const listeners = new Set<(message: SessionChannelMessage) => void>();
  let closed = false;
  const deliver = (data: unknown) => {
    const message = toMessage(data);
    // A copy: a listener may unsubscribe or subscribe others while the message is delivered.
    if (message !== null) for (const listener of [...listeners]) listener(message);
  };
  const onStorage = (event: StorageEvent) => {
    // The removal right after each write arrives too, with `newValue` null: skipped.
    if (event.key !== key || !event.newValue) return;
    let data: unknown;
    try {
      data = JSON.parse(event.newValue);
    } catch {
      // Not JSON: `deliver(undefined)` drops it.
    }
    deliver(data);
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  if (channel !== null) channel.onmessage = (event: MessageEvent) => deliver(event.data);
  else if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);

  return {
    post(input) {
      if (closed) return;
      // Only these three fields are ever sent, whatever else `input` holds.
      const message = { type: input.type, userId: input.userId, timestamp: Date.now() };
      if (process.env.NODE_ENV !== 'production') {
        if (toMessage(message) === null) {
          throw new TypeError(`SessionChannel.post: expected { type: 'signed-in' | 'signed-out', userId: string | null }`);
        }
      }
      if (channel !== null) channel.postMessage(message);
      else {
        try {
          localStorage.setItem(key, JSON.stringify(message));
          localStorage.removeItem(key);
        } catch {
          // No `localStorage` (server rendering), or it refuses access or writes (private modes,
          // quota): other tabs catch up on their next focus check.
        }
      }
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
      if (channel !== null) channel.close();
      else if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
    },
  };
}
