// Decomposition step: the floor's exchange inside a minimal passport-strategy Strategy behind
// Express 5 + passport.authenticate({ session: false }): passport's own per-request cost.
import { createServer } from 'node:http';
import express from 'express';
import passport from 'passport';
import { Strategy } from 'passport-strategy';
import { LOGIN_PATH, listen, startAgent } from './backend-common.mjs';
import { exchangeCode } from './floor-exchange.mjs';

class FloorStrategy extends Strategy {
  name = 'floor';
  authenticate(req) {
    exchangeCode(req.body?.code).then(
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
