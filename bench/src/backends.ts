import { childScript, spawnChild, type Child } from './child.js';
import { backendBody, bearerHeaders, type LoadOptions } from './load.js';

/** A backend under test: which script, with which settings. */
export interface BackendSpec {
  readonly key: string;
  readonly label: string;
  readonly script: string;
  readonly env?: Record<string, string>;
  /** What one request is: a login (`POST /auth/wechat`, a fresh code) or an API call (`GET /api/me`, a Bearer token). */
  readonly workload?: 'login' | 'api';
}

export const STRATEGY: BackendSpec = {
  key: 'a',
  label: '(a) WechatStrategy + shared GenAuthClient, Express 5 + passport, id_token verified',
  script: 'backend-strategy.mjs',
};
export const SDK: BackendSpec = {
  key: 'b',
  label: "(b) Express 5 + official SDK's signInByMobile (authing-node-sdk 4.0.1, no id_token check)",
  script: 'backend-sdk.mjs',
};
export const FLOOR: BackendSpec = {
  key: 'c',
  label: '(c) floor: bare node:http, one undici POST + JSON.parse',
  script: 'backend-floor.mjs',
};
export const STRATEGY_NO_VERIFY: BackendSpec = {
  key: 'a-noverify',
  label: '(a) with idToken.verify = false (decode only)',
  script: 'backend-strategy.mjs',
  env: { BENCH_VERIFY_ID_TOKEN: '0' },
};
export const SDK_VERIFY: BackendSpec = {
  key: 'b+parseIDToken',
  label: '(b) + SDK parseIDToken (fetches the JWKS on every call)',
  script: 'backend-sdk.mjs',
  env: { BENCH_SDK_VERIFY: '1' },
};
export const FLOOR_VERIFY: BackendSpec = {
  key: 'c+sig',
  label: '(c) + sync RS256 signature check (node:crypto, key cached by kid)',
  script: 'backend-floor.mjs',
  env: { BENCH_FLOOR_VERIFY: '1' },
};
export const EXPRESS_FLOOR: BackendSpec = {
  key: 'c+express',
  label: '(c) exchange behind Express 5 + express.json()',
  script: 'backend-express-floor.mjs',
};
export const EXPRESS_PASSPORT_FLOOR: BackendSpec = {
  key: 'c+express+passport',
  label: '(c) exchange in a minimal passport Strategy behind Express 5 + passport',
  script: 'backend-express-passport.mjs',
};
export const EXPRESS_PASSPORT_FLOOR_VERIFY: BackendSpec = {
  key: 'c+express+passport+sig',
  label: '(c) exchange + sync RS256 signature check in a minimal passport Strategy behind Express 5 + passport',
  script: 'backend-express-passport.mjs',
  env: { BENCH_FLOOR_VERIFY: '1' },
};
export const STRATEGY_BARE: BackendSpec = {
  key: 'd',
  label: '(d) WechatStrategy + shared GenAuthClient as `strategy.login(req)` in the bare node:http handler, id_token verified (no Express, no passport)',
  script: 'backend-strategy-bare.mjs',
};
export const API_BEARER: BackendSpec = {
  key: 'bearer',
  label: 'genauth-bearer: GenAuthBearerStrategy + shared GenAuthClient, Express 5 + passport (RS256 via JWKS, iss, aud, exp, sub, jti, scope)',
  script: 'api-bearer.mjs',
  workload: 'api',
};
export const API_PASSPORT_JWT: BackendSpec = {
  key: 'passport-jwt',
  label: 'passport-jwt 4 + jwks-rsa 3 (passportJwtSecret, cached), Express 5 + passport (RS256, iss, aud, exp)',
  script: 'api-passport-jwt.mjs',
  workload: 'api',
};
export const API_FLOOR: BackendSpec = {
  key: 'verify-floor',
  label: 'floor: bare node:http, one synchronous crypto.verify (key cached by kid) + JSON.parse of the payload',
  script: 'api-floor.mjs',
  workload: 'api',
};
export const API_FRAMEWORK_FLOOR: BackendSpec = {
  key: 'verify-floor+express+passport',
  label: 'the same crypto.verify in a do-nothing passport strategy behind Express 5 + passport',
  script: 'api-floor.mjs',
  env: { BENCH_API_FRAMEWORK: '1' },
  workload: 'api',
};
export const API_CLIENT_ONLY: BackendSpec = {
  key: 'verifyAccessToken',
  label: 'our GenAuthClient.verifyAccessToken alone in the bare node:http handler',
  script: 'api-client.mjs',
  workload: 'api',
};
export const CLIENT_ONLY: BackendSpec = {
  key: 'client',
  label: 'our GenAuthClient.signInByMobile (verify on) in the bare node:http handler',
  script: 'backend-client.mjs',
};

/** Our client alone (bare node:http), built from a scratch bundle (see scratch.ts). */
export function clientFromBundle(key: string, label: string, bundle: string): BackendSpec {
  return { key, label, script: 'backend-client.mjs', env: { BENCH_CORE_BUNDLE: bundle } };
}

/** (a) built from a scratch bundle (see scratch.ts). */
export function strategyFromBundle(key: string, label: string, bundle: string): BackendSpec {
  return { key, label, script: 'backend-strategy.mjs', env: { BENCH_CORE_BUNDLE: bundle } };
}

/** Starts a backend pointed at the emulator. */
export function startBackend(spec: BackendSpec, emulatorUrl: string, extra: { env?: Record<string, string>; execArgv?: string[] } = {}): Promise<Child> {
  return spawnChild(spec.key, childScript(spec.script), {
    env: { BENCH_EMULATOR_URL: emulatorUrl, ...spec.env, ...extra.env },
    execArgv: ['--expose-gc', ...(extra.execArgv ?? [])],
  });
}

/** The URL the load generator posts logins to. */
export function loginUrl(backend: Child): string {
  return `http://127.0.0.1:${String(backend.info.port)}/auth/wechat`;
}

/** The URL of the API backends' protected route. */
export function apiUrl(backend: Child): string {
  return `http://127.0.0.1:${String(backend.info.port)}/api/me`;
}

/** What the load generator sends to a backend: a login with a fresh code, or an API call with one of `tokens`. */
export function requestsFor(
  spec: Pick<BackendSpec, 'workload'>,
  backend: Child,
  tokens: readonly string[] | undefined,
): Pick<LoadOptions, 'url' | 'body' | 'requestHeaders'> {
  if (spec.workload !== 'api') return { url: loginUrl(backend), body: backendBody };
  if (!tokens) throw new Error(`${backend.name}: an API backend needs access tokens`);
  return { url: apiUrl(backend), requestHeaders: bearerHeaders(tokens) };
}
