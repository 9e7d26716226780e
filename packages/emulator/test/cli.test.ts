import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'undici';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = 'packages/emulator/src/cli.ts';

const children = new Set<ChildProcessWithoutNullStreams>();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genauth-emulator-cli-'));
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: 'pipe' });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      children.delete(child);
      done(code);
    }),
  );
  const url = new Promise<string>((found, fail) => {
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearInterval(poll);
        found(match[1]);
      }
    }, 20);
    void exited.then(() => {
      clearInterval(poll);
      fail(new Error(`exited before listening: ${stderr}`));
    });
  });
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('genauth-emulator', () => {
  it('prints its URL and the demo app, serves, and exits 0 on SIGTERM', async () => {
    const cli = run(['--port', '0']);
    const url = await cli.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { stdout } = cli.output();
    expect(stdout).toContain('app id:      demo-app');
    expect(stdout).toContain('app secret:  demo-secret');
    expect(stdout).toContain('auth method: client_secret_basic');
    const jwks = await request(`${url}/oidc/.well-known/jwks.json`);
    expect(jwks.statusCode).toBe(200);
    expect(((await jwks.body.json()) as { keys: unknown[] }).keys).toHaveLength(1);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('reads --config, takes --control, and exits 0 on SIGINT', async () => {
    const config = join(dir, 'emulator.json');
    writeFileSync(config, JSON.stringify({ apps: [{ appId: 'cfg-app', tokenEndpointAuthMethod: 'none' }], faults: false }));
    const cli = run(['--port', '0', '--config', config, '--control']);
    const url = await cli.url;
    expect(cli.output().stdout).toContain('app id:      cfg-app');
    const stats = await request(`${url}/__emulator/stats`);
    expect(stats.statusCode).toBe(200);
    await stats.body.json();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits 2 with the usage on a bad argument, 1 on a bad config', async () => {
    const bad = run(['--port', 'abc']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain('--port must be an integer 0-65535, got abc');
    expect(bad.output().stderr).toContain('Usage: genauth-emulator');
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ apps: [{ appId: 'x' }] }));
    const badConfig = run(['--port', '0', '--config', config]);
    expect(await badConfig.exited).toBe(1);
    expect(badConfig.output().stderr).toContain('apps[0].tokenEndpointAuthMethod must be one of');
  });
});
