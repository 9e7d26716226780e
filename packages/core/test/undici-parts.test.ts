import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Agent, MockAgent } from 'undici';
import UndiciAgentByPath from 'undici/lib/dispatcher/agent.js';
import { ResponseReader } from '../src/response-reader';
import { createAgent, dispatchTo } from '../src/undici-parts';

const repoRoot = join(__dirname, '..', '..', '..');

describe('core loads only the parts of undici it runs', () => {
  it('takes by path the very Agent class undici exports', () => {
    expect(UndiciAgentByPath).toBe(Agent);
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
    const reader = new ResponseReader(1_000);
    dispatchTo(mock, 'https://app.example.com/oidc/me?x=1', { method: 'GET', headers: {} }, reader);
    const response = await reader.response;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ ok: true });
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  it("loads neither undici's entry module, its request() and body stream, nor its fetch when core is imported", () => {
    const script = [
      "require('./packages/core/src/index.ts');",
      "const loaded = Object.keys(require.cache).filter((file) => /[\\\\/]undici[\\\\/]/.test(file)).map((file) => file.replace(/.*[\\\\/]undici[\\\\/]/, ''));",
      'process.stdout.write(JSON.stringify(loaded));',
    ].join('\n');
    const loaded = JSON.parse(execFileSync(process.execPath, ['--require', 'esbuild-register', '-e', script], { cwd: repoRoot, encoding: 'utf8' })) as string[];
    expect(loaded).toContain('lib/dispatcher/agent.js');
    expect(loaded).not.toContain('lib/api/api-request.js');
    expect(loaded).not.toContain('lib/api/readable.js');
    expect(loaded).not.toContain('index.js');
    expect(loaded.filter((file) => file.startsWith('lib/web/') || file.startsWith('lib/mock/'))).toEqual([]);
  });
});
