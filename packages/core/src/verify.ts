import { VerifyTimeoutError } from './errors';

/** What a verify callback says about the user. */
export interface VerifyResult {
  readonly user: Express.User | false | null | undefined;
  readonly info: object | undefined;
}

/** Passport's `done` for a verify callback. */
export type VerifyCallback = (error: unknown, user?: Express.User | false | null, info?: object) => void;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Calls the app's verify with `done` appended and settles on whichever answer comes first: `done`,
 * a returned promise's value (`undefined` means "I will call done"), a plain returned value, or a
 * throw. The callback's arity is never inspected (wrappers and default parameters hide it).
 * A verify that has not answered within `timeoutMs` (an async verify that forgot `return` resolves
 * `undefined` and never calls `done`) ends in a `VerifyTimeoutError`; a later `done` is ignored.
 */
export function callVerify(verify: (...args: never[]) => unknown, args: readonly unknown[], timeoutMs: number): Promise<VerifyResult> {
  return new Promise<VerifyResult>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new VerifyTimeoutError(timeoutMs));
    }, timeoutMs);
    const done: VerifyCallback = (error, user, info) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the app's own error travels to Passport as it was given
      if (error) reject(error);
      else resolve({ user, info });
    };
    let returned: unknown;
    try {
      returned = (verify as (...a: unknown[]) => unknown)(...args, done);
    } catch (error) {
      done(error ?? new Error('verify threw a falsy value'));
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (user) => {
          if (user !== undefined) done(null, user);
        },
        (error: unknown) => done(error ?? new Error('verify rejected with a falsy value')),
      );
    } else if (returned !== undefined) {
      done(null, returned);
    }
  });
}
