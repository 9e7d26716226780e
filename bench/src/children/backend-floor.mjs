// Backend (c), the floor: a bare node:http handler, one undici POST and one JSON.parse of the answer;
// no framework, no validation. BENCH_FLOOR_VERIFY=1 adds a synchronous RS256 signature check (c+v).
import { createServer } from 'node:http';
import { LOGIN_PATH, listen, startAgent, readBody } from './backend-common.mjs';
import { checkIdTokenSignature, exchangeCode } from './floor-exchange.mjs';

const verifyIdToken = process.env.BENCH_FLOOR_VERIFY === '1';
const agent = startAgent();

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'POST' || req.url !== LOGIN_PATH) {
      res.writeHead(404).end();
      return;
    }
    const { code } = JSON.parse(await readBody(req));
    const envelope = await exchangeCode(code);
    if (envelope.statusCode !== 200) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: envelope.message }));
      return;
    }
    const user = verifyIdToken ? { id: (await checkIdTokenSignature(envelope.data.id_token)).sub } : undefined;
    agent.loggedIn();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user, tokens: envelope.data }));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
listen(server);
