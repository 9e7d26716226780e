// Decomposition step: the floor's exchange inside a minimal passport-strategy Strategy behind
// Express 5 + passport.authenticate({ session: false }): passport's own per-request cost.
// BENCH_FLOOR_VERIFY=1 adds the one check the SDK skips and we must make, the id_token's RS256
// signature (floor-exchange.mjs): the least any passport strategy that verifies can cost.
import { createServer } from 'node:http';
import express from 'express';
import passport from 'passport';
import { Strategy } from 'passport-strategy';
import { LOGIN_PATH, listen, startAgent } from './backend-common.mjs';
import { checkIdTokenSignature, exchangeCode } from './floor-exchange.mjs';

const verifySignature = process.env.BENCH_FLOOR_VERIFY === '1';

async function signIn(code) {
  const envelope = await exchangeCode(code);
  if (envelope.statusCode === 200 && verifySignature) await checkIdTokenSignature(envelope.data.id_token);
  return envelope;
}

class FloorStrategy extends Strategy {
  name = 'floor';
  authenticate(req) {
    signIn(req.body?.code).then(
      (envelope) => (envelope.statusCode === 200 ? this.success({ id: 'floor' }, envelope.data) : this.fail({ message: envelope.message }, 401)),
      (error) => this.error(error),
    );
  }
}

const agent = startAgent();
passport.use(new FloorStrategy());
const app = express();
app.post(LOGIN_PATH, express.json(), passport.authenticate('floor', { session: false }), (req, res) => {
  agent.loggedIn();
  res.json({ user: req.user, tokens: req.authInfo });
});
listen(createServer(app));
