import type { EmulatorApp, TokenEndpointAuthMethod } from '../../src/index';
import { basic, signinBody, type Answer, type Harness } from './harness';

/** One app per client authentication method; the secrets carry `+ / = :` to catch encoding mistakes. */
export const POST_APP = { appId: 'post-app', appSecret: 'po+st/se=cr:et', tokenEndpointAuthMethod: 'client_secret_post' } as const;
export const BASIC_APP = { appId: 'basic-app', appSecret: 'ba+sic/se=cr:et', tokenEndpointAuthMethod: 'client_secret_basic' } as const;
export const NONE_APP = { appId: 'none-app', tokenEndpointAuthMethod: 'none' } as const;

/** The three apps, as `startEmulator` takes them. */
export const METHOD_APPS: EmulatorApp[] = [{ ...POST_APP }, { ...BASIC_APP }, { ...NONE_APP }];

/** An app of the tests. */
export interface TestApp {
  readonly appId: string;
  readonly appSecret?: string;
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
}

/** The app of `method` among METHOD_APPS. */
export function appFor(method: TokenEndpointAuthMethod): TestApp {
  return method === 'client_secret_post' ? POST_APP : method === 'client_secret_basic' ? BASIC_APP : NONE_APP;
}

/** The contract's wire form of a client authentication: extra body fields and headers. */
export function clientAuth(app: TestApp, method: TokenEndpointAuthMethod = app.tokenEndpointAuthMethod) {
  const secret = app.appSecret ?? '';
  switch (method) {
    case 'client_secret_post':
      return { params: { client_id: app.appId, client_secret: secret }, headers: {} as Record<string, string> };
    case 'client_secret_basic':
      return { params: {} as Record<string, string>, headers: { authorization: basic(app.appId, secret) } };
    case 'none':
      return { params: { client_id: app.appId }, headers: {} as Record<string, string> };
  }
}

/** POSTs a form body (`application/x-www-form-urlencoded`, as GenAuth's SDKs send it). */
export function postForm(h: Harness, path: string, params: Record<string, string> | string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = typeof params === 'string' ? params : new URLSearchParams(params).toString();
  return h.postRaw(path, body, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers });
}

/** Calls a client-authenticated lifecycle endpoint as `app` with its own method (or `method`). */
export function callAs(h: Harness, app: TestApp, path: string, params: Record<string, string>, method?: TokenEndpointAuthMethod) {
  const auth = clientAuth(app, method);
  return postForm(h, path, { ...params, ...auth.params }, { 'x-authing-app-id': app.appId, ...auth.headers });
}

/** The token set of a sign-in answer. */
export interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  scope: string;
}

/** Signs a minted WeChat user in to `app` with `scope` and returns the tokens. */
export async function login(h: Harness, app: TestApp, user: string, scope = 'openid profile offline_access'): Promise<Tokens> {
  const auth = clientAuth(app);
  const credential = h.emulator.mintCredential('wechat', { user, name: `${user} Example`, email: `${user}@example.com` });
  const answer = await h.signin(signinBody('wechat', 'wechatPayload', credential, { ...auth.params, options: { scope } }), {
    'x-authing-app-id': app.appId,
    ...auth.headers,
  });
  if (answer.json?.statusCode !== 200) throw new Error(`login failed: ${answer.text}`);
  return answer.json.data as Tokens;
}

/** The claims of a JWT, unverified (the tests verify signatures with verifyJwt where it matters). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Waits until the wall clock has passed `exp` (seconds), so that a token with that `exp` is expired. */
export async function waitPast(exp: number): Promise<void> {
  while (Date.now() / 1000 < exp) await new Promise((resolve) => setTimeout(resolve, 50));
}
