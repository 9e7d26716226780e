import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app';
import { startMetrics, type BackendMetrics } from '../src/metrics';
import { startTracing } from '../src/tracing';
import { startGenAuth, type TestGenAuth } from './support/genauth';

// Counts how often the OpenTelemetry Node SDK is loaded (the real one is used).
let mockSdkLoads = 0;
jest.mock('@opentelemetry/sdk-node', () => {
  mockSdkLoads += 1;
  return jest.requireActual('@opentelemetry/sdk-node');
});

const root = join(__dirname, '../../..');

/** Resolves once `ready()` holds (polled); rejects after 20 s with what `context()` says. */
async function until(ready: () => boolean, context: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An OTLP/HTTP JSON receiver on loopback: keeps every body posted to /v1/traces, /v1/metrics, /v1/logs. */
async function startCollector(): Promise<{ url: string; bodies: Map<string, unknown[]>; close(): Promise<void> }> {
  const bodies = new Map<string, unknown[]>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const list = bodies.get(req.url ?? '') ?? [];
      list.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      bodies.set(req.url ?? '', list);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface OtlpSpan {
  readonly name: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

describe('the reference backend, observed', () => {
  let genauth: TestGenAuth;
  let metrics: BackendMetrics;

  beforeAll(async () => {
    genauth = await startGenAuth();
    metrics = startMetrics();
  });
  afterAll(async () => {
    metrics.close();
    await genauth.close();
  });

  it('GET /metrics answers the Prometheus text of its logins: per connection and result, with apiCodes', async () => {
    const app = createApp({ client: genauth.client, metrics: metrics.registry });
    expect(
      (
        await request(app)
          .post('/auth/wechat')
          .send(genauth.emulator.mintCredential('wechat', { user: 'ann' }))
      ).status,
    ).toBe(200);
    expect(
      (
        await request(app)
          .post('/auth/apple')
          .send(genauth.emulator.mintCredential('apple', { user: 'ann' }))
      ).status,
    ).toBe(200);
    expect((await request(app).post('/auth/wechat').send({ code: 'locked-user-1' })).status).toBe(401);

    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = res.text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1',
        'passport_genauth_authenticate_duration_seconds_count{connection="apple",result="success",error_code="none"} 1',
        'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="fail",error_code="GENAUTH_SIGNIN_REJECTED"} 1',
        'passport_genauth_exchange_rejections_total{connection="wechat",operation="sign-in",api_code="2005",status_code="403"} 1',
        'passport_genauth_jwks_fetches_total{result="success"} 1',
      ]),
    );
    expect(res.text).toContain('# TYPE passport_genauth_authenticate_duration_seconds histogram');
  });

  it('an app without a registry has no /metrics route', async () => {
    expect((await request(createApp({ client: genauth.client })).get('/metrics')).status).toBe(404);
  });

  it('without OTEL_EXPORTER_OTLP_ENDPOINT, tracing is off and the OpenTelemetry SDK is never loaded', async () => {
    await expect(startTracing({})).resolves.toBeUndefined();
    expect(mockSdkLoads).toBe(0);
  });

  it('server.ts with OTEL_EXPORTER_OTLP_ENDPOINT exports each login as a span tree (undici POST under genauth.exchange), serves /metrics, and NODE_DEBUG prints the login', async () => {
    const collector = await startCollector();
    const server = spawn(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.json', 'examples/express/src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_LOGS_EXPORTER: 'none',
        NODE_DEBUG: 'passport-genauth',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    try {
      await until(
        () => /listening on (http:\/\/[\d.:]+)/.test(output),
        () => output,
      );
      const appUrl = /listening on (http:\/\/[\d.:]+)/.exec(output)![1]!;
      const emulatorUrl = /emulator at (http:\/\/[\d.:]+)/.exec(output)![1]!;
      expect(output).toContain(`Tracing: OTLP to ${collector.url}`);
      const minted = await fetch(`${emulatorUrl}/__emulator/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ connection: 'wechat', user: 'ann' }),
      });
      const login = await fetch(`${appUrl}/auth/wechat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client-app': 'ios' },
        body: await minted.text(),
      });
      expect(login.status).toBe(200);
      const text = await (await fetch(`${appUrl}/metrics`)).text();
      expect(text).toContain('passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1');
      await until(
        () => /PASSPORT-GENAUTH \d+: login genauth-wechat app=ios result=success status=200 \d+ms/.test(output),
        () => output,
      );
      server.kill('SIGTERM');
      expect(await exited).toBe(0);

      const exported = (collector.bodies.get('/v1/traces') ?? []) as Array<{
        resourceSpans: Array<{ resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
      }>;
      const resourceSpans = exported.flatMap((body) => body.resourceSpans);
      const spans = resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
      const one = (name: string) => spans.find((span) => span.name === name);
      const authenticate = one('genauth.authenticate');
      const exchange = one('genauth.exchange');
      expect(exchange?.parentSpanId).toBe(authenticate?.spanId);
      expect(one('POST')?.parentSpanId).toBe(exchange?.spanId);
      expect(one('genauth.id_token.verify')?.parentSpanId).toBe(authenticate?.spanId);
      expect(authenticate?.attributes).toEqual(
        expect.arrayContaining([
          { key: 'genauth.strategy', value: { stringValue: 'genauth-wechat' } },
          { key: 'genauth.app', value: { stringValue: 'ios' } },
          { key: 'genauth.app_id', value: { stringValue: 'ios-app' } },
          { key: 'genauth.result', value: { stringValue: 'success' } },
        ]),
      );
      expect(resourceSpans[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'passport-genauth-example' } });
      // The SDK exports passport-genauth's OpenTelemetry metrics too.
      expect(JSON.stringify(collector.bodies.get('/v1/metrics') ?? [])).toContain('genauth.authenticate.duration');
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      await collector.close();
    }
  }, 40_000);
});
