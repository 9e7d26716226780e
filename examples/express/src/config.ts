import type { GenAuthClientOptions, TokenEndpointAuthMethod } from '@passport-genauth/core';
import { CONNECTIONS, type IdentitySources } from './strategies';

/** Where logins go: the embedded emulator, or a real GenAuth application. */
export type BackendConfig =
  | { readonly mode: 'emulator'; readonly identitySources: IdentitySources }
  | { readonly mode: 'genauth'; readonly client: GenAuthClientOptions; readonly identitySources: IdentitySources };

/** The variables that describe a real GenAuth application; when none is set the emulator is used. */
export const APP_VARIABLES = ['GENAUTH_APP_HOST', 'GENAUTH_APP_ID', 'GENAUTH_APP_SECRET', 'GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD'] as const;

/** Prefix of the identity-source variables: `GENAUTH_IDP_WECHAT=wechat-mobile`, `GENAUTH_IDP_LARK_INTERNAL=…`. */
export const IDP_PREFIX = 'GENAUTH_IDP_';

const METHODS: readonly TokenEndpointAuthMethod[] = ['none', 'client_secret_post', 'client_secret_basic'];

/** The variable naming the identity source of a connection: `GENAUTH_IDP_WECHAT_MINI_PROGRAM_CODE`. */
export function idpVariable(connection: string): string {
  return `${IDP_PREFIX}${connection.toUpperCase()}`;
}

/** Thrown by `readConfig`; the message lists every bad variable and how to fix it. */
export class EnvConfigError extends Error {
  /** One line per problem. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid GenAuth settings in the environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readIdentitySources(env: Env, problems: string[]): IdentitySources {
  const sources: Record<string, string> = {};
  for (const name of Object.keys(env).filter((key) => key.startsWith(IDP_PREFIX))) {
    const connection = name.slice(IDP_PREFIX.length).toLowerCase();
    const value = read(env, name);
    if (!CONNECTIONS.includes(connection)) problems.push(`${name} does not name a connection; use one of ${CONNECTIONS.map(idpVariable).join(', ')}`);
    else if (value !== undefined) sources[connection] = value;
  }
  return sources;
}

/**
 * Reads the backend's GenAuth settings from environment variables. None of `APP_VARIABLES` set →
 * the embedded emulator. Otherwise `GENAUTH_APP_HOST` and `GENAUTH_APP_ID` are required, the method
 * must be one GenAuth offers, and the secret methods need `GENAUTH_APP_SECRET`. `GENAUTH_IDP_<CONNECTION>`
 * names identity sources in both modes. Throws `EnvConfigError` listing every problem.
 */
export function readConfig(env: Env = process.env): BackendConfig {
  const problems: string[] = [];
  const identitySources = readIdentitySources(env, problems);
  const [appHost, appId, appSecret, method] = APP_VARIABLES.map((name) => read(env, name));
  if (appHost === undefined && appId === undefined && appSecret === undefined && method === undefined) {
    if (problems.length > 0) throw new EnvConfigError(problems);
    return { mode: 'emulator', identitySources };
  }
  if (appHost === undefined) problems.push('GENAUTH_APP_HOST is required: the application domain, e.g. https://my-app.genauth.ai');
  if (appId === undefined) problems.push('GENAUTH_APP_ID is required: the application id from the GenAuth console');
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
    problems.push(`GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD must be one of ${METHODS.join(', ')} (got '${method}')`);
  } else if ((method === 'client_secret_post' || method === 'client_secret_basic') && appSecret === undefined) {
    problems.push(`GENAUTH_APP_SECRET is required with GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD=${method}`);
  }
  if (problems.length > 0 || appHost === undefined || appId === undefined) throw new EnvConfigError(problems);
  const client: GenAuthClientOptions = {
    appHost,
    appId,
    ...(appSecret !== undefined ? { appSecret } : {}),
    ...(method !== undefined ? { tokenEndpointAuthMethod: method as TokenEndpointAuthMethod } : {}),
  };
  return { mode: 'genauth', client, identitySources };
}
