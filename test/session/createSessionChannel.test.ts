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

describe('createSessionChannel without BroadcastChannel', () => {
  it('works as a channel that carries nothing: no throw, no storage writes, no messages', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const tabA = channel();
    const tabB = channel();
    const a = vi.fn();
    const b = vi.fn();
    const off = tabA.subscribe(a);
    tabB.subscribe(b);
    tabA.post({ type: 'signed-out', userId: 'u9' });
    tabB.post({ type: 'signed-in', userId: null });
    await settle();
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    setItem.mockRestore();
    expect(typeof off).toBe('function');
    off();
    tabA.close();
    tabA.post({ type: 'signed-out', userId: null }); // closed: no throw
  });

  it('still names bad input', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = channel();
    expect(() => tab.post({ type: 'signed-out', userId: 'x'.repeat(257) })).toThrow(/SessionChannel\.post/);
    expect(() => createSessionChannel({ name: '' })).toThrow(/name must be a non-empty string/);
  });
});
