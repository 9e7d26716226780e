import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { GenAuthClient, configureTelemetry } from '../src';
import { recordChannels } from './support/channel-recorder';
import { observedApp } from './support/observed-app';
import { SCENARIOS, type ScenarioContext } from './support/observed-scenarios';

// As in an app that never installed it: every import of @opentelemetry/api fails.
jest.mock('@opentelemetry/api', () => {
  throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
});

describe('the OpenTelemetry suite with @opentelemetry/api absent', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  let context: ScenarioContext;
  let recorder: ReturnType<typeof recordChannels>;

  beforeAll(async () => {
    await expect(import('@opentelemetry/api')).rejects.toThrow('Cannot find module');
    emulator = await startEmulator();
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
    await client.warmUp();
    context = { emulator, client, app: observedApp(client) };
  });
  beforeEach(() => {
    recorder = recordChannels();
  });
  afterEach(() => recorder.stop());
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  it('configureTelemetry says the API is absent, accepts every option and never throws', async () => {
    await expect(configureTelemetry()).resolves.toEqual({ openTelemetry: 'absent' });
    await expect(configureTelemetry({ recordUserId: 'hash', tracerProvider: { getTracer: () => ({}) } })).resolves.toEqual({ openTelemetry: 'absent' });
    await expect(configureTelemetry({ openTelemetry: false })).resolves.toEqual({ openTelemetry: 'disabled' });
    await configureTelemetry();
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    '%s: the app sees the same outcome, and the channels publish it',
    async (_name, scenario) => {
      const res = await scenario.run(context);
      expect(res.status).toBe(scenario.status);
      if (scenario.code) expect(res.body.code).toBe(scenario.code);
      const ends = recorder.events.filter((event) => event.event === 'asyncEnd' && event.channel !== 'idToken');
      const last = [...ends].reverse().find((event) => event.channel === 'authenticate') ?? ends.at(-1);
      expect(last?.message.result).toBe(scenario.result);
      if (scenario.code) expect(last?.message.errorCode).toBe(scenario.code);
    },
  );
});
