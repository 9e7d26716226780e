/** Any Passport strategy: something with `authenticate(req, options)` that calls the actions Passport attaches. */
export interface PassportStrategyLike {
  authenticate(req: never, options?: never): unknown;
}

/** How a strategy ended one `authenticate` call. */
export type StrategyResult =
  | { readonly type: 'success'; readonly user: unknown; readonly info: unknown }
  | { readonly type: 'fail'; readonly challenge: unknown; readonly status: number | undefined }
  | { readonly type: 'error'; readonly error: unknown }
  | { readonly type: 'redirect'; readonly url: string; readonly status: number | undefined }
  | { readonly type: 'pass' };

/** Options for `runStrategy`. */
export interface RunStrategyOptions {
  /** Options passed to `authenticate`, as `passport.authenticate(name, options)` would. */
  authenticateOptions?: Record<string, unknown>;
  /** Give up after this many milliseconds (default 10000): a strategy that never ends is a bug. */
  timeoutMs?: number;
}

/**
 * Runs any Passport strategy once, the way Passport does (on `Object.create(strategy)` with the
 * actions attached), and resolves with how it ended.
 */
export function runStrategy(strategy: PassportStrategyLike, req: object, options: RunStrategyOptions = {}): Promise<StrategyResult> {
  return new Promise<StrategyResult>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`strategy did not end within ${options.timeoutMs ?? 10_000} ms`)), options.timeoutMs ?? 10_000);
    const settle = (result: StrategyResult): void => {
      clearTimeout(timer);
      resolve(result);
    };
    const run = Object.create(strategy) as Record<string, unknown> & { authenticate(req: object, options?: object): unknown };
    run.success = (user: unknown, info?: unknown) => settle({ type: 'success', user, info });
    run.fail = (challenge?: unknown, status?: unknown) =>
      typeof challenge === 'number'
        ? settle({ type: 'fail', challenge: undefined, status: challenge })
        : settle({ type: 'fail', challenge, status: typeof status === 'number' ? status : undefined });
    run.error = (error: unknown) => settle({ type: 'error', error });
    run.redirect = (url: string, status?: number) => settle({ type: 'redirect', url, status });
    run.pass = () => settle({ type: 'pass' });
    try {
      run.authenticate(req, options.authenticateOptions);
    } catch (error) {
      clearTimeout(timer);
      // What authenticate threw reaches the test as it was thrown, Error or not.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(error);
    }
  });
}
