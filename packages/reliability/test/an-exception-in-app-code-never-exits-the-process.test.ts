import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';

/**
 * A bug in the app's own custom callback must end in that request's error handling, never in an
 * unhandled rejection that exits Node for every user. The backend runs as a real separate process so
 * that a crash would show as an exit, exactly as it would in production.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(__dirname, 'fixtures', 'throwing-callback-server.ts');

interface Backend {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
}

async function startBackend(): Promise<Backend> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: join(ROOT, 'packages', 'reliability'),
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`backend exited with ${String(code)} before listening:\n${stderr}`)));
  });
  return { url, child, stderr: () => stderr };
}

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.statusCode, json: (await response.body.json()) as Record<string, unknown> };
}

async function health(backend: Backend): Promise<{ status: number; callbackCalls: number }> {
  const response = await request(`${backend.url}/health`);
  const json = (await response.body.json()) as { callbackCalls: number };
  return { status: response.statusCode, callbackCalls: json.callbackCalls };
}

describe('an exception thrown by the app while Passport handles a login outcome', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startBackend();
  }, 60_000);

  afterAll(async () => {
    if (backend.child.exitCode === null) {
      const exited = new Promise((resolve) => backend.child.once('exit', resolve));
      backend.child.kill('SIGTERM');
      await exited;
    }
  });

  async function expectHandledAndAlive(response: { status: number; json: Record<string, unknown> }, calls: number): Promise<void> {
    expect(response.status).toBe(500);
    expect(response.json).toMatchObject({ handledBy: 'error middleware' });
    expect(backend.child.exitCode).toBeNull();
    // The next request is served by the same process, and the app's callback ran exactly once per login.
    await expect(health(backend)).resolves.toEqual({ status: 200, callbackCalls: calls });
    expect(backend.stderr()).not.toMatch(/unhandled|UnhandledPromiseRejection/i);
  }

  it('ends a successful login whose custom callback throws in the error middleware, and the process serves the next request', async () => {
    const credential = (await post(`${backend.url}/credential`, {})).json;
    const response = await post(`${backend.url}/auth/wechat`, credential);
    expect(response.json.message).toBe("bug in the app's genauth-wechat callback");
    await expectHandledAndAlive(response, 1);
  });

  it('does the same when the callback throws on a failed login (a missing code)', async () => {
    await expectHandledAndAlive(await post(`${backend.url}/auth/wechat`, {}), 2);
  });

  it('does the same through GenAuthMobileStrategy, for a login and for an unknown connection', async () => {
    const credential = (await post(`${backend.url}/credential`, {})).json;
    await expectHandledAndAlive(await post(`${backend.url}/auth/mobile`, { connection: 'wechat', ...credential }), 3);
    await expectHandledAndAlive(await post(`${backend.url}/auth/mobile`, { connection: 'nope' }), 4);
  });

  it('does the same through the bearer strategy, for a valid token and for a missing one', async () => {
    const { accessToken } = (await post(`${backend.url}/access-token`, {})).json as { accessToken: string };
    for (const [authorization, calls] of [
      [`Bearer ${accessToken}`, 5],
      [undefined, 6],
    ] as const) {
      const response = await request(`${backend.url}/api/me`, { headers: authorization ? { authorization } : {} });
      const json = (await response.body.json()) as Record<string, unknown>;
      await expectHandledAndAlive({ status: response.statusCode, json }, calls);
    }
  });
});
