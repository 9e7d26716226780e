// API backend: the usual choice, passport-jwt with jwks-rsa's key provider behind Express 5 +
// passport, with the same checks as ours: RS256 only, iss, aud = appId (exp by jsonwebtoken).
import { createServer } from 'node:http';
import express from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import jwksRsa from 'jwks-rsa';
import { listen, startAgent } from './backend-common.mjs';
import { API_PATH, apiChecks } from './api-common.mjs';

const checks = apiChecks();
const agent = startAgent();
passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: checks.jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 }),
      issuer: checks.issuer,
      audience: checks.audience,
      algorithms: checks.algorithms,
    },
    (payload, done) => done(null, { id: payload.sub }),
  ),
);
const app = express();
app.get(API_PATH, passport.authenticate('jwt', { session: false }), (req, res) => {
  agent.loggedIn();
  res.json({ user: req.user });
});
listen(createServer(app));
