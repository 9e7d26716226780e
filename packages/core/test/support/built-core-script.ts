/**
 * The program a child process runs against a built core (`CORE_ENTRY`): optionally registers an
 * OpenTelemetry SDK (`SDK_DIR`: sdk-trace-base, required as CommonJS like most apps load it), subscribes to the channels (`SUBSCRIBE`: `record` or
 * `throw`), signs in twice with a WeChat-like strategy against the emulator (`APP_HOST`, `CODE`, then
 * a locked user), and prints one JSON line: the telemetry status, each outcome, the events seen, the
 * spans recorded and the exceptions subscribers threw.
 */
export const BUILT_CORE_SCRIPT = String.raw`
const core = await import(process.env.CORE_ENTRY);
const { channels, configureTelemetry, defineStrategy, authorizationCodeProvider } = core;
const result = { events: [], uncaught: [], outcomes: [], spans: [] };
if (process.env.SUBSCRIBE === 'throw') process.on('uncaughtException', (error) => result.uncaught.push(error.message));

let exporter;
if (process.env.SDK_DIR) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const sdk = require(process.env.SDK_DIR);
  const api = require('@opentelemetry/api');
  exporter = new sdk.InMemorySpanExporter();
  api.trace.setGlobalTracerProvider(new sdk.BasicTracerProvider({ spanProcessors: [new sdk.SimpleSpanProcessor(exporter)] }));
}
result.telemetry = (await configureTelemetry()).openTelemetry;

if (process.env.SUBSCRIBE) {
  for (const name of ['authenticate', 'exchange', 'idToken']) {
    for (const event of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
      channels[name][event].subscribe((message) => {
        result.events.push(name + ':' + event);
        if (process.env.SUBSCRIBE === 'throw') throw new Error('subscriber ' + name + ':' + event + ' threw');
      });
    }
  }
}

class WechatStrategy extends defineStrategy(authorizationCodeProvider({ connection: 'wechat', payloadKey: 'wechatPayload' })) {}
const strategy = new WechatStrategy(
  { appHost: process.env.APP_HOST, appId: 'demo-app', appSecret: 'demo-secret', tokenEndpointAuthMethod: 'client_secret_basic', extIdpConnidentifier: 'wechat' },
  async (_tokens, profile) => ({ id: profile.id }),
);
for (const code of [process.env.CODE, 'locked-user-1']) {
  const outcome = await strategy.login({ headers: { 'content-type': 'application/json' }, body: { code } });
  result.outcomes.push({ type: outcome.type, status: outcome.status, code: outcome.challenge?.code, apiCode: outcome.challenge?.apiCode, user: outcome.user?.id ?? null });
}
await new Promise((resolve) => setTimeout(resolve, 20));
await strategy.client.close();
if (exporter) result.spans = exporter.getFinishedSpans().map((span) => span.name);
process.stdout.write(JSON.stringify(result) + '\n');
`;
