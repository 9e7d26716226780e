// Decomposition step: the floor's exchange behind Express 5 + express.json() (no passport), to
// separate the framework's cost from ours.
import { createServer } from 'node:http';
import express from 'express';
import { LOGIN_PATH, listen, startAgent } from './backend-common.mjs';
import { exchangeCode } from './floor-exchange.mjs';

const agent = startAgent();
const app = express();
app.post(LOGIN_PATH, express.json(), async (req, res, next) => {
  try {
    const envelope = await exchangeCode(req.body?.code);
    if (envelope.statusCode !== 200) {
      res.status(401).json({ message: envelope.message });
      return;
    }
    agent.loggedIn();
    res.json({ tokens: envelope.data });
  } catch (error) {
    next(error);
  }
});
listen(createServer(app));
