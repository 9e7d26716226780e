import { getAuthFailure } from '@passport-genauth/core';
import { subjectFor } from '@passport-genauth/emulator';
import { WechatStrategy } from '@passport-genauth/wechat';
import { authenticate, PayloadTooLargeError, toResponse } from '../src';
import { postJson, startGenAuth, verify, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let wechat: WechatStrategy;

beforeAll(async () => {
  genauth = await startGenAuth();
  wechat = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat' }, verify);
});
beforeEach(() => genauth.emulator.reset());
afterAll(() => genauth.close());

function post(body: string | Uint8Array, headers: Record<string, string> = {}): Request {
  return new Request('http://backend.test/auth/wechat', { method: 'POST', headers, body });
}

/** An endless body in 16 kB chunks, counting what was pulled and whether it was cancelled. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulls = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(`{"code":"${'x'.repeat(16_384)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulls, cancelled: () => cancelled };
}

describe('a body that cannot be read is the same 400 as a missing credential, and GenAuth is not called', () => {
  it.each([
    ['malformed JSON', post('{"code": ', { 'content-type': 'application/json' }), 'not valid JSON'],
    ['a JSON array', post('["code"]', { 'content-type': 'application/json' }), 'the JSON body must be an object'],
    ['a JSON string', post('"code"', { 'content-type': 'application/json' }), 'the JSON body must be an object'],
    ['text/plain', post('code=abc', { 'content-type': 'text/plain' }), 'unsupported Content-Type text/plain'],
    ['multipart', post('--b\r\n', { 'content-type': 'multipart/form-data; boundary=b' }), 'unsupported Content-Type multipart/form-data'],
    ['no Content-Type', post(new Uint8Array([123, 125])), 'the body has no Content-Type; send application/json or application/x-www-form-urlencoded'],
    ['invalid UTF-8', post(new Uint8Array([123, 34, 0xff, 34, 125]), { 'content-type': 'application/json' }), 'not valid UTF-8'],
    ['a charset other than UTF-8', post('{}', { 'content-type': 'application/json; charset=latin1' }), 'unsupported charset latin1'],
  ])('answers 400 GENAUTH_INVALID_CREDENTIALS for %s', async (_what, request, why) => {
    const outcome = await authenticate(wechat, request);
    const response = await toResponse(outcome);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'GENAUTH_INVALID_CREDENTIALS',
      status: 400,
      message: expect.stringContaining(`Invalid request body: ${why}`),
    });
    expect(getAuthFailure(request)).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
    expect(genauth.emulator.stats().received).toBe(0);
  });

  it('treats an empty body as no body: the missing field is named', async () => {
    const outcome = await authenticate(wechat, post('', { 'content-type': 'application/json' }));
    expect(outcome).toMatchObject({ type: 'fail', body: { code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['code'] } });
  });

  it('reads a JSON body sent as application/*+json', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'nina' });
    const outcome = await authenticate(wechat, post(JSON.stringify(credential), { 'content-type': 'application/vnd.api+json' }));
    expect(outcome).toMatchObject({ type: 'success', user: { id: subjectFor('wechat', 'nina') } });
  });

  it('never lets __proto__ in a JSON or form body reach a prototype', async () => {
    const json = await authenticate(wechat, postJson('{"__proto__": {"code": "polluted"}}'));
    const form = await authenticate(wechat, post('__proto__=polluted', { 'content-type': 'application/x-www-form-urlencoded' }));
    for (const outcome of [json, form]) expect(outcome).toMatchObject({ type: 'fail', body: { fields: ['code'] } });
    expect(({} as Record<string, unknown>).code).toBeUndefined();
    expect(genauth.emulator.stats().received).toBe(0);
  });

  it('keeps a repeated form field as a list, which no credential accepts', async () => {
    const outcome = await authenticate(wechat, post('code=a&code=b', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(outcome).toMatchObject({ type: 'fail', body: { status: 400, fields: ['code'] } });
    expect(genauth.emulator.stats().received).toBe(0);
  });
});

describe('a body over the cap is a 413, refused without reading the rest', () => {
  it('answers 413 PAYLOAD_TOO_LARGE when Content-Length says the body is too large', async () => {
    const outcome = await authenticate(wechat, postJson({ code: 'x'.repeat(70_000) }));
    expect(outcome).toMatchObject({ type: 'error', status: 413, error: expect.any(PayloadTooLargeError) });
    const response = await toResponse(outcome);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ message: 'The request body is larger than 65536 bytes', code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(genauth.emulator.stats().received).toBe(0);
  });

  it('stops reading a streamed body without Content-Length at the cap and cancels it', async () => {
    const body = endlessBody();
    const request = new Request('http://backend.test/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    });
    const outcome = await authenticate(wechat, request, { maxBodyBytes: 32_768 });

    expect(outcome).toMatchObject({ type: 'error', status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(4);
    expect(genauth.emulator.stats().received).toBe(0);
  });

  it('reads a body of exactly maxBodyBytes', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'olga' });
    const text = JSON.stringify(credential);
    const padded = `${text.slice(0, -1)}${' '.repeat(100 - text.length)}}`;
    const outcome = await authenticate(wechat, postJson(padded), { maxBodyBytes: 100 });
    expect(outcome.type).toBe('success');
    const over = await authenticate(wechat, postJson(`${padded} `), { maxBodyBytes: 100 });
    expect(over).toMatchObject({ type: 'error', status: 413 });
  });
});

describe('a body the app already read', () => {
  it('is taken from options.body, and the Request body is left alone', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'pia' });
    const request = postJson(credential);
    const parsed: unknown = await request.json();
    const outcome = await authenticate(wechat, request, { body: parsed });
    expect(outcome).toMatchObject({ type: 'success', user: { id: subjectFor('wechat', 'pia') } });
  });

  it('is a 500 error naming options.body when it was read and not passed', async () => {
    const request = postJson({ code: 'abc' });
    await request.text();
    const outcome = await authenticate(wechat, request);
    expect(outcome).toMatchObject({ type: 'error', status: 500, error: { code: 'GENAUTH_INVALID_OPTIONS', message: expect.stringContaining('options.body') } });
    expect(outcome.type !== 'success' && outcome.body.message).not.toContain('options.body');
  });

  it('refuses a maxBodyBytes that is not a positive integer', async () => {
    const outcome = await authenticate(wechat, postJson({ code: 'abc' }), { maxBodyBytes: 0 });
    expect(outcome).toMatchObject({ type: 'error', status: 500, error: { code: 'GENAUTH_INVALID_OPTIONS', message: expect.stringContaining('maxBodyBytes') } });
  });
});
