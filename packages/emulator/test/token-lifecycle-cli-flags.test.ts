import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { parseCliArgs } from '../src/cli-args';
import { basic } from './support/harness';
import { runCli } from './support/cli-process';

const children = new Set<ChildProcessWithoutNullStreams>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

const DEMO = { authorization: basic('demo-app', 'demo-secret'), 'x-authing-app-id': 'demo-app' };

async function post(url: string, body: string, headers: Record<string, string>) {
  const answer = await request(url, { method: 'POST', body, headers });
  return { status: answer.statusCode, json: (await answer.body.json()) as Record<string, any> };
}

describe('genauth-emulator lifecycle flags', () => {
  it('--access-token-ttl sets the access-token lifetime; --refresh-token-rotation and --strict-client-auth switch the modes', async () => {
    const cli = runCli(['--port', '0', '--access-token-ttl', '5', '--refresh-token-rotation', '--strict-client-auth'], children);
    const url = await cli.url;
    expect(cli.output().stdout).toContain('access token lifetime: 5 s, refresh: rotating, client auth: strict');
    const code = (await post(`${url}/__emulator/credentials`, JSON.stringify({ connection: 'wechat', user: 'cli' }), { 'content-type': 'application/json' }))
      .json['code'];
    const login = await post(
      `${url}/api/v3/signin-by-mobile`,
      JSON.stringify({ connection: 'wechat', extIdpConnidentifier: 'wechat', wechatPayload: { code }, options: { scope: 'openid offline_access' } }),
      { ...DEMO, 'content-type': 'application/json' },
    );
    const data = login.json['data'];
    expect(data).toMatchObject({ expires_in: 5, expire_in: 5 });
    const claims = JSON.parse(Buffer.from(data.access_token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(5);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const refreshed = await post(`${url}/oidc/token`, `grant_type=refresh_token&refresh_token=${data.refresh_token}`, { ...DEMO, ...form });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ expires_in: 5 });
    expect(refreshed.json['refresh_token']).not.toBe(data.refresh_token);
    const twoWays = await post(`${url}/oidc/token/introspection`, `token=x&client_id=demo-app&client_secret=demo-secret`, { ...DEMO, ...form });
    expect([twoWays.status, twoWays.json['error']]).toEqual([400, 'invalid_request']);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('merges --access-token-ttl into the --config lifetimes and refuses a bad value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genauth-emulator-ttl-'));
    try {
      const config = join(dir, 'emulator.json');
      writeFileSync(config, JSON.stringify({ tokenLifetimes: { idToken: 60, accessToken: 600 } }));
      const command = parseCliArgs(['--config', config, '--access-token-ttl', '30']);
      expect(command.help === false && command.options.tokenLifetimes).toEqual({ idToken: 60, accessToken: 30 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => parseCliArgs(['--access-token-ttl', '0'])).toThrow('--access-token-ttl must be a positive integer (seconds), got 0');
    expect(() => parseCliArgs(['--access-token-ttl', '1.5'])).toThrow('--access-token-ttl must be a positive integer');
  });

  it('exits 2 with the usage on a bad --access-token-ttl', async () => {
    const bad = runCli(['--port', '0', '--access-token-ttl', 'soon'], children);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain('--access-token-ttl must be a positive integer (seconds), got soon');
    expect(bad.output().stderr).toContain('--access-token-ttl <seconds>');
  });
});
