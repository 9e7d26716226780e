// API decomposition step: our GenAuthClient.verifyAccessToken alone, in the bare node:http handler
// (the checks genauth-bearer makes, without Express, passport or the strategy).
import { createServer } from 'node:http';
import { GenAuthClient } from '@passport-genauth/core';
import { APP, emulatorUrl, listen, startAgent } from './backend-common.mjs';
import { API_PATH } from './api-common.mjs';

const genauth = new GenAuthClient({ appHost: emulatorUrl(), appId: APP.appId, appSecret: APP.appSecret, tokenEndpointAuthMethod: APP.tokenEndpointAuthMethod });
const agent = startAgent();

const server = createServer((req, res) => {
  const header = req.headers.authorization ?? '';
  if (req.method !== 'GET' || req.url !== API_PATH || !header.startsWith('Bearer ')) {
    res.writeHead(401).end();
    return;
  }
  genauth.verifyAccessToken(header.slice(7)).then(
    (claims) => {
      agent.loggedIn();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { id: claims.sub } }));
    },
    (error) => res.writeHead(error?.status ?? 401).end(),
  );
});
listen(server);
