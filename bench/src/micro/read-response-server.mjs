// The answering side of read-response.ts: a GenAuth-sized sign-in answer for every request.
import { createServer } from 'node:http';

const body = JSON.stringify({
  statusCode: 200,
  message: '',
  requestId: 'r-1',
  data: { access_token: 'a'.repeat(700), id_token: 'b'.repeat(800), expires_in: 7200, token_type: 'Bearer', scope: 'openid profile' },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
