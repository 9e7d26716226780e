// Backend (b): the same Express route calling the official GenAuth (Authing) Node SDK's
// signInByMobile, configured as its README shows. The SDK does not verify the id_token in
// signInByMobile; BENCH_SDK_VERIFY=1 adds its own parseIDToken (which fetches the JWKS on every call).
import { createServer } from 'node:http';
import express from 'express';
import authing from 'authing-node-sdk';
import { APP, LOGIN_PATH, emulatorUrl, listen, startAgent } from './backend-common.mjs';

const { AuthenticationClient } = authing;
const verifyIdToken = process.env.BENCH_SDK_VERIFY === '1';
const client = new AuthenticationClient({
  appId: APP.appId,
  appSecret: APP.appSecret,
  appHost: emulatorUrl(),
  tokenEndPointAuthMethod: APP.tokenEndpointAuthMethod,
});
const agent = startAgent();

const app = express();
app.post(LOGIN_PATH, express.json(), async (req, res, next) => {
  try {
    const result = await client.signInByMobile({
      connection: 'wechat',
      extIdpConnidentifier: APP.extIdpConnidentifier,
      wechatPayload: { code: req.body?.code },
    });
    if (result.statusCode !== 200) {
      res.status(401).json({ message: result.message, apiCode: result.apiCode, requestId: result.requestId });
      return;
    }
    const user = verifyIdToken ? { id: (await client.parseIDToken(result.data.id_token)).sub } : undefined;
    agent.loggedIn();
    res.json({ user, tokens: result.data });
  } catch (error) {
    next(error);
  }
});
listen(createServer(app));
