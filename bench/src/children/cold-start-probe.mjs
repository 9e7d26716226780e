// One cold start, in a fresh process: from the process's start to its first completed login against
// the emulator (running in another process). Ours: import core + one provider (the built dist),
// construct a client and a WechatStrategy, one `strategy.login(req)` with the id_token verified. The
// SDK: require authing-node-sdk, construct, one signInByMobile. Prints one JSON line: the phases in
// wall-clock ms (performance.now() counts from the process's time origin, Node's own start-up
// included) and in CPU ms (process.cpuUsage(), every thread).
//
// BENCH_COLD_PACKAGES: a folder holding @passport-genauth/{core,wechat} to load instead of the
// workspace's (the profile command's before/after builds).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const started = { wall: performance.now(), cpu: cpuMs() };
const require = createRequire(import.meta.url);
const emulator = process.env.BENCH_EMULATOR_URL;
const target = process.argv[2];
const code = `cold_${process.pid.toString(36)}_${Date.now().toString(36)}`;
const APP = { appId: 'demo-app', appSecret: 'demo-secret', tokenEndpointAuthMethod: 'client_secret_basic' };
const marks = [];
const mark = (name) => marks.push({ name, wall: performance.now(), cpu: cpuMs() });

function ourPackage(name, format) {
  const dir = process.env.BENCH_COLD_PACKAGES;
  if (!dir) return `@passport-genauth/${name}`;
  const file = join(dir, '@passport-genauth', name, 'dist', format === 'esm' ? 'index.js' : 'index.cjs');
  return format === 'esm' ? pathToFileURL(file).href : file;
}

async function ours(format) {
  const load = (name) => (format === 'esm' ? import(ourPackage(name, 'esm')) : require(ourPackage(name, 'cjs')));
  const core = await load('core');
  const { WechatStrategy } = await load('wechat');
  mark('load');
  const client = new core.GenAuthClient({ appHost: emulator, ...APP });
  const strategy = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, (_tokens, profile) => ({ id: profile.id }));
  mark('construct');
  const outcome = await strategy.login({ headers: { 'content-type': 'application/json' }, body: { code } });
  if (outcome.type !== 'success') throw new Error(`first login: ${outcome.type}`);
  if (typeof outcome.user.id !== 'string') throw new Error('first login: no user id');
  mark('login');
}

async function sdk() {
  const { AuthenticationClient } = require('authing-node-sdk');
  mark('load');
  const client = new AuthenticationClient({
    appHost: emulator,
    appId: APP.appId,
    appSecret: APP.appSecret,
    tokenEndPointAuthMethod: APP.tokenEndpointAuthMethod,
  });
  mark('construct');
  const result = await client.signInByMobile({ connection: 'wechat', extIdpConnidentifier: 'wechat', wechatPayload: { code } });
  if (result.statusCode !== 200 || typeof result.data?.id_token !== 'string') throw new Error(`first login: ${result.statusCode} ${result.message}`);
  mark('login');
}

const runs = { 'ours-esm': () => ours('esm'), 'ours-cjs': () => ours('cjs'), 'sdk-cjs': sdk };
if (!runs[target]) throw new Error(`unknown target ${target}`);
if (!emulator) throw new Error('BENCH_EMULATOR_URL is not set');
await runs[target]();
const phases = {};
let previous = started;
for (const m of marks) {
  phases[m.name] = { wall: m.wall - previous.wall, cpu: m.cpu - previous.cpu };
  previous = m;
}
const end = marks.at(-1);
process.stdout.write(
  `${JSON.stringify({ target, firstLoginMs: end.wall, firstLoginCpuMs: end.cpu, bootMs: started.wall, bootCpuMs: started.cpu, phases, cjsModules: Object.keys(require.cache).length })}\n`,
);
// The pools would keep the process alive; the measurement is over.
process.exit(0);
