import { startEmulator } from '@passport-genauth/emulator';

/** The emulator's demo app, as the micro-benchmarks' clients are configured. */
export const DEMO_APP = { appId: 'demo-app', appSecret: 'demo-secret', tokenEndpointAuthMethod: 'client_secret_basic' as const };

/**
 * One real WeChat sign-in answer (an RS256 id_token) and the JWKS, captured from a briefly started
 * emulator, so a micro-benchmark can replay them without the network; `appHost` is the emulator's URL
 * (the id_token's issuer names it).
 */
export async function captureEmulatorAnswers(): Promise<{ readonly appHost: string; readonly signInBody: string; readonly jwksBody: string }> {
  const emulator = await startEmulator({ port: 0, maxLogEntries: 0 });
  try {
    const signIn = await fetch(`${emulator.url}/api/v3/signin-by-mobile`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-authing-app-id': DEMO_APP.appId,
        authorization: `Basic ${Buffer.from(`${DEMO_APP.appId}:${DEMO_APP.appSecret}`).toString('base64')}`,
      },
      body: JSON.stringify({ connection: 'wechat', extIdpConnidentifier: 'wechat', wechatPayload: { code: 'micro-1' } }),
    });
    const signInBody = await signIn.text();
    const jwksBody = await (await fetch(`${emulator.url}/oidc/.well-known/jwks.json`)).text();
    return { appHost: emulator.url, signInBody, jwksBody };
  } finally {
    await emulator.close();
  }
}
