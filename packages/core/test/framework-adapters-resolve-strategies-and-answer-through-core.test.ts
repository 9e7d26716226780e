import type passportStrategy from 'passport-strategy';
import { deliverLogin } from '../src/deliver-outcome';
import {
  AccessTokenError,
  ConfigurationError,
  CredentialsError,
  UpstreamError,
  applyOutcome,
  asError,
  errorBodyOf,
  getAuthFailure,
  loginSafely,
  recordFailure,
  resolveStrategy,
  routeOptions,
  type LoginOutcome,
  type LoginStrategy,
  type StrategyRegistry,
} from '../src';

/** What the Koa, Fastify, Hono and Next adapters build on: core's helpers, without any framework. */
const ok: LoginStrategy = { login: async () => ({ type: 'error', error: new Error('unused') }) };

function registry(strategies: Record<string, unknown>, lookup: '_strategy' | 'strategy'): StrategyRegistry {
  return { use: () => undefined, [lookup]: (name: string) => strategies[name] };
}

describe('resolveStrategy: the strategy an adapter runs, resolved once at startup', () => {
  it('takes a strategy object that has a login method as it is', () => {
    expect(resolveStrategy(ok, undefined)).toBe(ok);
  });

  it('refuses an object without a login function, and null, as a configuration error', () => {
    for (const value of [{}, { login: 'x' }, null]) {
      expect(() => resolveStrategy(value as never, undefined)).toThrow(ConfigurationError);
      expect(() => resolveStrategy(value as never, undefined)).toThrow('genauth(strategy): pass a passport-genauth strategy (it has a login(req) method)');
    }
  });

  it("looks a name up with koa-passport's _strategy(name) or @fastify/passport's strategy(name)", () => {
    expect(resolveStrategy('wechat', registry({ wechat: ok }, '_strategy'))).toBe(ok);
    expect(resolveStrategy('wechat', registry({ wechat: ok }, 'strategy'))).toBe(ok);
  });

  it('asks for { passport } when given a name without a registry', () => {
    expect(() => resolveStrategy('wechat', undefined)).toThrow(
      new ConfigurationError("genauth('wechat'): pass { passport } to look the strategy name up, or pass the strategy itself"),
    );
  });

  it('refuses a name nothing is registered under, whether the registry answers undefined or null', () => {
    const message = "genauth('apple'): no strategy of that name is registered on the passport instance; call passport.use() first";
    expect(() => resolveStrategy('apple', registry({}, '_strategy'))).toThrow(message);
    expect(() => resolveStrategy('apple', registry({ apple: null }, 'strategy'))).toThrow(message);
    expect(() => resolveStrategy('apple', { use: () => undefined })).toThrow(message);
  });

  it('takes only an object as a strategy: a function carrying a login property (a class in place of an instance) is refused', () => {
    const notAnInstance = Object.assign(() => undefined, { login: async () => ({ type: 'error' as const, error: new Error('x') }) });
    expect(() => resolveStrategy('wechat', registry({ wechat: notAnInstance }, '_strategy'))).toThrow(
      "genauth('wechat'): that strategy has no login(req) method",
    );
    expect(() => resolveStrategy(notAnInstance as unknown as LoginStrategy, undefined)).toThrow(ConfigurationError);
  });

  it('refuses a registered strategy that is not a passport-genauth one (no login method)', () => {
    expect(() => resolveStrategy('local', registry({ local: { authenticate() {} } }, '_strategy'))).toThrow(
      "genauth('local'): that strategy has no login(req) method; only passport-genauth strategies can be run without Passport",
    );
  });
});

describe("core's adapter answers", () => {
  it('loginSafely returns the outcome of a strategy, and turns a throwing or rejecting login into an error outcome', async () => {
    const outcome: LoginOutcome = { type: 'fail', challenge: {}, status: 401 };
    expect(await loginSafely({ login: async () => outcome }, { headers: {} }, {})).toBe(outcome);
    const boom = new Error('boom');
    expect(await loginSafely({ login: () => Promise.reject(boom) }, { headers: {} }, {})).toEqual({ type: 'error', error: boom });
    expect(
      await loginSafely(
        {
          login: () => {
            throw boom;
          },
        },
        { headers: {} },
        {},
      ),
    ).toEqual({ type: 'error', error: boom });
  });

  it('routeOptions keeps only GenAuth sign-in options and the app pin from mount options', () => {
    expect(routeOptions({ scope: 'openid', tenantId: 't', session: false, passport: {}, app: 'ios' })).toEqual({ scope: 'openid', tenantId: 't', app: 'ios' });
    expect(routeOptions({ session: false })).toEqual({});
    expect(routeOptions({ app: undefined })).not.toHaveProperty('app');
  });

  it('recordFailure records one failure on every object the app may hold and returns it', () => {
    const request = {};
    const raw = {};
    const failure = recordFailure([request, raw], { message: 'no', code: 'GENAUTH_SIGNIN_REJECTED', status: 401 }, 401);
    expect(failure).toEqual({ message: 'no', code: 'GENAUTH_SIGNIN_REJECTED', status: 401 });
    expect(getAuthFailure(request)).toBe(failure);
    expect(getAuthFailure(raw)).toBe(failure);
    const own = recordFailure([{}], { reason: 'banned' }, 403);
    expect(own).toEqual({ reason: 'banned', message: 'Sign-in refused by the application', code: 'GENAUTH_VERIFY_REFUSED', status: 403 });
    // An app's info that only looks like a failure (a code and a message, no status) is completed the same way.
    expect(recordFailure([{}], { code: 'BANNED', message: 'banned' }, 403)).toEqual({ message: 'banned', code: 'GENAUTH_VERIFY_REFUSED', status: 403 });
    expect(recordFailure([{}], { code: 'BANNED', status: 451 }, 403)).toEqual({
      message: 'Sign-in refused by the application',
      code: 'GENAUTH_VERIFY_REFUSED',
      status: 403,
    });
    expect(recordFailure([{}], { message: 'banned', status: 451 }, 403)).toEqual({ message: 'banned', code: 'GENAUTH_VERIFY_REFUSED', status: 403 });
  });

  it('errorBodyOf keeps the status and code of a passport-genauth error, adds no key GenAuth did not give, and answers anything else as a bare 500', () => {
    expect(errorBodyOf(new CredentialsError('bad code', ['code']))).toStrictEqual({
      message: 'bad code',
      code: 'GENAUTH_INVALID_CREDENTIALS',
      status: 400,
      fields: ['code'],
    });
    expect(errorBodyOf(new AccessTokenError('invalid_token', 'expired'))).toStrictEqual({ message: 'expired', code: 'GENAUTH_ACCESS_TOKEN', status: 401 });
    expect(errorBodyOf(new UpstreamError('GenAuth failed: db down', { status: 503, requestId: 'r1' }))).toStrictEqual({
      message: 'The authentication service is unavailable; try again later',
      code: 'GENAUTH_UPSTREAM',
      status: 503,
      requestId: 'r1',
    });
    expect(errorBodyOf(new UpstreamError('GenAuth failed: insufficient storage', { status: 507 }))).toStrictEqual({
      message: 'Authentication failed on the server',
      code: 'GENAUTH_UPSTREAM',
      status: 507,
    });
    expect(errorBodyOf(new TypeError('x is undefined'))).toStrictEqual({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 });
  });

  it('asError hands an Error through and wraps anything else, naming the value', () => {
    const error = new RangeError('r');
    expect(asError(error)).toBe(error);
    const wrapped = asError('nope');
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('passport-genauth login failed with a non-Error value: nope');
  });
});

describe('applyOutcome: an outcome handed to Passport, and an exception thrown while Passport handles it', () => {
  type Actions = Pick<passportStrategy.Strategy, 'success' | 'fail' | 'error'>;
  let warning: jest.SpyInstance;
  beforeEach(() => {
    warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => warning.mockRestore());

  function actions(overrides: Partial<Actions> = {}): jest.Mocked<Actions> {
    return { success: jest.fn(), fail: jest.fn(), error: jest.fn(), ...overrides } as jest.Mocked<Actions>;
  }
  const apply = (strategy: Actions, req: object, outcome: LoginOutcome) => applyOutcome(strategy as passportStrategy.Strategy, req as never, outcome);

  it("calls Passport's success, fail (remembering the failure on the request) or error", () => {
    const strategy = actions();
    const req = { headers: {} };
    apply(strategy, req, { type: 'success', user: { id: 'u' }, info: { accessToken: 'a' } as never });
    expect(strategy.success).toHaveBeenCalledWith({ id: 'u' }, { accessToken: 'a' });
    const challenge = { message: 'no', code: 'GENAUTH_SIGNIN_REJECTED', status: 401 };
    apply(strategy, req, { type: 'fail', challenge, status: 401 });
    expect(strategy.fail).toHaveBeenCalledWith(challenge, 401);
    expect(getAuthFailure(req)).toEqual(challenge);
    const error = new Error('e');
    apply(strategy, req, { type: 'error', error });
    expect(strategy.error).toHaveBeenCalledWith(error);
    expect(warning).not.toHaveBeenCalled();
  });

  it("hands what the app's callback threw to the router's req.next, and an Error in place of a falsy throw", () => {
    const thrown = new Error('serializer failed');
    const next = jest.fn();
    const strategy = actions({
      success: () => {
        throw thrown;
      },
    });
    apply(strategy, { headers: {}, next }, { type: 'success', user: {}, info: {} as never });
    expect(next).toHaveBeenCalledWith(thrown);
    expect(strategy.error).not.toHaveBeenCalled();

    const falsy = jest.fn();
    const throwsNull = actions({
      fail: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
        throw null;
      },
    });
    apply(throwsNull, { headers: {}, next: falsy }, { type: 'fail', challenge: {}, status: 401 });
    expect(falsy).toHaveBeenCalledWith(new Error('a falsy value was thrown while Passport handled the login'));
    expect(warning).not.toHaveBeenCalled();
  });

  it("without a router next, gives the exception to Passport's error action unless the outcome already was an error", () => {
    const thrown = new Error('callback failed');
    const strategy = actions({
      success: () => {
        throw thrown;
      },
    });
    apply(strategy, { headers: {}, next: 'not a function' }, { type: 'success', user: {}, info: {} as never });
    expect(strategy.error).toHaveBeenCalledWith(thrown);
    expect(warning).not.toHaveBeenCalled();
  });

  it('falls back to a process warning naming the exception, never a crash, when the error action was the one that threw', () => {
    const strategy = actions();
    strategy.error.mockImplementationOnce(() => {
      throw new TypeError('res.status is not a function');
    });
    expect(() => apply(strategy, { headers: {} }, { type: 'error', error: new Error('first') })).not.toThrow();
    // The app's callback saw the error once: it is not called a second time with the exception.
    expect(strategy.error).toHaveBeenCalledTimes(1);
    expect(warning).toHaveBeenCalledTimes(1);
    expect(warning).toHaveBeenCalledWith(
      'passport-genauth: an exception thrown while Passport handled a login outcome could not be handed to the framework: TypeError: res.status is not a function',
      { code: 'PASSPORT_GENAUTH_DELIVERY' },
    );
  });

  it('delivers a login under way once it settles, a rejected one as an error', async () => {
    const strategy = actions();
    const boom = new Error('login rejected');
    deliverLogin(strategy as unknown as passportStrategy.Strategy, { headers: {} }, Promise.reject(boom));
    deliverLogin(strategy as unknown as passportStrategy.Strategy, { headers: {} }, Promise.resolve({ type: 'success', user: { id: 'u' }, info: {} as never }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(strategy.error).toHaveBeenCalledWith(boom);
    expect(strategy.success).toHaveBeenCalledWith({ id: 'u' }, {});
  });

  it('warns with what next itself threw, and names a thrown non-Error by its value', () => {
    const strategy = actions({
      fail: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
        throw 'a string';
      },
    });
    const next = () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
      throw 'next broke';
    };
    apply(strategy, { headers: {}, next }, { type: 'fail', challenge: {}, status: 401 });
    expect(warning).toHaveBeenCalledWith(expect.stringMatching(/framework: next broke$/), { code: 'PASSPORT_GENAUTH_DELIVERY' });
  });
});
