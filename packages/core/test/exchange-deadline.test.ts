import { getEventListeners } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GenAuthClient, HttpError } from '@passport-genauth/core';
import { APP, type MockGenAuth } from '@passport-genauth/testing';
import { codeSignIn, startMock } from './support/providers';
import { rejectionOf } from './support/failures';

describe('the deadline of an exchange covers the whole answer', () => {
  let server: Server;
  let client: GenAuthClient;
  let respond: (res: ServerResponse) => void;

  beforeEach(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => respond(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new GenAuthClient({ appHost: `http://127.0.0.1:${port}`, appId: APP.appId, timeoutMs: 200 });
  });

  afterEach(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Headers and the start of a body, then nothing: only a deadline that covers the body ends the exchange. */
  const stallMidBody = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2000' });
    res.write('{"statusCode":200,"data":{');
  };

  it("ends an answer whose body stops halfway with HttpError reason 'timeout', status 504", async () => {
    respond = stallMidBody;
    const error = await rejectionOf(client.signInByMobile(codeSignIn()));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'timeout', status: 504, message: 'GenAuth did not answer within 200 ms' });
  });

  it("reports the caller's abort while the body is read as reason 'aborted' (499), not as a timeout", async () => {
    respond = stallMidBody;
    const controller = new AbortController();
    const pending = rejectionOf(client.signInByMobile(codeSignIn('c', { signal: controller.signal })));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'aborted', status: 499 });
  });
});

describe("an exchange lets go of the caller's signal", () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  it('leaves no abort listener on a signal used for a successful sign-in', async () => {
    await mock.succeed();
    const { signal } = new AbortController();
    await client.signInByMobile(codeSignIn('c', { signal }));
    expect(mock.requests).toHaveLength(1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('leaves no abort listener on a signal used for a failed sign-in', async () => {
    mock.onSignIn(() => ({ status: 503, body: 'busy' }));
    const { signal } = new AbortController();
    const error = await rejectionOf(client.signInByMobile(codeSignIn('c', { signal })));
    expect(error).toMatchObject({ status: 503 });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
