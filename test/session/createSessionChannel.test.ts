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
    for (const bad of ['signed-out', null, { type: 'hacked', userId: null, timestamp: 1 }, { type: 'signed-out', userId: 5, timestamp: 1 }, { type: 'signed-out', userId: null }]) {
      raw.postMessage(bad);
    }
    raw.postMessage({ type: 'signed-out', userId: null, timestamp: 2 });
    await settle();
    raw.close();
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'signed-out', userId: null, timestamp: 2 });
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

describe('createSessionChannel without BroadcastChannel (storage event fallback)', () => {
  it('writes the message to localStorage and removes it at once', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const tab = channel();
    tab.post({ type: 'signed-out', userId: 'u9' });
    expect(setItem).toHaveBeenCalledOnce();
    const [key, value] = setItem.mock.calls[0] ?? [];
    expect(key).toBe('test:session');
    expect(JSON.parse(value ?? '')).toEqual({ type: 'signed-out', userId: 'u9', timestamp: expect.any(Number) });
    expect(localStorage.getItem('test:session')).toBeNull();
    setItem.mockRestore();
  });

  it('receives a message of another tab through a storage event', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    const listener = vi.fn();
    tab.subscribe(listener);
    // What the browser fires in this tab when another tab writes the key:
    const newValue = JSON.stringify({ type: 'signed-in', userId: 'u2', timestamp: 123 });
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue }));
    // ... and when it removes it again, other keys, and junk:
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue: null }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue: '{not json' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue: '{"type":"signed-in","userId":"u2","timestamp":"soon"}' }));
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'signed-in', userId: 'u2', timestamp: 123 });
  });

  it('ignores the echo of its own write if the environment delivers one', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const tabA = channel();
    const tabB = channel();
    const a = vi.fn();
    const b = vi.fn();
    tabA.subscribe(a);
    tabB.subscribe(b);
    tabA.post({ type: 'signed-out', userId: null });
    const written = setItem.mock.calls[0]?.[1] ?? '';
    setItem.mockRestore();
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue: written }));
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });

  it('stops listening after close', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    const listener = vi.fn();
    tab.subscribe(listener);
    tab.close();
    const newValue = JSON.stringify({ type: 'signed-in', userId: 'u2', timestamp: 1 });
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:session', newValue }));
    expect(listener).not.toHaveBeenCalled();
  });
});
