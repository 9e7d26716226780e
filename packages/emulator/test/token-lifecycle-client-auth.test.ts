import { startEmulator, type EmulatorOptions } from '../src/index';
import { basic, startHarness, type Answer, type Harness } from './support/harness';
import { login, postForm } from './support/lifecycle';

// An app whose three endpoints authenticate three different ways, as the GenAuth console allows.
const SPLIT = {
  appId: 'split-app',
  appSecret: 'sp+lit/se=cr:et',
  tokenEndpointAuthMethod: 'client_secret_post',
  introspectionEndpointAuthMethod: 'client_secret_basic',
  revocationEndpointAuthMethod: 'none',
} as const;
const DEFAULTED = { appId: 'defaulted-app', appSecret: 'de+fault', tokenEndpointAuthMethod: 'client_secret_basic' } as const;

const POST = { client_id: SPLIT.appId, client_secret: SPLIT.appSecret };
const BASIC = { authorization: basic(SPLIT.appId, SPLIT.appSecret) };

let lenient: Harness;
let strict: Harness;
beforeAll(async () => {
  const apps: EmulatorOptions['apps'] = [SPLIT, DEFAULTED];
  [lenient, strict] = await Promise.all([startHarness({ apps }), startHarness({ apps, clientAuthStrictness: 'strict' })]);
});
afterAll(() => Promise.all([lenient.close(), strict.close()]));

const status = (answer: Answer) => [answer.status, answer.json?.error ?? 'ok'];

describe('per-endpoint client authentication', () => {
  it('uses the token endpoint method for refresh, and each endpoint its own', async () => {
    const tokens = await login(lenient, { ...SPLIT }, 'ca-split');
    const grant = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! };
    expect(status(await postForm(lenient, '/oidc/token', { ...grant, ...POST }))).toEqual([200, 'ok']);
    expect(status(await postForm(lenient, '/oidc/token', grant, BASIC))).toEqual([401, 'invalid_client']);

    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: tokens.access_token }, BASIC))).toEqual([200, 'ok']);
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: tokens.access_token, ...POST }))).toEqual([401, 'invalid_client']);
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: tokens.access_token, client_id: SPLIT.appId }))).toEqual([
      401,
      'invalid_client',
    ]);

    expect(status(await postForm(lenient, '/oidc/token/revocation', { token: 'unknown', client_id: SPLIT.appId }))).toEqual([200, 'ok']);
    // none also finds the app by the x-authing-app-id header alone (GenAuth's web SDKs send no client_id).
    expect(status(await postForm(lenient, '/oidc/token/revocation', { token: 'unknown' }, { 'x-authing-app-id': SPLIT.appId }))).toEqual([200, 'ok']);
  });

  it('defaults introspection and revocation to the token endpoint method', async () => {
    const tokens = await login(lenient, DEFAULTED, 'ca-default');
    const auth = { authorization: basic(DEFAULTED.appId, DEFAULTED.appSecret) };
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: tokens.access_token }, auth))).toEqual([200, 'ok']);
    expect(status(await postForm(lenient, '/oidc/token/revocation', { token: tokens.access_token }, auth))).toEqual([200, 'ok']);
    const post = { client_id: DEFAULTED.appId, client_secret: DEFAULTED.appSecret };
    expect(status(await postForm(lenient, '/oidc/token/revocation', { token: tokens.access_token, ...post }))).toEqual([401, 'invalid_client']);
  });

  it('answers 400 for no client at all, a broken Basic header, or Basic and client_id naming different apps', async () => {
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: 'x' }))).toEqual([400, 'invalid_request']);
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: 'x' }, { authorization: 'Basic !!!' }))).toEqual([400, 'invalid_request']);
    expect(status(await postForm(lenient, '/oidc/token/introspection', { token: 'x', client_id: DEFAULTED.appId }, BASIC))).toEqual([400, 'invalid_request']);
  });
});

describe('two mechanisms at once (Basic and client_secret in the body)', () => {
  const both = (harness: Harness, path: string, params: Record<string, string>, secret: string = SPLIT.appSecret) =>
    postForm(harness, path, { ...params, client_id: SPLIT.appId, client_secret: secret }, BASIC);

  it('lenient (default): accepted when both carry the right secret, on every endpoint', async () => {
    const tokens = await login(lenient, { ...SPLIT }, 'ca-both');
    expect(status(await both(lenient, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }))).toEqual([200, 'ok']);
    expect(status(await both(lenient, '/oidc/token/introspection', { token: tokens.access_token }))).toEqual([200, 'ok']);
    expect(status(await both(lenient, '/oidc/token/revocation', { token: tokens.access_token }))).toEqual([200, 'ok']);
    expect(
      lenient.emulator
        .requestsTo('token', 'introspection', 'revocation')
        .slice(-3)
        .map((entry) => entry.clientAuthMethod),
    ).toEqual(['client_secret_basic+client_secret_post', 'client_secret_basic+client_secret_post', 'client_secret_basic+client_secret_post']);
  });

  it('lenient: 401 invalid_client when either secret is wrong', async () => {
    expect(status(await both(lenient, '/oidc/token/introspection', { token: 'x' }, 'wrong'))).toEqual([401, 'invalid_client']);
    const wrongBasic = await postForm(lenient, '/oidc/token/introspection', { token: 'x', ...POST }, { authorization: basic(SPLIT.appId, 'wrong') });
    expect(status(wrongBasic)).toEqual([401, 'invalid_client']);
  });

  it('strict: 400 invalid_request, whatever the endpoint', async () => {
    const tokens = await login(strict, { ...SPLIT }, 'ca-strict');
    expect(status(await both(strict, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }))).toEqual([400, 'invalid_request']);
    expect(status(await both(strict, '/oidc/token/introspection', { token: tokens.access_token }))).toEqual([400, 'invalid_request']);
    expect(status(await both(strict, '/oidc/token/revocation', { token: tokens.access_token }))).toEqual([400, 'invalid_request']);
    // One mechanism, the configured one, is fine under strict.
    expect(status(await postForm(strict, '/oidc/token/introspection', { token: tokens.access_token }, BASIC))).toEqual([200, 'ok']);
  });

  it('a none endpoint: lenient takes a client that also proves its secret; strict refuses it', async () => {
    expect(status(await postForm(lenient, '/oidc/token/revocation', { token: 'x' }, BASIC))).toEqual([200, 'ok']);
    expect(status(await postForm(strict, '/oidc/token/revocation', { token: 'x' }, BASIC))).toEqual([401, 'invalid_client']);
    expect(status(await postForm(strict, '/oidc/token/revocation', { token: 'x', client_id: SPLIT.appId }))).toEqual([200, 'ok']);
  });
});

describe('options', () => {
  it('validates the per-endpoint methods, the strictness and rotation', async () => {
    const bad = {
      apps: [
        { appId: 'a', tokenEndpointAuthMethod: 'none', introspectionEndpointAuthMethod: 'private_key_jwt' },
        { appId: 'b', tokenEndpointAuthMethod: 'none', revocationEndpointAuthMethod: 'client_secret_basic' },
      ],
      clientAuthStrictness: 'loose',
      refreshTokenRotation: 'yes',
    } as unknown as EmulatorOptions;
    await expect(startEmulator(bad)).rejects.toThrow(
      new TypeError(
        [
          'Invalid emulator options:',
          '- apps[0].introspectionEndpointAuthMethod must be one of none, client_secret_post, client_secret_basic',
          '- apps[1].appSecret is required with client_secret_basic',
          '- refreshTokenRotation must be a boolean',
          '- clientAuthStrictness must be lenient or strict',
        ].join('\n'),
      ),
    );
  });
});
