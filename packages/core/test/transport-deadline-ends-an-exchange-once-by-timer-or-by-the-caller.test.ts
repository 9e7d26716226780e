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

  function deadline(timeoutMs: number, caller?: AbortSignal): RequestDeadline {
    const made = new RequestDeadline(timeoutMs, caller);
    deadlines.push(made);
    return made;
  }

  it('ends at its timeout, not a millisecond before, with a TimeoutError, telling every listener once', () => {
    const ended = deadline(1_000);
    const heard: string[] = [];
    ended.on('abort', () => heard.push('on'));
    ended.once('abort', () => heard.push('once'));

    jest.advanceTimersByTime(999);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: false, timedOut: false, reason: undefined });
    expect(heard).toEqual([]);

    jest.advanceTimersByTime(1);
    expect(ended.aborted).toBe(true);
    expect(ended.timedOut).toBe(true);
    expect(ended.reason).toBeInstanceOf(DOMException);
    expect(ended.reason).toMatchObject({ name: 'TimeoutError', message: 'The operation was aborted due to timeout' });
    expect(heard).toEqual(['on', 'once']);
  });

  it("is ended at once, with the caller's reason, by a signal that was already aborted", () => {
    const caller = new AbortController();
    const reason = new Error('client went away');
    caller.abort(reason);
    const ended = deadline(1_000, caller.signal);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: true, timedOut: false, reason });
  });

  it("is ended by the caller's later abort, telling its listeners, and not a second time by its timer", () => {
    const caller = new AbortController();
    const ended = deadline(1_000, caller.signal);
    const heard: string[] = [];
    ended.on('abort', () => heard.push('abort'));
    expect(ended.aborted).toBe(false);

    const reason = new Error('client went away');
    caller.abort(reason);
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: true, timedOut: false, reason });
    expect(heard).toEqual(['abort']);

    jest.advanceTimersByTime(1_000);
    expect(ended.reason).toBe(reason);
    expect(heard).toEqual(['abort']);
  });

  it('keeps the timeout as its reason when the caller aborts afterwards', () => {
    const caller = new AbortController();
    const ended = deadline(10, caller.signal);
    jest.advanceTimersByTime(10);
    caller.abort(new Error('too late'));
    expect(ended.timedOut).toBe(true);
    expect(ended.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('stops telling a listener once it is removed, whichever position it had', () => {
    const ended = deadline(5);
    const heard: string[] = [];
    const first = () => heard.push('first');
    const second = () => heard.push('second');
    const third = () => heard.push('third');
    ended.on('abort', first).on('abort', second).on('abort', third);
    ended.removeListener('abort', first);
    ended.removeListener('abort', third);
    jest.advanceTimersByTime(5);
    expect(heard).toEqual(['second']);
  });

  it('leaves every listener in place when asked to remove one it never had', () => {
    const ended = deadline(5);
    const heard: string[] = [];
    ended.on('abort', () => heard.push('first'));
    ended.on('abort', () => heard.push('last'));
    ended.removeListener('abort', () => undefined);
    jest.advanceTimersByTime(5);
    expect(heard).toEqual(['first', 'last']);
  });

  it("once cleared, is ended neither by its timer nor by the caller's signal", () => {
    const caller = new AbortController();
    const ended = deadline(5, caller.signal);
    const heard: string[] = [];
    ended.on('abort', () => heard.push('abort'));
    ended.clear();
    jest.advanceTimersByTime(10);
    caller.abort(new Error('after the exchange'));
    expect({ aborted: ended.aborted, timedOut: ended.timedOut, reason: ended.reason }).toEqual({ aborted: false, timedOut: false, reason: undefined });
    expect(heard).toEqual([]);
  });
});
