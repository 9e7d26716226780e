import { createSecretKey, type KeyObject } from 'node:crypto';
import type { EmulatorApp, IdTokenSigningAlg, TokenEndpointAuthMethod } from './config';

/** The endpoints whose client authentication GenAuth configures separately. */
export type ClientAuthEndpoint = 'token' | 'introspection' | 'revocation';

/** Per-app state prepared once at start so that a request does no key handling of its own. */
export interface AppRuntime {
  readonly appId: string;
  /** The token endpoint method (sign-in and refresh). */
  readonly method: TokenEndpointAuthMethod;
  /** The method of each endpoint, defaults applied. */
  readonly endpointMethods: Readonly<Record<ClientAuthEndpoint, TokenEndpointAuthMethod>>;
  readonly idTokenSigningAlg: IdTokenSigningAlg;
  /** The secret's UTF-8 bytes, for constant-time comparison. */
  readonly secret: Buffer | undefined;
  /** The HS256 key (the app secret), when the app has a secret. */
  readonly hmacKey: KeyObject | undefined;
}

/** Prepares every app, keyed by appId. */
export function buildApps(apps: readonly Readonly<EmulatorApp>[]): ReadonlyMap<string, AppRuntime> {
  const runtime = new Map<string, AppRuntime>();
  for (const app of apps) {
    const secret = app.appSecret === undefined ? undefined : Buffer.from(app.appSecret, 'utf8');
    runtime.set(app.appId, {
      appId: app.appId,
      method: app.tokenEndpointAuthMethod,
      endpointMethods: {
        token: app.tokenEndpointAuthMethod,
        introspection: app.introspectionEndpointAuthMethod ?? app.tokenEndpointAuthMethod,
        revocation: app.revocationEndpointAuthMethod ?? app.tokenEndpointAuthMethod,
      },
      idTokenSigningAlg: app.idTokenSigningAlg ?? 'RS256',
      secret,
      hmacKey: secret === undefined ? undefined : createSecretKey(secret),
    });
  }
  return runtime;
}
