import express from 'express';
import passport from 'passport';
import { GenAuthClient } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';

const genauth = new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: 'my-app-id', appSecret: process.env.GENAUTH_APP_SECRET! });
passport.use(new WechatStrategy({ client: genauth, extIdpConnidentifier: 'wechat-mobile' },
  async (tokens, profile) => ({ id: profile.id, name: profile.displayName })));

express()
  .post('/auth/wechat', express.json(), passport.authenticate('genauth-wechat', { session: false }),
    (req, res) => res.json({ user: req.user, tokens: req.authInfo }))
  .listen(3000);
