import { VerifyTimeoutError } from '../src';
import { callVerify, type VerifyCallback } from '../src/verify';

/** How the app's verify callback may answer, and what a login makes of each answer. */
describe("the app's verify callback", () => {
  const LONG = 60_000;

  it('answers through done, with the user and the info, and the args before done', async () => {
    const seen: unknown[] = [];
    const result = await callVerify(
      (tokens: unknown, profile: unknown, done: VerifyCallback) => {
        seen.push(tokens, profile);
        done(null, { id: 'u' }, { via: 'done' });
      },
      ['t', 'p'],
      LONG,
    );
    expect(seen).toEqual(['t', 'p']);
    expect(result).toEqual({ user: { id: 'u' }, info: { via: 'done' } });
  });

  it('answers with a returned value or the value of a returned promise, false included', async () => {
    expect(await callVerify(() => ({ id: 'plain' }), [], LONG)).toEqual({ user: { id: 'plain' }, info: undefined });
    expect(await callVerify(async () => ({ id: 'async' }), [], LONG)).toEqual({ user: { id: 'async' }, info: undefined });
    expect(await callVerify(async () => false, [], LONG)).toEqual({ user: false, info: undefined });
  });

  it('takes the first answer only: done before a returned value wins, a second done is ignored', async () => {
    const result = await callVerify(
      (done: VerifyCallback) => {
        done(null, { id: 'first' });
        done(null, { id: 'second' });
        return { id: 'returned' };
      },
      [],
      LONG,
    );
    expect(result.user).toEqual({ id: 'first' });
  });

  it('fails with what verify threw or rejected with, and with an Error naming a falsy throw or rejection', async () => {
    const boom = new Error('db down');
    await expect(
      callVerify(
        () => {
          throw boom;
        },
        [],
        LONG,
      ),
    ).rejects.toBe(boom);
    await expect(callVerify(() => Promise.reject(boom), [], LONG)).rejects.toBe(boom);
    await expect(
      callVerify(
        () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
          throw null;
        },
        [],
        LONG,
      ),
    ).rejects.toThrow(new Error('verify threw a falsy value'));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a falsy rejection is the case under test
    await expect(callVerify(() => Promise.reject(undefined), [], LONG)).rejects.toThrow(new Error('verify rejected with a falsy value'));
    await expect(callVerify((done: VerifyCallback) => done(new Error('refused')), [], LONG)).rejects.toThrow('refused');
  });

  it('waits for done when an async verify resolves undefined, and ends in a VerifyTimeoutError if done never comes', async () => {
    let later: VerifyCallback | undefined;
    const waiting = callVerify(
      async (done: VerifyCallback) => {
        later = done;
      },
      [],
      LONG,
    );
    await Promise.resolve();
    later?.(null, { id: 'late but in time' });
    expect((await waiting).user).toEqual({ id: 'late but in time' });

    let forgotten: VerifyCallback | undefined;
    const forgot = callVerify(
      async (done: VerifyCallback) => {
        forgotten = done;
      },
      [],
      5,
    );
    const error = await forgot.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VerifyTimeoutError);
    expect(error).toMatchObject({ code: 'GENAUTH_VERIFY_TIMEOUT', status: 500 });
    expect(() => forgotten?.(null, { id: 'too late' })).not.toThrow();
  });
});
