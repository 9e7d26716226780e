// Micro-benchmark behind PROFILE.md F1/F2: CPU per RS256 id_token check, one at a time
// (process.cpuUsage counts every thread, so the libuv pool's share of async crypto is included).
// Run: node bench/src/micro/rs256-verify.mjs
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
const segment = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const input = `${segment({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${segment({ iss: 'x', aud: 'a', sub: 's', iat: now, exp: now + 1000 })}`;
const token = `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
const keySet = createLocalJWKSet({ keys: [jwk] });
const key = createPublicKey({ key: jwk, format: 'jwk' });
const signature = Buffer.from(token.split('.')[2], 'base64url');
const checks = { issuer: 'x', audience: 'a', algorithms: ['RS256'] };
const N = 3000;

async function bench(name, fn) {
  for (let i = 0; i < 300; i += 1) await fn();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < N; i += 1) await fn();
  const used = process.cpuUsage(cpu);
  console.log(
    `${name.padEnd(44)} ${((used.user + used.system) / N).toFixed(1).padStart(6)} µs CPU  ${(((performance.now() - start) * 1000) / N).toFixed(1).padStart(6)} µs wall`,
  );
}

await bench('node:crypto verify, synchronous', () => verify('RSA-SHA256', Buffer.from(input), key, signature));
await bench(
  'node:crypto verify, callback (libuv pool)',
  () => new Promise((resolve, reject) => verify('RSA-SHA256', Buffer.from(input), key, signature, (e, ok) => (e ? reject(e) : resolve(ok)))),
);
await bench('jose jwtVerify, KeyObject', () => jwtVerify(token, key, checks));
await bench('jose jwtVerify, createLocalJWKSet getter', () => jwtVerify(token, keySet, checks));
