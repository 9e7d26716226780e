import { RequestDeadline } from '../src/request-deadline';

describe('a request deadline ends an exchange once, by its timer or by the caller', () => {
  const deadlines: RequestDeadline[] = [];

  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    for (const deadline of deadlines.splice(0)) deadline.clear();
    jest.useRealTimers();
  });

  /** A deadline and the reasons it told the exchange, in order. */
  function deadline(timeoutMs: number, caller?: AbortSignal): { ended: RequestDeadline; told: unknown[] } {
    const told: unknown[] = [];
    const ended = new RequestDeadline(timeoutMs, caller, (reason) => told.push(reason));
    deadlines.push(ended);
    return { ended, told };
  }

  it('ends at its timeout, not a millisecond before, with a TimeoutError, telling the exchange once', () => {
    const { ended, told } = deadline(1_000);

    jest.advanceTimersByTime(999);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: false, timedOut: false, reason: undefined });
    expect(told).toEqual([]);

    jest.advanceTimersByTime(1);
    expect(ended.aborted).toBe(true);
    expect(ended.timedOut).toBe(true);
    expect(ended.reason).toBeInstanceOf(DOMException);
    expect(ended.reason).toMatchObject({ name: 'TimeoutError', message: 'The operation was aborted due to timeout' });
    expect(told).toEqual([ended.reason]);
  });

  it("is ended at once, with the caller's reason, by a signal that was already aborted, and not again by its timer", () => {
    const caller = new AbortController();
    const reason = new Error('client went away');
    caller.abort(reason);
    const { ended, told } = deadline(1_000, caller.signal);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: true, timedOut: false, reason });
    expect(told).toEqual([reason]);
    jest.advanceTimersByTime(1_000);
    expect(told).toEqual([reason]);
    expect(ended.timedOut).toBe(false);
  });

  it("is ended by the caller's later abort, telling the exchange, and not a second time by its timer", () => {
    const caller = new AbortController();
    const { ended, told } = deadline(1_000, caller.signal);
    expect(ended.aborted).toBe(false);

    const reason = new Error('client went away');
    caller.abort(reason);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: true, timedOut: false, reason });
    expect(told).toEqual([reason]);

    jest.advanceTimersByTime(1_000);
    expect(ended.reason).toBe(reason);
    expect(told).toEqual([reason]);
  });

  it('keeps the timeout as its reason when the caller aborts afterwards, and tells the exchange once', () => {
    const caller = new AbortController();
    const { ended, told } = deadline(10, caller.signal);
    jest.advanceTimersByTime(10);
    caller.abort(new Error('too late'));
    expect(ended.timedOut).toBe(true);
    expect(ended.reason).toMatchObject({ name: 'TimeoutError' });
    expect(told).toHaveLength(1);
  });

  it("once cleared, is ended neither by its timer nor by the caller's signal", () => {
    const caller = new AbortController();
    const { ended, told } = deadline(5, caller.signal);
    ended.clear();
    jest.advanceTimersByTime(10);
    caller.abort(new Error('after the exchange'));
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: false, timedOut: false, reason: undefined });
    expect(told).toEqual([]);
  });

  it('lets go of its timer as soon as it ends', () => {
    const caller = new AbortController();
    deadline(1_000, caller.signal);
    expect(jest.getTimerCount()).toBe(1);
    caller.abort();
    expect(jest.getTimerCount()).toBe(0);
  });
});
