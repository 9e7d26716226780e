import { VerifyTimeoutError } from '../src';
import { callVerify, type VerifyCallback } from '../src/verify';

const settledState = async (promise: Promise<unknown>): Promise<string> => {
  const marker = Symbol('pending');
  const winner = await Promise.race([
    promise.then(
      () => 'resolved',
      () => 'rejected',
    ),
    Promise.resolve().then(() => marker),
  ]);
  return winner === marker ? 'pending' : (winner as string);
};

describe('strategy verify waits for done until its deadline and no longer', () => {
  afterEach(() => jest.useRealTimers());

  it('ends in a VerifyTimeoutError naming the deadline exactly when it passes, not before', async () => {
    jest.useFakeTimers();
    const waiting = callVerify(() => undefined, [], 1000);
    const outcome = waiting.then(
      () => undefined,
      (error: unknown) => error,
    );
    jest.advanceTimersByTime(999);
    expect(await settledState(waiting)).toBe('pending');
    jest.advanceTimersByTime(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(VerifyTimeoutError);
    expect((error as Error).message).toMatch(/^The verify callback did not answer within 1000 ms/);
  });

  it('leaves no timer behind once verify has answered', async () => {
    jest.useFakeTimers();
    await callVerify(() => ({ id: 'u' }), [], 1000);
    await callVerify((done: VerifyCallback) => done(null, { id: 'u' }), [], 1000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('waits for a done called later when a plain verify returns nothing', async () => {
    let later: VerifyCallback | undefined;
    const waiting = callVerify(
      (done: VerifyCallback) => {
        later = done;
      },
      [],
      60_000,
    );
    expect(await settledState(waiting)).toBe('pending');
    later?.(null, { id: 'later' }, { via: 'done' });
    expect(await waiting).toEqual({ user: { id: 'later' }, info: { via: 'done' } });
  });

  it('takes a returned null as a refusal and an object whose then is not a function as the user', async () => {
    expect(await callVerify(() => null, [], 60_000)).toEqual({ user: null, info: undefined });
    const user = { id: 'u', then: 'not a function' };
    expect(await callVerify(() => user, [], 60_000)).toEqual({ user, info: undefined });
  });
});
