import type { Provider, ProviderField } from './provider';
import type { GenAuthRequest } from './request';
import { GenAuthStrategy } from './strategy';
import type { GenAuthStrategyOptions } from './strategy-options';
import type { GenAuthProfile, TokenSet } from './types';
import type { VerifyCallback } from './verify';

/** What verify may return instead of calling `done`: the user, `false`/`null` to refuse, or a promise of either. */
export type VerifyReturn = void | Express.User | false | null | Promise<void | Express.User | false | null> | RefusingPromise;

/**
 * `async () => false`: TypeScript widens the literal to `boolean` in an async function's return type,
 * so a promise of `boolean` is accepted too (resolved `false` refuses the login, as it does unwidened).
 */
type RefusingPromise = Promise<boolean>;

/** `(tokens, profile, done)`: call `done`, or return the user (or a promise of it). */
export type VerifyFunction = (tokens: TokenSet, profile: GenAuthProfile, done: VerifyCallback) => VerifyReturn;

/**
 * `(req, tokens, profile, done)`, with `passReqToCallback: true`. Declared as a method type so that an
 * app may annotate `req` with its framework's request type (`express.Request`) even on a subclass
 * (`class X extends defineStrategy(p) {}`), which cannot carry the constructor's type parameter.
 */
export type VerifyFunctionWithRequest<Req extends GenAuthRequest = GenAuthRequest> = {
  bivarianceHack(req: Req, tokens: TokenSet, profile: GenAuthProfile, done: VerifyCallback): VerifyReturn;
}['bivarianceHack'];

/** The constructor of a provider strategy, overloaded on `passReqToCallback`; verify is the last argument. */
export interface GenAuthStrategyConstructor<Field extends string = string> {
  new <Req extends GenAuthRequest = GenAuthRequest>(
    options: GenAuthStrategyOptions<Field, Req> & { passReqToCallback?: false },
    verify: VerifyFunction,
  ): GenAuthStrategy;
  new <Req extends GenAuthRequest = GenAuthRequest>(
    options: GenAuthStrategyOptions<Field, Req> & { passReqToCallback: true },
    verify: VerifyFunctionWithRequest<Req>,
  ): GenAuthStrategy;
  /** The provider this strategy class signs in with. */
  readonly provider: Provider;
}

/**
 * Turns a provider into a Passport strategy class:
 * `export class WechatStrategy extends defineStrategy(wechat) {}`.
 */
export function defineStrategy<P extends Provider>(provider: P): GenAuthStrategyConstructor<ProviderField<P>> {
  class ProviderStrategy extends GenAuthStrategy {
    static readonly provider: Provider = provider;
    constructor(options: unknown, verify: unknown) {
      super(provider, options, verify);
    }
  }
  Object.defineProperty(ProviderStrategy, 'name', { value: `GenAuthStrategy(${provider.connection})` });
  return ProviderStrategy;
}
