import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Agent, Dispatcher, MockAgent } from 'undici';
import UndiciAgentByPath from 'undici/lib/dispatcher/agent.js';
import requestByPath from 'undici/lib/api/api-request.js';
import { createAgent, sendRequest } from '../src/undici-parts';

const repoRoot = join(__dirname, '..', '..', '..');

describe('core loads only the parts of undici it runs', () => {
  it('takes by path the very Agent class and request method undici exports', () => {
    expect(UndiciAgentByPath).toBe(Agent);
    expect(requestByPath).toBe((Dispatcher.prototype as unknown as { request: unknown }).request);
  });

  it('makes its default pool an undici Agent', async () => {
    const agent = createAgent({ keepAliveTimeout: 1_000, connections: 2 });
    expect(agent).toBeInstanceOf(Agent);
    await agent.close();
  });

  it("sends through any undici Dispatcher, such as an app's MockAgent, with the path and query of the URL", async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock.get('https://app.example.com').intercept({ path: '/oidc/me?x=1', method: 'GET' }).reply(200, { ok: true });
    const response = await sendRequest(mock, 'https://app.example.com/oidc/me?x=1', { method: 'GET' });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ ok: true });
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  it("loads neither undici's entry module nor its fetch when core is imported", () => {
    const script = [
      "require('./packages/core/src/index.ts');",
      "const loaded = Object.keys(require.cache).filter((file) => /[\\\\/]undici[\\\\/]/.test(file)).map((file) => file.replace(/.*[\\\\/]undici[\\\\/]/, ''));",
      'process.stdout.write(JSON.stringify(loaded));',
    ].join('\n');
    const loaded = JSON.parse(execFileSync(process.execPath, ['--require', 'esbuild-register', '-e', script], { cwd: repoRoot, encoding: 'utf8' })) as string[];
    expect(loaded).toContain('lib/dispatcher/agent.js');
    expect(loaded).toContain('lib/api/api-request.js');
    expect(loaded).not.toContain('index.js');
    expect(loaded.filter((file) => file.startsWith('lib/web/') || file.startsWith('lib/mock/'))).toEqual([]);
  });
});
