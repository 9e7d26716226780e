import type { GenAuthClient } from '@passport-genauth/core';

/** Injection token of the module's `GenAuthModuleOptions`. */
export const GENAUTH_OPTIONS = Symbol('GENAUTH_OPTIONS');

/** What the GenAuth strategies of this app share. */
export interface GenAuthModuleOptions {
  /** One client for every strategy: one connection pool, one JWKS cache. */
  readonly client: GenAuthClient;
  /** `extIdpConnidentifier` per connection (`{ wechat: 'wechat-mobile' }`); default: the connection name. */
  readonly identitySources?: Readonly<Partial<Record<string, string>>>;
}

/** The identity source a connection signs in with. */
export function identitySourceOf(options: GenAuthModuleOptions, connection: string): string {
  return options.identitySources?.[connection] ?? connection;
}
