// The least a backend must do to sign in through GenAuth: one undici POST of the same request our
// client sends (headers, body, a keep-alive Agent of the same size) and one JSON.parse of the answer.
// Optionally the one thing it skips and we must do: check the id_token's RS256 signature
// (node:crypto, synchronous, key cached by kid; no claim checks).
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { Agent, request } from 'undici';
import { APP, emulatorUrl } from './backend-common.mjs';

const base = emulatorUrl();
const endpoint = `${base}/api/v3/signin-by-mobile`;
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 256 });
const headers = {
  'content-type': 'application/json',
  'x-authing-app-id': APP.appId,
  authorization: `Basic ${Buffer.from(`${APP.appId}:${APP.appSecret}`).toString('base64')}`,
};
const keys = new Map();

/** POSTs the code to signin-by-mobile and returns GenAuth's parsed envelope. */
export async function exchangeCode(code) {
  const upstream = await request(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ connection: 'wechat', extIdpConnidentifier: APP.extIdpConnidentifier, wechatPayload: { code } }),
    dispatcher,
  });
  return JSON.parse(await upstream.body.text());
}

async function keyFor(kid) {
  if (!keys.has(kid)) {
    const { body } = await request(`${base}/oidc/.well-known/jwks.json`, { dispatcher });
    for (const jwk of (await body.json()).keys) keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
  }
  return keys.get(kid);
}

/** Checks the RS256 signature only and returns the claims. */
export async function checkIdTokenSignature(idToken) {
  const [header, payload, signature] = idToken.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
  const ok = verifySignature('RSA-SHA256', Buffer.from(`${header}.${payload}`), await keyFor(kid), Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('bad id_token signature');
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}
