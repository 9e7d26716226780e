// Backend (d): our WechatStrategy with a shared GenAuthClient (id_token verified), run as
// `strategy.login(req)` from the floor's bare node:http handler: our client + strategy without
// Express or passport, the same work as (a) minus the framework.
import { createServer } from 'node:http';
import { GenAuthClient } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { APP, LOGIN_PATH, emulatorUrl, listen, readBody, startAgent } from './backend-common.mjs';

const genauth = new GenAuthClient({
  appHost: emulatorUrl(),
  appId: APP.appId,
  appSecret: APP.appSecret,
  tokenEndpointAuthMethod: APP.tokenEndpointAuthMethod,
});
const strategy = new WechatStrategy({ client: genauth, extIdpConnidentifier: APP.extIdpConnidentifier }, async (_tokens, profile) => ({
  id: profile.id,
  displayName: profile.displayName,
}));
const agent = startAgent();
let errorsShown = 0;

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'POST' || req.url !== LOGIN_PATH) {
      res.writeHead(404).end();
      return;
    }
    req.body = JSON.parse(await readBody(req));
    const outcome = await strategy.login(req);
    if (outcome.type !== 'success') {
      if (errorsShown++ < 3) console.error(`[strategy-bare] ${outcome.type} ${outcome.error?.message ?? outcome.challenge?.message ?? ''}`);
      res.writeHead(outcome.type === 'fail' ? (outcome.status ?? 401) : 500).end();
      return;
    }
    agent.loggedIn();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: outcome.user, tokens: outcome.info }));
  } catch (error) {
    res.writeHead(500).end(String(error?.message ?? error));
  }
});
listen(server);
