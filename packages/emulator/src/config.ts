import { CONNECTION_NAMES, isConnection, type Connection } from './connections';
import { resolveDashboardOptions, type DashboardOptions, type ResolvedDashboardOptions } from './dashboard/options';

/** How an application authenticates itself at the token endpoint (a GenAuth console setting). */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** How the app's id_token is signed: RS256 with the emulator's key pair, or HS256 with the app secret. */
export type IdTokenSigningAlg = 'RS256' | 'HS256';

/** A GenAuth application the emulator knows. */
export interface EmulatorApp {
  appId: string;
  /** Required for `client_secret_post`, `client_secret_basic` and HS256 id_tokens. */
  appSecret?: string;
  /** Sign-in (`signin-by-mobile`) and the token endpoint (refresh). */
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** `POST /oidc/token/introspection`. Default: the `tokenEndpointAuthMethod`. */
  introspectionEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** `POST /oidc/token/revocation`. Default: the `tokenEndpointAuthMethod`. */
  revocationEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Default `RS256`. */
  idTokenSigningAlg?: IdTokenSigningAlg;
}

/**
 * What the lifecycle endpoints do when a client authenticates with two mechanisms at once (Basic and
 * `client_secret` in the body, as GenAuth's Node SDK does in basic mode): `lenient` accepts it when both
 * carry the right secret; `strict` answers 400 `invalid_request`.
 */
export type ClientAuthStrictness = 'lenient' | 'strict';

/** An identity-source connection as configured in the GenAuth console. */
export interface IdentitySource {
  extIdpConnidentifier: string;
  connection: Connection;
}

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  /** Default 1,209,600 (14 days); also the `expire_in` of the answer. */
  accessToken?: number;
  /** Default 1,209,600 (14 days). */
  idToken?: number;
  /** Default 2,592,000 (30 days); the refresh token itself is opaque. */
  refreshToken?: number;
}

/** Options of `startEmulator` (and the shape of the CLI's `--config` JSON). */
export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default `[DEMO_APP]`. */
  apps?: readonly EmulatorApp[];
  /** Default: one per connection, its identifier being the connection value (`wechat`, `lark_internal`, …). */
  identitySources?: readonly IdentitySource[];
  tokenLifetimes?: TokenLifetimes;
  /** Honour the per-request `x-emulator-fault` header. Default false. */
  faults?: boolean;
  /** Serve the `/__emulator/faults`, `/stats`, `/requests` and `/reset` control endpoints. Default false. */
  control?: boolean;
  /** How many requests the log keeps (oldest dropped first). Default 10,000. */
  maxLogEntries?: number;
  /** Two client authentication mechanisms at once: accepted when both match (default `lenient`) or 400 (`strict`). */
  clientAuthStrictness?: ClientAuthStrictness;
  /**
   * Refresh answers a new refresh token and retires the presented one; presenting a retired one again
   * is `invalid_grant` and revokes the whole grant. Default false: the same refresh token comes back.
   */
  refreshTokenRotation?: boolean;
  /**
   * Without rotation, leave `refresh_token` out of the refresh answer (the presented one keeps working),
   * as some of GenAuth's pages describe it: lets a client test its keep-the-old-one rule. Default false.
   */
  omitRefreshTokenOnRefresh?: boolean;
  /** Serve the dashboard page at `/` (and its API under `/__emulator/dashboard/`). Default false; the CLI turns it on. */
  dashboard?: boolean | DashboardOptions;
  /** Allow the dashboard and the control endpoints on a host that is not loopback. Default false. */
  allowRemoteControl?: boolean;
}

/** The application the emulator serves when no `apps` are given (every endpoint uses its token endpoint method). */
export const DEMO_APP: Readonly<Required<Omit<EmulatorApp, 'introspectionEndpointAuthMethod' | 'revocationEndpointAuthMethod'>>> = Object.freeze({
  appId: 'demo-app',
  appSecret: 'demo-secret',
  tokenEndpointAuthMethod: 'client_secret_basic',
  idTokenSigningAlg: 'RS256',
});

/** Options after validation, with every default applied. */
export interface ResolvedOptions extends ResolvedDashboardOptions {
  readonly port: number;
  readonly host: string;
  readonly apps: readonly Readonly<EmulatorApp>[];
  readonly identitySources: readonly Readonly<IdentitySource>[];
  readonly tokenLifetimes: Readonly<Required<TokenLifetimes>>;
  readonly faults: boolean;
  readonly control: boolean;
  readonly maxLogEntries: number;
  readonly clientAuthStrictness: ClientAuthStrictness;
  readonly refreshTokenRotation: boolean;
  readonly omitRefreshTokenOnRefresh: boolean;
}

const METHODS: readonly string[] = ['none', 'client_secret_post', 'client_secret_basic'];
const OPTION_KEYS = [
  'port',
  'host',
  'apps',
  'identitySources',
  'tokenLifetimes',
  'faults',
  'control',
  'maxLogEntries',
  'clientAuthStrictness',
  'refreshTokenRotation',
  'omitRefreshTokenOnRefresh',
  'dashboard',
  'allowRemoteControl',
];
const APP_KEYS = ['appId', 'appSecret', 'tokenEndpointAuthMethod', 'introspectionEndpointAuthMethod', 'revocationEndpointAuthMethod', 'idTokenSigningAlg'];
const ENDPOINT_METHOD_KEYS = ['introspectionEndpointAuthMethod', 'revocationEndpointAuthMethod'] as const;
const LIFETIME_KEYS = ['accessToken', 'idToken', 'refreshToken'] as const;

/** Validates options strictly (unknown keys are typos and throw) and applies the defaults. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const problems: string[] = [];
  const input: Record<string, unknown> = isRecord(options) ? options : (problems.push('options must be an object'), {});
  unknownKeys(input, OPTION_KEYS, 'options', problems);

  const port = input['port'] ?? 0;
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65535) problems.push('port must be an integer 0-65535');
  const host = input['host'] ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') problems.push('host must be a non-empty string');

  const apps = (input['apps'] ?? [DEMO_APP]) as unknown;
  if (!Array.isArray(apps) || apps.length === 0) problems.push('apps must be a non-empty array');
  else apps.forEach((app: unknown, i) => checkApp(app, `apps[${i}]`, problems));
  const ids = Array.isArray(apps) ? apps.map((app: unknown) => (isRecord(app) ? app['appId'] : undefined)) : [];
  if (new Set(ids).size !== ids.length) problems.push('apps: every appId must be unique');

  const sources = (input['identitySources'] ?? CONNECTION_NAMES.map((connection) => ({ extIdpConnidentifier: connection, connection }))) as unknown;
  if (!Array.isArray(sources)) problems.push('identitySources must be an array');
  else {
    sources.forEach((source: unknown, i) => checkSource(source, `identitySources[${i}]`, problems));
    const names = sources.map((source: unknown) => (isRecord(source) ? source['extIdpConnidentifier'] : undefined));
    if (new Set(names).size !== names.length) problems.push('identitySources: every extIdpConnidentifier must be unique');
  }

  const lifetimes = input['tokenLifetimes'] ?? {};
  const tokenLifetimes = { accessToken: 1_209_600, idToken: 1_209_600, refreshToken: 2_592_000 };
  if (!isRecord(lifetimes)) problems.push('tokenLifetimes must be an object');
  else {
    unknownKeys(lifetimes, LIFETIME_KEYS, 'tokenLifetimes', problems);
    for (const key of LIFETIME_KEYS) {
      const value = lifetimes[key];
      if (value === undefined) continue;
      if (Number.isInteger(value) && (value as number) > 0) tokenLifetimes[key] = value as number;
      else problems.push(`tokenLifetimes.${key} must be a positive integer (seconds)`);
    }
  }
  for (const flag of ['faults', 'control', 'refreshTokenRotation', 'omitRefreshTokenOnRefresh'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') problems.push(`${flag} must be a boolean`);
  }
  const maxLogEntries = input['maxLogEntries'] ?? 10_000;
  if (!Number.isInteger(maxLogEntries) || (maxLogEntries as number) < 0) problems.push('maxLogEntries must be an integer >= 0');
  const strictness = input['clientAuthStrictness'] ?? 'lenient';
  if (strictness !== 'lenient' && strictness !== 'strict') problems.push('clientAuthStrictness must be lenient or strict');
  if (input['refreshTokenRotation'] === true && input['omitRefreshTokenOnRefresh'] === true) {
    problems.push('omitRefreshTokenOnRefresh cannot be combined with refreshTokenRotation (a rotated token must be returned)');
  }
  const dashboard = resolveDashboardOptions(input, host, problems);

  if (problems.length > 0) throw new TypeError(`Invalid emulator options:\n- ${problems.join('\n- ')}`);
  return {
    port: port as number,
    host: host as string,
    apps: (apps as EmulatorApp[]).map((app) => Object.freeze({ ...app, idTokenSigningAlg: app.idTokenSigningAlg ?? 'RS256' })),
    identitySources: (sources as IdentitySource[]).map((source) => Object.freeze({ ...source })),
    tokenLifetimes: Object.freeze(tokenLifetimes),
    faults: input['faults'] === true,
    control: input['control'] === true,
    maxLogEntries: maxLogEntries as number,
    clientAuthStrictness: strictness as ClientAuthStrictness,
    refreshTokenRotation: input['refreshTokenRotation'] === true,
    omitRefreshTokenOnRefresh: input['omitRefreshTokenOnRefresh'] === true,
    ...dashboard,
  };
}

function checkApp(app: unknown, path: string, problems: string[]): void {
  if (!isRecord(app)) {
    problems.push(`${path} must be an object`);
    return;
  }
  unknownKeys(app, APP_KEYS, path, problems);
  if (typeof app['appId'] !== 'string' || app['appId'] === '') problems.push(`${path}.appId must be a non-empty string`);
  const method = app['tokenEndpointAuthMethod'];
  if (typeof method !== 'string' || !METHODS.includes(method)) {
    problems.push(`${path}.tokenEndpointAuthMethod must be one of ${METHODS.join(', ')}`);
  }
  const methods = [method];
  for (const key of ENDPOINT_METHOD_KEYS) {
    const value = app[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !METHODS.includes(value)) problems.push(`${path}.${key} must be one of ${METHODS.join(', ')}`);
    else methods.push(value);
  }
  const alg = app['idTokenSigningAlg'];
  if (alg !== undefined && alg !== 'RS256' && alg !== 'HS256') problems.push(`${path}.idTokenSigningAlg must be RS256 or HS256`);
  const secret = app['appSecret'];
  if (secret !== undefined && (typeof secret !== 'string' || secret === '')) {
    problems.push(`${path}.appSecret must be a non-empty string`);
  }
  const secretMethod = methods.find((m) => m === 'client_secret_post' || m === 'client_secret_basic');
  if (secret === undefined && (secretMethod !== undefined || alg === 'HS256')) {
    problems.push(`${path}.appSecret is required with ${alg === 'HS256' ? 'HS256' : String(secretMethod)}`);
  }
}

function checkSource(source: unknown, path: string, problems: string[]): void {
  if (!isRecord(source)) {
    problems.push(`${path} must be an object`);
    return;
  }
  unknownKeys(source, ['extIdpConnidentifier', 'connection'], path, problems);
  const id = source['extIdpConnidentifier'];
  if (typeof id !== 'string' || id === '') problems.push(`${path}.extIdpConnidentifier must be a non-empty string`);
  if (!isConnection(source['connection'])) problems.push(`${path}.connection must be one of the 32 connections`);
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${path}.${key} is not a known option`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
