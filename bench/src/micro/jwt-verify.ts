// Micro-benchmark for issue 11 item 1: one token check, core's synchronous verifier (packages/core/src/jwt)
// against jose 5's jwtVerify with the same checks, one at a time, RS256 through a JWKS and HS256 with the
// app secret. process.cpuUsage counts every thread, so the libuv pool's share of jose's async RSA check is in.
// Run: npx tsx bench/src/micro/jwt-verify.ts   (from the repo root; imports core's TypeScript source)
import { createHmac, createSecretKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { KeySet, parseJwt, verifyJwt, type JwtCheck } from '../../../packages/core/src/jwt/index';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const jwks = {
  keys: [
    { ...other.export({ format: 'jwk' }), kid: 'k0', alg: 'RS256', use: 'sig' },
    { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' },
  ],
};
const secret = randomBytes(32);
const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
// The shape of a GenAuth id_token for a mobile login.
const claims = {
  iss: 'https://tenant.genauth.example/oidc',
  aud: 'app-5f0c2b',
  sub: '65f1c0b2e4d3a1f0c9b8a7d6',
  iat: now,
  exp: now + 1_209_600,
  nonce: 'n-0S6_WzA2Mj',
  name: 'Li Lei',
  phone_number: '+8613800138000',
  phone_number_verified: true,
  updated_at: new Date().toISOString(),
};
const rsInput = `${segment({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${segment(claims)}`;
const rsToken = `${rsInput}.${sign('sha256', Buffer.from(rsInput), privateKey).toString('base64url')}`;
const hsInput = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(claims)}`;
const hsToken = `${hsInput}.${createHmac('sha256', secret).update(hsInput).digest('base64url')}`;

const check: JwtCheck = { algorithms: ['RS256'], issuer: claims.iss, audience: claims.aud, clockToleranceSec: 30, requiredClaims: ['sub', 'iat', 'exp'] };
const hsCheck: JwtCheck = { ...check, algorithms: ['HS256'] };
const joseOptions = { issuer: claims.iss, audience: claims.aud, clockTolerance: 30, requiredClaims: ['sub', 'iat', 'exp'], algorithms: ['RS256'] };
const joseHsOptions = { ...joseOptions, algorithms: ['HS256'] };
const keySet = KeySet.parse(jwks);
const joseKeySet = createLocalJWKSet(jwks as JSONWebKeySet);
const secretKey = createSecretKey(secret);
const signature = Buffer.from(rsToken.split('.')[2] as string, 'base64url');
const N = Number(process.env.N ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

/** One timed window of N calls; a synchronous function is called without an `await` (ours never returns a promise). */
async function window(fn: () => unknown): Promise<{ cpu: number; wall: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < N; i += 1) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / N, wall: ((performance.now() - start) * 1000) / N };
}

const cases: [string, () => unknown][] = [
  ['RS256 floor: crypto.verify alone (sync)', () => verify('sha256', Buffer.from(rsInput), publicKey, signature)],
  ['RS256 ours: parseJwt + verifyJwt(KeySet)', () => verifyJwt(parseJwt(rsToken), keySet, check)],
  ['RS256 jose: jwtVerify(createLocalJWKSet)', () => jwtVerify(rsToken, joseKeySet, joseOptions)],
  ['RS256 jose: jwtVerify(KeyObject)', () => jwtVerify(rsToken, publicKey, joseOptions)],
  ['HS256 ours: parseJwt + verifyJwt(secret KeyObject)', () => verifyJwt(parseJwt(hsToken), secretKey, hsCheck)],
  ['HS256 jose: jwtVerify(secret bytes)', () => jwtVerify(hsToken, secret, joseHsOptions)],
  ['parseJwt alone (RS256 token)', () => parseJwt(rsToken)],
];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const samples = new Map<string, { cpu: number[]; wall: number[] }>(cases.map(([name]) => [name, { cpu: [], wall: [] }]));
for (const [, fn] of cases) await window(fn); // warm-up
// Rounds interleave the cases, so a noisy neighbour hits all of them alike.
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, fn] of cases) {
    const { cpu, wall } = await window(fn);
    samples.get(name)?.cpu.push(cpu);
    samples.get(name)?.wall.push(wall);
  }
}

console.log(`node ${process.version}, ${ROUNDS} rounds of ${N} calls each, one call at a time; median (min–max) per call`);
for (const [name, { cpu, wall }] of samples) {
  const range = (v: number[]) => `${median(v).toFixed(1).padStart(6)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`;
  console.log(`${name.padEnd(52)} CPU ${range(cpu)} µs   wall ${range(wall)} µs`);
}
