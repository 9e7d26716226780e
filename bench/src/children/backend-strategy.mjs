// Backend (a): our WechatStrategy with a shared GenAuthClient (id_token verification on) behind
// Express 5 + passport, exactly as DESIGN.md §1 shows. BENCH_CORE_BUNDLE swaps the built packages for
// a scratch bundle of core (+ wechat) with proposed patches applied.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';
import passport from 'passport';
import { APP, LOGIN_PATH, emulatorUrl, listen, startAgent } from './backend-common.mjs';

async function loadImplementation() {
  const bundle = process.env.BENCH_CORE_BUNDLE;
  if (bundle) return import(pathToFileURL(bundle).href);
  const [core, wechat] = await Promise.all([import('@passport-genauth/core'), import('@passport-genauth/wechat')]);
  return { GenAuthClient: core.GenAuthClient, WechatStrategy: wechat.WechatStrategy };
}

const { GenAuthClient, WechatStrategy } = await loadImplementation();
const idToken = {
  verify: process.env.BENCH_VERIFY_ID_TOKEN !== '0',
  ...(process.env.BENCH_JWKS_COOLDOWN_MS ? { jwksCooldownMs: Number(process.env.BENCH_JWKS_COOLDOWN_MS) } : {}),
};
const genauth = new GenAuthClient({
  appHost: emulatorUrl(),
  appId: APP.appId,
  appSecret: APP.appSecret,
  tokenEndpointAuthMethod: APP.tokenEndpointAuthMethod,
  idToken,
});
const agent = startAgent();

passport.use(
  new WechatStrategy({ client: genauth, extIdpConnidentifier: APP.extIdpConnidentifier }, async (_tokens, profile) => ({
    id: profile.id,
    displayName: profile.displayName,
  })),
);

const app = express();
app.post(LOGIN_PATH, express.json(), passport.authenticate('genauth-wechat', { session: false }), (req, res) => {
  agent.loggedIn();
  res.json({ user: req.user, tokens: req.authInfo });
});
listen(createServer(app));
