// API floor: a bare node:http handler, the bearer token's RS256 signature checked with one
// synchronous crypto.verify (key cached by kid) and its payload parsed; no claim checks, no framework.
// BENCH_API_FRAMEWORK=1 runs the same check in a do-nothing passport strategy behind Express 5 +
// passport: what any passport-based check pays before doing anything.
import { createServer } from 'node:http';
import { listen, startAgent } from './backend-common.mjs';
import { API_PATH } from './api-common.mjs';
import { checkIdTokenSignature } from './floor-exchange.mjs';

const agent = startAgent();

function bearerOf(req) {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

async function framework() {
  const { default: express } = await import('express');
  const { default: passport } = await import('passport');
  const { Strategy } = await import('passport-strategy');
  class FloorBearer extends Strategy {
    name = 'floor-bearer';
    authenticate(req) {
      const token = bearerOf(req);
      if (!token) return this.fail(401);
      checkIdTokenSignature(token).then(
        (claims) => this.success({ id: claims.sub }),
        () => this.fail(401),
      );
    }
  }
  passport.use(new FloorBearer());
  const app = express();
  app.get(API_PATH, passport.authenticate('floor-bearer', { session: false }), (req, res) => {
    agent.loggedIn();
    res.json({ user: req.user });
  });
  return app;
}

const bare = (req, res) => {
  const token = req.method === 'GET' && req.url === API_PATH ? bearerOf(req) : undefined;
  if (!token) {
    res.writeHead(401).end();
    return;
  }
  checkIdTokenSignature(token).then(
    (claims) => {
      agent.loggedIn();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { id: claims.sub } }));
    },
    () => res.writeHead(401).end(),
  );
};

listen(createServer(process.env.BENCH_API_FRAMEWORK === '1' ? await framework() : bare));
