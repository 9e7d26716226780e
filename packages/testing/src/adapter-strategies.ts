import { GenAuthMobileStrategy, type GenAuthProfile, type GenAuthStrategy, type SignInClient, type TokenSet } from '@passport-genauth/core';
import { construct, type ProviderStrategyClass } from './strategy-classes';

/** The user a framework adapter's test app keeps (`request.user`, `ctx.state.user`). */
export interface TestUser {
  readonly id: string;
  readonly connection: string;
  readonly name: string;
}

/**
 * A verify callback for adapter tests: accepts everyone GenAuth signed in, refuses the provider user
 * named `refused`, and throws for the one named `explodes` (the app's own failure).
 */
export function verifyTestUser(_tokens: TokenSet, profile: GenAuthProfile): TestUser | false {
  if (profile.displayName === 'refused') return false;
  if (profile.displayName === 'explodes') throw new Error('the user table is down');
  return { id: profile.id, connection: profile.connection, name: profile.displayName };
}

/**
 * One strategy per given class, each signing in through `client` with its key as the identity source
 * and `verifyTestUser`, plus `mobile`, the single-route strategy over all of them.
 */
export function adapterTestStrategies<K extends string>(
  client: SignInClient,
  classes: Readonly<Record<K, ProviderStrategyClass>>,
): Record<K, GenAuthStrategy> & { readonly mobile: GenAuthMobileStrategy } {
  const strategies = {} as Record<K, GenAuthStrategy>;
  for (const key of Object.keys(classes) as K[]) strategies[key] = construct(classes[key], { client, extIdpConnidentifier: key }, verifyTestUser);
  return { ...strategies, mobile: new GenAuthMobileStrategy({ strategies: Object.values<GenAuthStrategy>(strategies) }) };
}
