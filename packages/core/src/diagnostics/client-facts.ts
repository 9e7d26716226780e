import type { TokenEndpointAuthMethod } from '../types';

const origins = new Map<string, string | undefined>();

/** The origin of a URL (`https://my-app.genauth.ai`), remembered per URL: URLs here are configuration, so few. */
export function originOf(url: string): string | undefined {
  if (origins.has(url)) return origins.get(url);
  let origin: string | undefined;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = undefined;
  }
  if (origins.size < 1_000) origins.set(url, origin);
  return origin;
}

const METHODS: ReadonlySet<string> = new Set<TokenEndpointAuthMethod>(['none', 'client_secret_post', 'client_secret_basic']);

/** A client authentication method name, when `value` is one. */
export function authMethodOf(value: unknown): TokenEndpointAuthMethod | undefined {
  return typeof value === 'string' && METHODS.has(value) ? (value as TokenEndpointAuthMethod) : undefined;
}

/** The public facts of a client a strategy was given (a `GenAuthClient`, or a test double that has none). */
export interface ClientFacts {
  appId?: string;
  serverAddress?: string;
  clientAuthMethod?: TokenEndpointAuthMethod;
}

/** Copies a client's app id, origin and sign-in auth method onto `target` (only those it really has). */
export function noteClientFacts(target: ClientFacts, client: unknown): void {
  if (typeof client !== 'object' || client === null) return;
  const { appId, appHost, tokenEndpointAuthMethod } = client as Record<string, unknown>;
  if (typeof appId === 'string') target.appId = appId;
  const origin = typeof appHost === 'string' ? originOf(appHost) : undefined;
  if (origin !== undefined) target.serverAddress = origin;
  const method = authMethodOf(tokenEndpointAuthMethod);
  if (method !== undefined) target.clientAuthMethod = method;
}
