// Micro-benchmark for issue 14: what passport-genauth's diagnostics cost per login, unobserved and observed.
// A login is `strategy.login(req)`: with a stub client (extraction, verify: the authenticate wrapper alone), and
// with a GenAuthClient over undici's MockAgent (the exchange, the HS256 id_token check, the authenticate).
// Configurations run interleaved, rounds × 20 000 logins each; the median CPU time of the rounds is printed.
// Run from the repo root (imports the TypeScript sources; esbuild-register, unlike tsx, adds no keepNames
// wrapper to every closure, which would make the observed paths look slower than the tsup build is):
//   node -r esbuild-register -e "require('./bench/src/micro/diagnostics-overhead.ts')"
import { createHmac } from 'node:crypto';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { MockAgent } from 'undici';
import { Registry } from '../../../packages/prometheus/node_modules/prom-client';
import {
  GenAuthClient,
  authorizationCodeProvider,
  channels,
  configureTelemetry,
  defineStrategy,
  type GenAuthSignIn,
  type GenAuthStrategy,
} from '../../../packages/core/src/index';
import { isObserved } from '../../../packages/core/src/diagnostics/channels';
import { activeOtel } from '../../../packages/core/src/diagnostics/otel';
import { createPrometheusMetrics } from '../../../packages/prometheus/src/index';

const HOST = 'https://bench.genauth.example';
const APP = { appId: 'bench-app', appSecret: 'bench-secret-0123456789' };
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const LOGINS = Number(process.env.LOGINS ?? 20_000);

function idToken(): string {
  const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment({ iss: `${HOST}/oidc`, aud: APP.appId, sub: '65f1c0b2e4d3a1f0c9b8a7d6', iat: now, exp: now + 86_400 })}`;
  return `${input}.${createHmac('sha256', APP.appSecret).update(input).digest('base64url')}`;
}

const WechatStrategy = defineStrategy(authorizationCodeProvider({ connection: 'wechat', payloadKey: 'wechatPayload', title: 'WeChat' }));
const verify = async () => ({ id: 'u' });

function httpStrategy(): GenAuthStrategy {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const body = JSON.stringify({
    statusCode: 200,
    message: '',
    requestId: 'r',
    data: { access_token: 'at', id_token: idToken(), token_type: 'Bearer', expire_in: 7200 },
  });
  agent
    .get(HOST)
    .intercept({ path: '/api/v3/signin-by-mobile', method: 'POST' })
    .reply(200, body, { headers: { 'content-type': 'application/json' } })
    .persist();
  const client = new GenAuthClient({ appHost: HOST, ...APP, tokenEndpointAuthMethod: 'client_secret_post', dispatcher: agent });
  return new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, verify);
}

function stubStrategy(): GenAuthStrategy {
  const signIn = {
    tokens: { accessToken: 'at', idToken: 'it', tokenType: 'Bearer', expiresIn: 1, expiresAt: 1 },
    claims: {},
    profile: { id: 'u' },
  } as unknown as GenAuthSignIn;
  return new WechatStrategy({ client: { signInByMobile: async () => signIn }, extIdpConnidentifier: 'wechat' }, verify);
}

/** One configuration: set up, then undone after its batch so the next one starts clean. */
interface Setup {
  readonly name: string;
  apply(): Promise<() => Promise<void> | void>;
}

const noop = () => undefined;
const SETUPS: readonly Setup[] = [
  { name: 'nobody listens (@opentelemetry/api installed, no SDK)', apply: async () => noop },
  {
    name: 'one channel subscriber (authenticate asyncEnd)',
    apply: async () => {
      const onEnd = () => undefined;
      channels.authenticate.asyncEnd.subscribe(onEnd);
      return () => void channels.authenticate.asyncEnd.unsubscribe(onEnd);
    },
  },
  {
    name: '@passport-genauth/prometheus',
    apply: async () => {
      const metrics = createPrometheusMetrics({ registry: new Registry() });
      return () => metrics.close();
    },
  },
  {
    name: 'OpenTelemetry SDK (spans made, none exported)',
    apply: async () => {
      const manager = new AsyncLocalStorageContextManager().enable();
      context.setGlobalContextManager(manager);
      trace.setGlobalTracerProvider(new BasicTracerProvider());
      return () => {
        trace.disable();
        context.disable();
      };
    },
  },
];

/** CPU time (user + system) per login in µs: less disturbed than wall time by other processes on a shared machine. */
async function batch(strategy: GenAuthStrategy, logins: number): Promise<number> {
  const req = { headers: {}, body: { code: 'bench-code' } };
  const started = process.cpuUsage();
  for (let i = 0; i < logins; i += 1) {
    const outcome = await strategy.login(req);
    if (outcome.type !== 'success') throw new Error(`login ${outcome.type}: ${JSON.stringify(outcome)}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / logins;
}

/** What an unobserved login pays: the three "does anyone listen?" checks (authenticate, exchange, id_token), in ns. */
function gateCost(): number {
  const check = () => (isObserved(channels.authenticate) || activeOtel() !== undefined) && (isObserved(channels.exchange) || isObserved(channels.idToken));
  let sink = false;
  for (let i = 0; i < 100_000; i += 1) sink = check() || sink;
  const started = process.hrtime.bigint();
  const n = 1_000_000;
  for (let i = 0; i < n; i += 1) sink = check() || sink;
  if (sink) throw new Error('someone listens');
  return Number(process.hrtime.bigint() - started) / n;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  await configureTelemetry();
  const strategies = { 'stub client': stubStrategy(), 'GenAuthClient + MockAgent': httpStrategy() } as const;
  const results = new Map<string, number[]>();
  for (const strategy of Object.values(strategies)) await batch(strategy, 2_000);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const setup of SETUPS) {
      const undo = await setup.apply();
      for (const [kind, strategy] of Object.entries(strategies)) {
        await batch(strategy, 500);
        const key = `${kind} | ${setup.name}`;
        const value = await batch(strategy, LOGINS);
        if (process.env.VERBOSE) console.log(`round ${round} ${key} ${value.toFixed(2)}`);
        results.set(key, [...(results.get(key) ?? []), value]);
      }
      await undo();
    }
  }
  console.log(`node ${process.version}, ${ROUNDS} rounds × ${LOGINS} logins, median CPU µs per login`);
  console.log(`unobserved gate per login (authenticate, exchange, id_token checks): ${gateCost().toFixed(0)} ns`);
  for (const kind of Object.keys(strategies)) {
    const base = median(results.get(`${kind} | ${SETUPS[0]!.name}`) ?? []);
    console.log(`\n${kind}`);
    for (const setup of SETUPS) {
      const value = median(results.get(`${kind} | ${setup.name}`) ?? []);
      console.log(`  ${setup.name.padEnd(56)} ${value.toFixed(2).padStart(7)} µs  (${value >= base ? '+' : ''}${(value - base).toFixed(2)})`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
