import { MockAgent } from 'undici';
import { exchange } from '../src/transport';

const ORIGIN = 'https://tenant.genauth.example';

describe('an exchange reads a repeated response header by its first value', () => {
  let agent: MockAgent;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });

  afterEach(async () => {
    await agent.close();
  });

  it('reports the first content-type and cache-control when GenAuth (or a proxy) sends each twice', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' })
      .reply(200, '{"keys":[]}', { headers: { 'content-type': ['application/json', 'text/plain'], 'cache-control': ['max-age=120', 'no-store'] } });
    const response = await exchange(`${ORIGIN}/oidc/.well-known/jwks.json`, {
      method: 'GET',
      headers: {},
      dispatcher: agent,
      timeoutMs: 5_000,
      maxBytes: 1_024,
    });
    expect(response).toEqual({ status: 200, contentType: 'application/json', cacheControl: 'max-age=120', text: '{"keys":[]}' });
  });

  it('reports an absent content-type and cache-control as empty strings', async () => {
    agent.get(ORIGIN).intercept({ path: '/plain', method: 'GET' }).reply(204, '');
    const response = await exchange(`${ORIGIN}/plain`, { method: 'GET', headers: {}, dispatcher: agent, timeoutMs: 5_000, maxBytes: 1_024 });
    expect(response).toEqual({ status: 204, contentType: '', cacheControl: '', text: '' });
  });
});
