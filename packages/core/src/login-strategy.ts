import { ConfigurationError } from './errors';
import type { GenAuthAuthenticateOptions } from './login';
import type { LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';

/**
 * What a framework adapter runs: anything that turns one request into a login outcome. Every
 * provider strategy, `GenAuthMobileStrategy` and `GenAuthBearerStrategy` are one.
 */
export interface LoginStrategy {
  login(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): Promise<LoginOutcome>;
}

/**
 * A Passport instance to look a strategy name up in: `passport`, `new Passport()` or koa-passport's
 * (`_strategy(name)`), or @fastify/passport's (`strategy(name)`).
 */
export interface StrategyRegistry {
  use(...args: never[]): unknown;
  _strategy?(name: string): unknown;
  strategy?(name: string): unknown;
}

function isLoginStrategy(value: unknown): value is LoginStrategy {
  return typeof value === 'object' && value !== null && typeof (value as Partial<LoginStrategy>).login === 'function';
}

/**
 * The strategy an adapter runs, resolved once when the middleware is created: the strategy itself, or
 * the one registered under a name. Throws `ConfigurationError` at startup, never per request.
 */
export function resolveStrategy(strategyOrName: LoginStrategy | string, registry: StrategyRegistry | undefined): LoginStrategy {
  if (typeof strategyOrName !== 'string') {
    if (isLoginStrategy(strategyOrName)) return strategyOrName;
    throw new ConfigurationError(
      'genauth(strategy): pass a passport-genauth strategy (it has a login(req) method) or the name it is registered under with { passport }',
    );
  }
  if (!registry) {
    throw new ConfigurationError(`genauth('${strategyOrName}'): pass { passport } to look the strategy name up, or pass the strategy itself`);
  }
  const found = registry._strategy?.(strategyOrName) ?? registry.strategy?.(strategyOrName);
  if (found === undefined || found === null) {
    throw new ConfigurationError(`genauth('${strategyOrName}'): no strategy of that name is registered on the passport instance; call passport.use() first`);
  }
  if (!isLoginStrategy(found)) {
    throw new ConfigurationError(
      `genauth('${strategyOrName}'): that strategy has no login(req) method; only passport-genauth strategies can be run without Passport`,
    );
  }
  return found;
}

/** Runs one login; a strategy that throws or rejects (a foreign `login`) becomes an `error` outcome. */
export async function loginSafely(strategy: LoginStrategy, req: GenAuthRequest, options: GenAuthAuthenticateOptions): Promise<LoginOutcome> {
  try {
    return await strategy.login(req, options);
  } catch (error) {
    return { type: 'error', error };
  }
}
