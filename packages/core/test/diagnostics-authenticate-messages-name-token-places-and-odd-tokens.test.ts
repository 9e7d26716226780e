import { APP } from '@passport-genauth/testing';
import { GenAuthBearerStrategy, GenAuthClient } from '../src';
import { authenticateMessage, observeAuthenticate } from '../src/diagnostics/observe-authenticate';
import { observeIdToken } from '../src/diagnostics/observe-id-token';
import { recordChannels, recordChannelsPerTest } from './support/channel-recorder';
import { CodeStrategy } from './support/providers';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWithAlg = (alg: string) => `${part({ alg, typ: 'JWT' })}.${part({ sub: 'u' })}.c2ln`;

describe('the authenticate channel names where a bearer token was offered', () => {
  let client: GenAuthClient;
  // Observation code that broke would have warned: none of these logins may.
  const recorder = recordChannelsPerTest();

  beforeAll(() => {
    // Never contacted: every credential here is refused before any call to GenAuth.
    client = new GenAuthClient({ ...APP, tokenEndpointAuthMethod: 'client_secret_post' });
  });
  afterAll(() => client.close());

  const fieldsOf = async (req: { body?: unknown; query?: unknown }): Promise<unknown> => {
    const strategy = new GenAuthBearerStrategy({ client, tokenLocations: ['body', 'query'] }, async () => ({ id: 'x' }));
    const outcome = await strategy.login({ headers: {}, ...req });
    expect(outcome.type).toBe('fail');
    const ends = recorder.of('authenticate').filter((event) => event.event === 'asyncEnd');
    expect(ends).toHaveLength(1);
    recorder.clear();
    return ends[0]?.message.credentialFields;
  };

  it('access_token in the body, or in the query, is named access_token; neither names nothing', async () => {
    expect(await fieldsOf({ body: { access_token: 'not-a-jwt' } })).toEqual(['access_token']);
    expect(await fieldsOf({ query: { access_token: 'not-a-jwt' } })).toEqual(['access_token']);
    expect(await fieldsOf({ body: { other: 'x' }, query: { other: 'y' } })).toEqual([]);
  });

  it('a provider login whose app reads credentials itself names no credential field', async () => {
    const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'test', credentials: () => ({}) }, async () => ({ id: 'x' }));
    const outcome = await strategy.login({ headers: {}, body: { code: 'abc' } });
    expect(outcome).toMatchObject({ type: 'fail', status: 400 });
    const end = recorder.of('authenticate').find((event) => event.event === 'asyncEnd');
    expect(end?.message).toMatchObject({ kind: 'login', credentialFields: [], errorCode: 'GENAUTH_INVALID_CREDENTIALS' });
  });
});

describe('an authenticate whose work rejects is published as an error', () => {
  it('the message ends as result error, status 500, and the error event carries the rejection', async () => {
    const recorder = recordChannels();
    try {
      const message = authenticateMessage({ kind: 'login', strategy: 'genauth-test', connection: 'test', credentialFields: ['code'] }, { headers: {} });
      const failure = new Error('the login itself broke');
      await expect(
        observeAuthenticate(
          message,
          () => Promise.reject(failure),
          () => undefined,
        ),
      ).rejects.toBe(failure);
      const events = recorder.of('authenticate');
      expect(events.map((event) => event.event)).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
      expect(message).toMatchObject({ result: 'error', status: 500, error: failure });
      expect(message.errorCode).toBeUndefined();
    } finally {
      recorder.stop();
    }
  });
});

describe('the id-token channel bounds the alg it reports', () => {
  const algOf = async (idToken: string): Promise<unknown> => {
    const recorder = recordChannels();
    try {
      await observeIdToken(
        idToken,
        () => ({ appId: 'app-1', serverAddress: 'https://a.genauth.ai', verified: true }),
        () => Promise.resolve('checked'),
      );
      const end = recorder.of('idToken').find((event) => event.event === 'asyncEnd');
      return end?.message.alg;
    } finally {
      recorder.stop();
    }
  };

  it('HS256 and RS256 as they are, any other alg as other, and a token that is not a JWT as other', async () => {
    expect(await algOf(tokenWithAlg('RS256'))).toBe('RS256');
    expect(await algOf(tokenWithAlg('HS256'))).toBe('HS256');
    expect(await algOf(tokenWithAlg('ES256'))).toBe('other');
    expect(await algOf('not-a-jwt')).toBe('other');
  });
});
