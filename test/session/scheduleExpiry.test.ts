import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleExpiry } from 'latchkey';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');

describe('scheduleExpiry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns before the end and expires at the end', () => {
    const onWarn = vi.fn();
    const onExpire = vi.fn();
    scheduleExpiry(new Date(T0 + 10 * 60_000), { warnBeforeMs: 2 * 60_000, onWarn, onExpire });
    vi.advanceTimersByTime(8 * 60_000 - 1);
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onWarn).toHaveBeenCalledExactlyOnceWith(2 * 60_000);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60 * 60_000);
    expect(onWarn).toHaveBeenCalledOnce();
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('accepts ISO strings and epoch milliseconds', () => {
    const a = vi.fn();
    const b = vi.fn();
    scheduleExpiry(new Date(T0 + 1000).toISOString(), { onExpire: a });
    scheduleExpiry(T0 + 2000, { onExpire: b });
    vi.advanceTimersByTime(1000);
    expect(a).toHaveBeenCalledOnce();
    expect(b).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(b).toHaveBeenCalledOnce();
  });

  it('expires on the next tick, without a warning, when the date is already past', () => {
    const onWarn = vi.fn();
    const onExpire = vi.fn();
    const cancel = scheduleExpiry(new Date(T0 - 5000), { warnBeforeMs: 60_000, onWarn, onExpire });
    expect(typeof cancel).toBe('function');
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(onExpire).toHaveBeenCalledOnce();
    expect(onWarn).not.toHaveBeenCalled();
  });

  it('warns at once when already inside the warning window', () => {
    const onWarn = vi.fn();
    const onExpire = vi.fn();
    scheduleExpiry(new Date(T0 + 30_000), { warnBeforeMs: 60_000, onWarn, onExpire });
    vi.advanceTimersByTime(0);
    expect(onWarn).toHaveBeenCalledExactlyOnceWith(30_000);
    vi.advanceTimersByTime(30_000);
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('waits past the 2^31-1 ms setTimeout limit instead of firing at once', () => {
    const onExpire = vi.fn();
    const onWarn = vi.fn();
    const fortyDays = 40 * 24 * 3600_000;
    scheduleExpiry(new Date(T0 + fortyDays), { warnBeforeMs: 3600_000, onWarn, onExpire });
    vi.advanceTimersByTime(1);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 ** 31 + 10);
    expect(onExpire).not.toHaveBeenCalled();
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(fortyDays - 3600_000 - (2 ** 31 + 11));
    expect(onWarn).toHaveBeenCalledExactlyOnceWith(3600_000);
    vi.advanceTimersByTime(3600_000);
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('re-reads the clock when a timer fires early (a custom clock that lags)', () => {
    const onExpire = vi.fn();
    let offset = 0;
    scheduleExpiry(T0 + 10_000, { onExpire, now: () => Date.now() - offset });
    offset = 4000; // the injected clock now says 4 s less than the timers think
    vi.advanceTimersByTime(10_000);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(4000);
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('cancel stops both callbacks', () => {
    const onWarn = vi.fn();
    const onExpire = vi.fn();
    const cancel = scheduleExpiry(T0 + 10_000, { warnBeforeMs: 5000, onWarn, onExpire });
    vi.advanceTimersByTime(1000);
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(onWarn).not.toHaveBeenCalled();
    expect(onExpire).not.toHaveBeenCalled();
    cancel();
  });

  it('cancel from inside onWarn also stops the expiry', () => {
    const onExpire = vi.fn();
    const cancel = scheduleExpiry(T0 + 10_000, { warnBeforeMs: 5000, onWarn: () => cancel(), onExpire });
    vi.advanceTimersByTime(60_000);
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('never warns with warnBeforeMs 0 (the default), even with an onWarn', () => {
    const onWarn = vi.fn();
    const onExpire = vi.fn();
    scheduleExpiry(T0 + 1000, { onWarn, onExpire });
    scheduleExpiry(T0 + 1000, { warnBeforeMs: 0, onWarn, onExpire });
    vi.advanceTimersByTime(999);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledTimes(2);
    expect(onWarn).not.toHaveBeenCalled();
  });

  it('cancel right away also stops an already-past expiry', () => {
    const onExpire = vi.fn();
    scheduleExpiry(T0 - 1, { onExpire })();
    vi.advanceTimersByTime(10);
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('does nothing for a session without an end', () => {
    const onExpire = vi.fn();
    scheduleExpiry(null, { onExpire })();
    vi.advanceTimersByTime(10 ** 10);
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('names bad input', () => {
    expect(() => scheduleExpiry('next tuesday', { onExpire: () => {} })).toThrow(/expiresAt "next tuesday" is not a valid date/);
    expect(() => scheduleExpiry(T0, { warnBeforeMs: -1, onExpire: () => {} })).toThrow(/warnBeforeMs must be a number >= 0/);
  });

  it('in production builds still refuses an invalid expiresAt (a server answer) but not a bad warnBeforeMs', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => scheduleExpiry('next tuesday', { onExpire: () => {} })).toThrow(/expiresAt "next tuesday" is not a valid date/);
      const onWarn = vi.fn();
      const onExpire = vi.fn();
      scheduleExpiry(T0 + 1000, { warnBeforeMs: Number.NaN, onWarn, onExpire });
      scheduleExpiry(T0 + 1000, { warnBeforeMs: -1, onWarn, onExpire });
      // No warning and no busy loop of zero-delay timers: just the expiry, on time.
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(1);
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(998);
      expect(onExpire).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onExpire).toHaveBeenCalledTimes(2);
      expect(onWarn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
