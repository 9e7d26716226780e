import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { runCli } from './support/cli-process';

const children = new Set<ChildProcessWithoutNullStreams>();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genauth-emulator-cli-'));
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, children);

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
