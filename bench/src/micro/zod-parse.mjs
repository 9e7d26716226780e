// Micro-benchmark behind PROFILE.md F4: what core's response processing (zod envelope and token
// schemas, camelCase mapping) and the WeChat credential schema cost per login in a hot loop.
// Run: node bench/src/micro/zod-parse.mjs (after `pnpm build`)
import { processSignInResponse } from '@passport-genauth/core';
import { wechat } from '@passport-genauth/wechat';

const envelope = {
  statusCode: 200,
  message: '',
  requestId: 'abc',
  data: { access_token: 'a'.repeat(600), id_token: 'b'.repeat(700), scope: 'openid profile', token_type: 'Bearer', expire_in: 1209600, expires_in: 1209600 },
};
const text = JSON.stringify(envelope);
const N = 200_000;

function bench(name, fn) {
  for (let i = 0; i < 20_000; i += 1) fn();
  const cpu = process.cpuUsage();
  for (let i = 0; i < N; i += 1) fn();
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(36)} ${((used.user + used.system) / N).toFixed(2).padStart(6)} µs`);
}

bench('processSignInResponse (JSON.parse + zod)', () => processSignInResponse({ status: 200, contentType: 'application/json', text }, 0));
bench('WeChat credential schema', () => wechat.credentials.safeParse({ code: 'bench_abcdefgh_12345' }));
bench('JSON.parse of the 1.5 KB envelope', () => JSON.parse(text));
