import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { GenAuthClient, channels, configureTelemetry } from '../src';
import { authenticateMessage } from '../src/diagnostics/observe-authenticate';
import { oidcExchange, signInExchange } from '../src/diagnostics/observe-exchange';
import { idTokenStart } from '../src/diagnostics/observe-id-token';
import { observedApp } from './support/observed-app';

// Every message is built by one of these: count their calls, keep their behaviour.
jest.mock('../src/diagnostics/observe-authenticate', () => {
  const actual = jest.requireActual('../src/diagnostics/observe-authenticate');
  return { ...actual, authenticateMessage: jest.fn(actual.authenticateMessage) };
});
jest.mock('../src/diagnostics/observe-exchange', () => {
  const actual = jest.requireActual('../src/diagnostics/observe-exchange');
  return { ...actual, signInExchange: jest.fn(actual.signInExchange), oidcExchange: jest.fn(actual.oidcExchange) };
});
jest.mock('../src/diagnostics/observe-id-token', () => {
  const actual = jest.requireActual('../src/diagnostics/observe-id-token');
  return { ...actual, idTokenStart: jest.fn(actual.idTokenStart) };
});

const builders = [authenticateMessage, signInExchange, oidcExchange, idTokenStart] as unknown as jest.Mock[];
const built = () => builders.map((builder) => builder.mock.calls.length);

describe('diagnostics build nothing while nobody listens', () => {
  let emulator: Emulator;
  let client: GenAuthClient;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
    // @opentelemetry/api is installed here (a dev dependency) but no SDK is registered: that is "nobody" too.
    expect(await configureTelemetry()).toEqual({ openTelemetry: 'enabled' });
  });
  beforeEach(() => builders.forEach((builder) => builder.mockClear()));
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  /** A login, a failed login, a bearer check, a refresh and a revocation. */
  async function everything(): Promise<void> {
    const app = observedApp(client);
    const login = await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'ann' }));
    expect(login.status).toBe(200);
    expect((await request(app).post('/auth/wechat').send({ code: 'locked-user-1' })).status).toBe(401);
    expect(
      (
        await request(app)
          .get('/api/me')
          .set('authorization', `Bearer ${login.body.tokens.accessToken as string}`)
      ).status,
    ).toBe(200);
    await client.refresh(login.body.tokens.refreshToken as string);
    await client.revoke(login.body.tokens.refreshToken as string);
  }

  it('with no subscriber and no OpenTelemetry SDK, no message is built for any login, bearer check, exchange or id_token', async () => {
    await everything();
    expect(built()).toEqual([0, 0, 0, 0]);
  });

  it("a subscriber to one channel builds that channel's messages only, one per operation", async () => {
    const onEnd = () => undefined;
    channels.authenticate.asyncEnd.subscribe(onEnd);
    try {
      await everything();
    } finally {
      channels.authenticate.asyncEnd.unsubscribe(onEnd);
    }
    // Two logins and one bearer check; no exchange or id_token message.
    expect(built()).toEqual([3, 0, 0, 0]);
  });

  it('a subscriber to the error event alone counts (Node 20.11 and 20.12 have no combined hasSubscribers)', async () => {
    const onError = () => undefined;
    channels.exchange.error.subscribe(onError);
    try {
      await everything();
    } finally {
      channels.exchange.error.unsubscribe(onError);
    }
    // Two sign-ins (one refused) and the refresh and revocation.
    expect(built()).toEqual([0, 2, 2, 0]);
  });

  it('configureTelemetry({ openTelemetry: false }) keeps even an installed SDK from being used', async () => {
    const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    expect(await configureTelemetry({ openTelemetry: false, tracerProvider: provider })).toEqual({ openTelemetry: 'disabled' });
    try {
      await everything();
      expect(built()).toEqual([0, 0, 0, 0]);
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      await configureTelemetry();
    }
  });
});
