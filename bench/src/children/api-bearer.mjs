// API backend: our GenAuthBearerStrategy (`genauth-bearer`) with a shared GenAuthClient behind
// Express 5 + passport: RS256 via the JWKS, iss, aud = appId, exp/nbf/iat, sub, jti, scope.
import { createServer } from 'node:http';
import express from 'express';
import passport from 'passport';
import { GenAuthBearerStrategy, GenAuthClient } from '@passport-genauth/core';
import { APP, emulatorUrl, listen, startAgent } from './backend-common.mjs';
import { API_PATH } from './api-common.mjs';

const genauth = new GenAuthClient({ appHost: emulatorUrl(), appId: APP.appId, appSecret: APP.appSecret, tokenEndpointAuthMethod: APP.tokenEndpointAuthMethod });
const agent = startAgent();
passport.use(new GenAuthBearerStrategy({ client: genauth }, (claims) => ({ id: claims.sub })));
const app = express();
app.get(API_PATH, passport.authenticate('genauth-bearer', { session: false }), (req, res) => {
  agent.loggedIn();
  res.json({ user: req.user });
});
listen(createServer(app));
