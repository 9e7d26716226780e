import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { subjectFor } from '@passport-genauth/emulator';
import { createApp } from '../src/app';
import { json, startGenAuth, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let server: ServerType;
let base: string;

beforeAll(async () => {
  genauth = await startGenAuth();
  const app = createApp({ client: genauth.client });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await genauth.close();
});

describe('the Hono app behind @hono/node-server, over real HTTP', () => {
  it('signs in with a JSON body read from the socket', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'ivan' });
    const response = await fetch(`${base}/auth/wechat`, json(credential));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ user: { id: subjectFor('wechat', 'ivan') }, tokens: { accessToken: expect.any(String) } });
  });

  it('answers 413 for a chunked body over the cap without waiting for all of it', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const before = genauth.emulator.stats().received;
    const response = await fetch(`${base}/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(genauth.emulator.stats().received).toBe(before);
    // The connection still receiving that body is closed, not handed to the next request.
    const next = await fetch(`${base}/auth/wechat`, json(genauth.emulator.mintCredential('wechat', { user: 'judy' })));
    expect(next.status).toBe(200);
    await next.arrayBuffer();
  });

  it('answers 413 for a body whose Content-Length is over the cap', async () => {
    const before = genauth.emulator.stats().received;
    const response = await fetch(`${base}/auth/wechat`, json({ code: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(genauth.emulator.stats().received).toBe(before);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await fetch(`${base}/auth/apple`, json('{"code": '));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
  });
});
