import { ENVELOPE_FAULT_KINDS } from '../src/index';
import { DEMO_AUTH, signinBody, startHarness, type Harness } from './support/harness';

// GenAuth also answers sign-in errors without `data`, and with `apiCode` as a numeric string ("2005",
// as its error-code page shows it). These fault kinds make the emulator answer that way.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true, control: true });
});
afterAll(() => h.close());
afterEach(() => {
  h.emulator.clearFaults();
  h.emulator.reset();
});

const locked = () => signinBody('wechat', 'wechatPayload', { code: 'locked-user' });
const minted = () => signinBody('wechat', 'wechatPayload', h.emulator.mintCredential('wechat', { user: 'env' }));

describe('error-without-data', () => {
  it('leaves data out of an error envelope, keeping everything else', async () => {
    h.emulator.injectFaults({ kind: 'error-without-data' });
    const answer = await h.signin(locked());
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ statusCode: 403, message: 'User is locked', apiCode: 2005, requestId: answer.headers['x-request-id'] });
    expect(h.emulator.requests[0]).toMatchObject({ outcome: 'rejected', statusCode: 403, apiCode: 2005, fault: 'error-without-data' });
  });

  it('leaves a success untouched, which consumes its credential as usual', async () => {
    const body = minted();
    h.emulator.injectFaults({ kind: 'error-without-data' });
    expect((await h.signin(body)).json).toMatchObject({ statusCode: 200, data: { token_type: 'Bearer' } });
    expect((await h.signin(body)).json).toMatchObject({ statusCode: 602, data: null });
  });
});

describe('string-api-code', () => {
  it('sends apiCode as a numeric string, with data: null still there', async () => {
    h.emulator.injectFaults({ kind: 'string-api-code', count: 2 });
    const answer = await h.signin(locked());
    expect(answer.json).toEqual({ statusCode: 403, message: 'User is locked', apiCode: '2005', requestId: answer.headers['x-request-id'], data: null });
    expect(answer.text).toContain('"apiCode":"2005"');
    // An error without an apiCode has none to stringify.
    const replay = await h.signin(signinBody('wechat', 'wechatPayload', { code: 'invalid-x' }));
    expect(replay.json).toEqual({ statusCode: 602, message: expect.any(String), requestId: replay.headers['x-request-id'], data: null });
  });
});

describe('how they are set', () => {
  it('lists them among the fault kinds', () => {
    expect([...ENVELOPE_FAULT_KINDS]).toEqual(['error-without-data', 'string-api-code']);
  });

  it('per request with x-emulator-fault, and for the next N through the control endpoint', async () => {
    const byHeader = await h.signin(locked(), { ...DEMO_AUTH, 'x-emulator-fault': 'string-api-code' });
    expect(byHeader.json.apiCode).toBe('2005');
    expect((await h.post('/__emulator/faults', { kind: 'error-without-data', count: 1 })).json).toEqual({ pending: 1 });
    expect((await h.signin(locked())).json).not.toHaveProperty('data');
    const after = await h.signin(locked());
    expect(after.json).toMatchObject({ apiCode: 2005, data: null });
  });
});
