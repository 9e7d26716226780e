// Decomposition step: our GenAuthClient.signInByMobile (id_token verification on) called straight
// from the floor's bare node:http handler: the cost of our client alone, without Express or passport.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { APP, emulatorUrl, listen, startAgent, readBody } from './backend-common.mjs';

const { GenAuthClient } = process.env.BENCH_CORE_BUNDLE
  ? await import(pathToFileURL(process.env.BENCH_CORE_BUNDLE).href)
  : await import('@passport-genauth/core');
const genauth = new GenAuthClient({
  appHost: emulatorUrl(),
  appId: APP.appId,
  appSecret: APP.appSecret,
  tokenEndpointAuthMethod: APP.tokenEndpointAuthMethod,
});
const agent = startAgent();
let errorsShown = 0;

const server = createServer(async (req, res) => {
  try {
    const { code } = JSON.parse(await readBody(req));
    const { tokens, profile } = await genauth.signInByMobile({
      connection: 'wechat',
      extIdpConnidentifier: APP.extIdpConnidentifier,
      payloadKey: 'wechatPayload',
      payload: { code },
    });
    agent.loggedIn();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { id: profile.id }, tokens }));
  } catch (error) {
    if (errorsShown++ < 3) console.error(`[client backend] ${error?.code ?? ''} ${error?.message ?? error}`);
    res.writeHead(error?.status ?? 500).end(String(error?.message ?? error));
  }
});
listen(server);
