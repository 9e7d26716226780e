// Micro-benchmark behind PROFILE.md F11: what each of our per-login steps beyond the verifying floor
// costs on its own, in a hot loop (the exchange and the RSA check are left out: both do those).
// Run (from bench/): npx tsx src/micro/login-pieces.ts
import { WechatStrategy } from '@passport-genauth/wechat';
import { parseJwt } from '../../../packages/core/src/jwt';
import { checkClaims } from '../../../packages/core/src/jwt/claims';
import { buildProfile } from '../../../packages/core/src/profile';
import { processSignInResponse } from '../../../packages/core/src/sign-in-response';
import type { IdTokenClaims } from '../../../packages/core/src/types';
import { callVerify } from '../../../packages/core/src/verify';
import { captureEmulatorAnswers } from './emulator-answers';

const N = 50_000;
const { signInBody: text } = await captureEmulatorAnswers();
const response = { status: 200, contentType: 'application/json', cacheControl: '', text };
const tokens = processSignInResponse(response, 1);
const claims = parseJwt(tokens.idToken).payload as IdTokenClaims;
const strategy = new WechatStrategy(
  { client: { appId: 'demo-app', signInByMobile: () => Promise.reject(new Error('unused')) } as never, extIdpConnidentifier: 'wechat' },
  () => ({ id: 'u' }),
);
const claimRules = { issuer: claims.iss, audience: 'demo-app', clockToleranceSec: 60, requiredClaims: ['sub', 'iat', 'exp'] };

function time(name: string, fn: () => unknown): void {
  for (let i = 0; i < 5_000; i += 1) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i += 1) fn();
  const { user, system } = process.cpuUsage(start);
  console.log(`${((user + system) / N).toFixed(2).padStart(7)}  ${name}`);
}
async function timeAsync(name: string, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5_000; i += 1) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i += 1) await fn();
  const { user, system } = process.cpuUsage(start);
  console.log(`${((user + system) / N).toFixed(2).padStart(7)}  ${name}`);
}

console.log(`node ${process.version}, ${N} calls each; CPU µs per call`);
time('JSON.parse of the sign-in answer (the floor does it too)', () => JSON.parse(text));
time('processSignInResponse: JSON.parse + zod envelope and token set', () => processSignInResponse(response, 1));
time("parseJwt: the id_token's header and payload (the floor decodes both too)", () => parseJwt(tokens.idToken).payload);
time('checkClaims: iss, aud, exp, nbf, required claims', () => checkClaims(claims, claimRules));
time('buildProfile', () => buildProfile('wechat', claims, tokens.idToken));
time("the WeChat credential's zod check", () => strategy.provider.credentials.safeParse({ code: 'a-code' }));
await timeAsync('callVerify with an async verify', () => callVerify(async () => ({ id: 'u' }), [tokens, claims], 30_000));
await timeAsync('an await of a resolved promise (for scale)', () => Promise.resolve(1));
