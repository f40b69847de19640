import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionChannel } from 'latchkey';
import type { SessionChannel, SessionChannelMessage } from 'latchkey';

const open: SessionChannel[] = [];
function channel(name = 'test:session') {
  const created = createSessionChannel({ name });
  open.push(created);
  return created;
}

function nextMessage(target: SessionChannel): Promise<SessionChannelMessage> {
  return new Promise((resolve) => {
    const off = target.subscribe((message) => {
      off();
      resolve(message);
    });
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('createSessionChannel with BroadcastChannel', () => {
  it('BroadcastChannel exists in this environment (Node 20 provides it under jsdom)', () => {
    expect(typeof BroadcastChannel).toBe('function');
  });

  it('tells the other tab about a sign-out, carrying only type, userId and timestamp', async () => {
    const tabA = channel();
    const tabB = channel();
    const received = nextMessage(tabB);
    const before = Date.now();
    tabA.post({ type: 'signed-out', userId: 'u1' });
    const message = await received;
    expect(message).toEqual({ type: 'signed-out', userId: 'u1', timestamp: expect.any(Number) });
    expect(Object.keys(message).sort()).toEqual(['timestamp', 'type', 'userId']);
    expect(message.timestamp).toBeGreaterThanOrEqual(before);
  });

  it('never delivers a channel its own messages', async () => {
    const tabA = channel();
    const tabB = channel();
    const own = vi.fn();
    tabA.subscribe(own);
    const received = nextMessage(tabB);
    tabA.post({ type: 'signed-in', userId: 'u1' });
    await received;
    await settle();
    expect(own).not.toHaveBeenCalled();
  });

  it('drops extra properties a sender adds (a token never crosses tabs)', async () => {
    const tabB = channel();
    const received = nextMessage(tabB);
    const raw = new BroadcastChannel('test:session');
    raw.postMessage({ type: 'signed-in', userId: 'u1', timestamp: 1, accessToken: 'secret-token' });
    const message = await received;
    raw.close();
    expect(message).toEqual({ type: 'signed-in', userId: 'u1', timestamp: 1 });
    expect(JSON.stringify(message)).not.toContain('secret-token');
  });

  it('ignores malformed messages', async () => {
    const tabB = channel();
    const listener = vi.fn();
    tabB.subscribe(listener);
    const raw = new BroadcastChannel('test:session');
    const malformed = [
      'signed-out',
      null,
      { type: 'hacked', userId: null, timestamp: 1 },
      { type: 'signed-out', userId: 5, timestamp: 1 },
      { type: 'signed-out', userId: 'x'.repeat(257), timestamp: 1 },
      { type: 'signed-out', userId: null },
      { type: 'signed-out', userId: null, timestamp: '1' },
      { type: 'signed-out', userId: null, timestamp: Number.NaN },
      { type: 'signed-out', userId: null, timestamp: Number.POSITIVE_INFINITY },
    ];
    for (const bad of malformed) raw.postMessage(bad);
    raw.postMessage({ type: 'signed-out', userId: 'x'.repeat(256), timestamp: 2 });
    await settle();
    raw.close();
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'signed-out', userId: 'x'.repeat(256), timestamp: 2 });
  });

  it('stops receiving after unsubscribe and after close', async () => {
    const tabA = channel();
    const tabB = channel();
    const tabC = channel();
    const b = vi.fn();
    const c = vi.fn();
    const off = tabB.subscribe(b);
    tabC.subscribe(c);
    off();
    tabC.close();
    tabA.post({ type: 'signed-out', userId: null });
    await settle();
    expect(b).not.toHaveBeenCalled();
    expect(c).not.toHaveBeenCalled();
    tabC.post({ type: 'signed-out', userId: null }); // closed: no throw, no effect
  });

  it('keeps channels with different names apart', async () => {
    const appOne = channel('one');
    const appTwo = channel('two');
    const listener = vi.fn();
    appTwo.subscribe(listener);
    appOne.post({ type: 'signed-out', userId: null });
    await settle();
    expect(listener).not.toHaveBeenCalled();
  });

  it('names bad input', () => {
    const tab = channel();
    expect(() => tab.post({ type: 'bogus' as 'signed-in', userId: null })).toThrow(/SessionChannel\.post/);
    expect(() => createSessionChannel({ name: '' })).toThrow(/name must be a non-empty string/);
  });
});

describe('createSessionChannel without BroadcastChannel (localStorage fallback)', () => {
  // jsdom, like a browser, sends `storage` events to the OTHER same-origin windows sharing the
  // storage, never to the writer; a same-origin iframe plays the other tab. `asOtherTab` runs code
  // with that window's `window` and `localStorage` as the globals.
  let frame: HTMLIFrameElement | null = null;
  function asOtherTab<T>(act: () => T): T {
    if (frame === null) {
      frame = document.createElement('iframe');
      document.body.append(frame);
    }
    const other = frame.contentWindow!;
    const own = [window, localStorage] as const;
    vi.stubGlobal('window', other);
    vi.stubGlobal('localStorage', other.localStorage);
    try {
      return act();
    } finally {
      vi.stubGlobal('window', own[0]);
      vi.stubGlobal('localStorage', own[1]);
    }
  }
  afterEach(() => {
    vi.restoreAllMocks();
    frame?.remove();
    frame = null;
  });

  it('carries messages both ways between tabs over storage events, only type, userId and timestamp, leaving nothing stored', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tabA = asOtherTab(() => channel());
    const tabB = channel();
    const toA = vi.fn();
    asOtherTab(() => tabA.subscribe(toA));
    const receivedByB = nextMessage(tabB);
    const before = Date.now();
    asOtherTab(() => tabA.post({ type: 'signed-out', userId: 'u1', accessToken: 'secret' } as never));
    const message = await receivedByB;
    expect(message).toEqual({ type: 'signed-out', userId: 'u1', timestamp: expect.any(Number) });
    expect(Object.keys(message).sort()).toEqual(['timestamp', 'type', 'userId']);
    expect(message.timestamp).toBeGreaterThanOrEqual(before);
    expect(localStorage.length).toBe(0);

    const receivedByA = new Promise((resolve) => toA.mockImplementation(resolve));
    tabB.post({ type: 'signed-in', userId: null });
    await receivedByA;
    await settle();
    expect(toA).toHaveBeenCalledExactlyOnceWith({ type: 'signed-in', userId: null, timestamp: expect.any(Number) });
    expect(localStorage.length).toBe(0);
    asOtherTab(() => tabA.close());
  });

  it('writes under a key derived from the name, so differently named channels stay apart', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const appOne = channel('one');
    const appTwo = asOtherTab(() => channel('two'));
    const listener = vi.fn();
    appTwo.subscribe(listener);
    appOne.post({ type: 'signed-out', userId: null });
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(setItem).toHaveBeenCalledOnce();
    const [key, value] = setItem.mock.calls[0]!;
    expect(key).toBe('one:message');
    expect(JSON.parse(value)).toEqual({ type: 'signed-out', userId: null, timestamp: expect.any(Number) });
    asOtherTab(() => appTwo.close());
  });

  it('ignores malformed storage values and drops extra properties', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    const listener = vi.fn();
    tab.subscribe(listener);
    const other = asOtherTab(() => localStorage);
    const malformed = [
      'not json',
      '{"type":"signed-out"',
      'null',
      '"signed-out"',
      '42',
      JSON.stringify({ type: 'hacked', userId: null, timestamp: 1 }),
      JSON.stringify({ type: 'signed-out', userId: 5, timestamp: 1 }),
      JSON.stringify({ type: 'signed-out', userId: 'x'.repeat(257), timestamp: 1 }),
      JSON.stringify({ type: 'signed-out', userId: null }),
      JSON.stringify({ type: 'signed-out', userId: null, timestamp: '1' }),
    ];
    for (const bad of malformed) {
      other.setItem('test:session:message', bad);
      other.removeItem('test:session:message');
    }
    // The right message under another key is not for this channel either.
    other.setItem('test:session', JSON.stringify({ type: 'signed-out', userId: null, timestamp: 1 }));
    other.setItem('test:session:message', JSON.stringify({ type: 'signed-in', userId: 'u1', timestamp: 2, accessToken: 'secret-token' }));
    other.clear();
    await settle();
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'signed-in', userId: 'u1', timestamp: 2 });
    expect(JSON.stringify(listener.mock.calls)).not.toContain('secret-token');
  });

  it('close() removes the storage listener and stops delivery; unsubscribe stops one listener', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const tabA = asOtherTab(() => channel());
    const tabB = channel();
    const tabC = channel();
    const b = vi.fn();
    const c = vi.fn();
    const off = tabB.subscribe(b);
    tabC.subscribe(c);
    off();
    tabC.close();
    const onStorage = added.mock.calls.filter(([type]) => type === 'storage').map(([, handler]) => handler);
    expect(onStorage).toHaveLength(2);
    expect(removed).toHaveBeenCalledExactlyOnceWith('storage', onStorage[1]);
    asOtherTab(() => tabA.post({ type: 'signed-out', userId: null }));
    await settle();
    expect(b).not.toHaveBeenCalled();
    expect(c).not.toHaveBeenCalled();
    tabC.post({ type: 'signed-out', userId: null }); // closed: no throw, no write
    expect(localStorage.length).toBe(0);
    asOtherTab(() => tabA.close());
  });

  it('never throws where localStorage refuses access or writes (private modes, quota)', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    tab.post({ type: 'signed-out', userId: null });
    setItem.mockRestore();
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const refused = channel();
      refused.subscribe(() => {});
      refused.post({ type: 'signed-in', userId: 'u1' });
      refused.close();
    } finally {
      Object.defineProperty(globalThis, 'localStorage', descriptor);
    }
  });

  it('works as a channel that carries nothing where there is no window (server rendering)', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('window', undefined);
    vi.stubGlobal('localStorage', undefined);
    const tab = createSessionChannel();
    const listener = vi.fn();
    const off = tab.subscribe(listener);
    tab.post({ type: 'signed-out', userId: null });
    off();
    tab.close();
    tab.post({ type: 'signed-out', userId: null }); // closed: no throw
    expect(listener).not.toHaveBeenCalled();
  });

  it('still names bad input', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    expect(() => tab.post({ type: 'signed-out', userId: 'x'.repeat(257) })).toThrow(/SessionChannel\.post/);
    expect(() => createSessionChannel({ name: '' })).toThrow(/name must be a non-empty string/);
  });
});

describe('createSessionChannel in production builds', () => {
  it('leaves the developer checks out (they run in development and tests only)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const tabA = channel();
      const tabB = channel();
      const listener = vi.fn();
      tabB.subscribe(listener);
      expect(() => tabA.post({ type: 'bogus' as 'signed-in', userId: null })).not.toThrow();
      expect(() => channel('' as string).close()).not.toThrow();
      await settle();
      // Receivers still validate: the malformed message is dropped.
      expect(listener).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
