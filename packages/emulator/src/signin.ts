import type { IncomingHttpHeaders } from 'node:http';
import type { AppRuntime } from './apps';
import { authenticateClient, findApp } from './client-auth';
import { CONNECTIONS, isConnection, type Connection } from './connections';
import { reject, type Rejection, type SigninData } from './envelope';
import type { KeyStore } from './keys';
import type { TokenLifetimes } from './config';
import type { TokenStore } from './lifecycle/token-store';
import { validatePayload } from './payload-validation';
import type { ProviderSimulator } from './provider-simulator';
import { readScope } from './signin-options';
import { issueTokens } from './tokens';

/** What the sign-in handler needs from the running emulator. */
export interface SigninServices {
  readonly apps: ReadonlyMap<string, AppRuntime>;
  /** extIdpConnidentifier → connection. */
  readonly identitySources: ReadonlyMap<string, Connection>;
  readonly provider: ProviderSimulator;
  readonly keys: KeyStore;
  readonly lifetimes: Readonly<Required<TokenLifetimes>>;
  /** Every access token and grant issued, for the token lifecycle endpoints. */
  readonly tokenStore: TokenStore;
}

/** The business outcome of one sign-in. */
export type SigninResult = { readonly ok: true; readonly data: SigninData } | { readonly ok: false; readonly rejection: Rejection };

function isRejection(value: object): value is Rejection {
  return 'statusCode' in value;
}

function fail(rejection: Rejection): SigninResult {
  return { ok: false, rejection };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

/**
 * `POST /api/v3/signin-by-mobile` on a parsed JSON body, in GenAuth's order: the app, its client
 * authentication, `connection`, the identity source, the payload, `options`, then the provider exchange
 * (the only step that consumes the credential) and the tokens.
 */
export function signIn(services: SigninServices, headers: IncomingHttpHeaders, body: Readonly<Record<string, unknown>>, issuer: string): SigninResult {
  const app = findApp(services.apps, headers, body);
  if (isRejection(app)) return fail(app);
  const clientProblem = authenticateClient(app, headers, body);
  if (clientProblem !== undefined) return fail(clientProblem);

  const connection = body['connection'];
  if (connection === undefined || connection === null || connection === '') {
    return fail(reject(400, 'connection is required'));
  }
  if (typeof connection !== 'string') return fail(reject(400, 'connection must be a string'));
  if (!isConnection(connection)) {
    return fail(reject(400, `connection must be one of the 32 supported connections, got ${quote(connection)}`));
  }

  const sourceId = body['extIdpConnidentifier'];
  if (sourceId === undefined || sourceId === null || sourceId === '') return fail(reject(400, 'extIdpConnidentifier is required'));
  if (typeof sourceId !== 'string') return fail(reject(400, 'extIdpConnidentifier must be a string'));
  const sourceConnection = services.identitySources.get(sourceId);
  if (sourceConnection === undefined) return fail(reject(404, `Identity source not found: ${sourceId.slice(0, 64)}`));
  if (sourceConnection !== connection) {
    return fail(reject(400, `connection ${connection} does not match identity source ${quote(sourceId)}, which is a ${sourceConnection} connection`));
  }

  const spec = CONNECTIONS[connection];
  const payload = validatePayload(spec, body);
  if (!payload.ok) return fail(payload.rejection);
  const scope = readScope(body);
  if (isRejection(scope)) return fail(scope);

  const user = services.provider.exchange(spec, payload.primary);
  if (isRejection(user)) return fail(user);
  const data = issueTokens({ app, user, scope, issuer, keys: services.keys, lifetimes: services.lifetimes, store: services.tokenStore });
  return { ok: true, data };
}
