
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
  /** The BroadcastChannel name and `localStorage` key. Default `latchkey:session`. */
  name?: string;
}

/** How many of its own recent messages a channel remembers, to ignore their echo. */
const OWN_MESSAGES_KEPT = 32;

function storageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function toMessage(data: unknown): SessionChannelMessage | null {
  // Checked by hand rather than with a zod schema: this runs on every page, and the session path
  // should not carry zod's enum and number parsers for three fields.
  if (typeof data !== 'object' || data === null) return null;
  const { type, userId, timestamp } = data as Record<string, unknown>;
  if (type !== 'signed-in' && type !== 'signed-out') return null;
  if (userId !== null && (typeof userId !== 'string' || userId.length > 256)) return null;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return null;
  return { type, userId, timestamp };
}

/**
 * Opens a channel that tells other tabs of the same origin when the user signs in or out, so
 * they follow within a moment. Uses `BroadcastChannel`, and where that is missing, `storage`
 * events on `localStorage` (written and removed at once). Messages carry only `type`, `userId`
 * and `timestamp`, never a token; malformed messages are ignored, and so are the channel's own.
 * Without either mechanism (server rendering), `post` and `subscribe` do nothing.
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
  const ownMessages: string[] = [];
  let closed = false;

  const deliver = (data: unknown) => {
    if (closed) return;
    const message = toMessage(data);
    if (message === null) return;
    const serialized = JSON.stringify(message);
    const own = ownMessages.indexOf(serialized);
    if (own !== -1) {
      ownMessages.splice(own, 1);
      return;
    }
    for (const listener of [...listeners]) listener(message);
  };

  const remember = (serialized: string) => {
    ownMessages.push(serialized);
    if (ownMessages.length > OWN_MESSAGES_KEPT) ownMessages.shift();
  };

  // `storage` events normally skip the writing document, but not in every environment; the
  // channel remembers what it wrote to drop such an echo. BroadcastChannel never echoes.
  let echoes = false;
  let send: (serialized: string) => void = () => {};
  let stop: () => void = () => {};

  const Broadcast = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  const storage = storageOrNull();
  if (typeof Broadcast === 'function') {
    const channel = new Broadcast(name);
    const onMessage = (event: MessageEvent) => deliver(event.data);
    channel.addEventListener('message', onMessage);
    send = (serialized) => channel.postMessage(JSON.parse(serialized) as unknown);
    stop = () => {
      channel.removeEventListener('message', onMessage);
      channel.close();
    };
  } else if (storage !== null && typeof globalThis.addEventListener === 'function') {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== name || event.newValue === null) return;
      let data: unknown;
      try {
        data = JSON.parse(event.newValue);
      } catch {
        return;
      }
      deliver(data);
    };
    globalThis.addEventListener('storage', onStorage);
    echoes = true;
    send = (serialized) => {
      try {
        storage.setItem(name, serialized);
        storage.removeItem(name);
      } catch {
        // Storage full or disabled: other tabs catch up on their next focus check.
      }
    };
    stop = () => globalThis.removeEventListener('storage', onStorage);
  }

  return {
    post(input) {
      if (closed) return;
      const message = toMessage({ type: input.type, userId: input.userId, timestamp: Date.now() });
      if (message === null) {
        throw new TypeError(`SessionChannel.post: expected { type: 'signed-in' | 'signed-out', userId: string | null }`);
      }
      const serialized = JSON.stringify(message);
      if (echoes) remember(serialized);
      send(serialized);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      stop();
    },
  };
}
