import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const running = new Set<ChildProcess>();

interface DemoRun {
  readonly child: ChildProcess;
  /** Resolves with the exit code and everything printed. */
  readonly exit: Promise<{ code: number | null; output: string }>;
  /** Resolves once the output contains `text`. */
  waitFor(text: string): Promise<void>;
  /** Everything printed so far. */
  output(): string;
}

/**
 * Runs `examples/express/src/demo.ts` with tsx from the TypeScript sources (the root tsconfig maps
 * `@passport-genauth/*` to `packages/*\/src`), so no build is needed; `pnpm demo` runs it on the build.
 */
function runDemo(...args: string[]): DemoRun {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.json', 'examples/express/src/demo.ts', ...args], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const entry of [...waiting]) {
      if (!output.includes(entry.text)) continue;
      waiting.splice(waiting.indexOf(entry), 1);
      entry.resolve();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, output });
    });
  });
  return {
    child,
    exit,
    waitFor: (text) => (output.includes(text) ? Promise.resolve() : new Promise((resolve) => waiting.push({ text, resolve }))),
    output: () => output,
  };
}

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

describe('the demo', () => {
  it('plays every step, prints what the backend answered, stops both servers and exits 0', async () => {
    const { code, output } = await runDemo().exit;
    expect({ code, tail: output.slice(-300) }).toEqual({ code: 0, tail: expect.stringContaining('Every step answered as expected.') });
    expect(output.match(/✓ as expected/g)).toHaveLength(14);
    // Two of the company's apps sign in through their own GenAuth applications; one's token is refused by the other.
    expect(output).toMatch(/12\. The iOS app signs in[^\n]*\n(?:[^\n]*\n)*? +user +[^\n]* app=ios /);
    expect(output).toMatch(/13\. The Android app signs in[^\n]*\n(?:[^\n]*\n)*? +user +[^\n]* app=android /);
    expect(output).toMatch(
      /14\. Refused: the Android app's access token on the iOS app's API[^\n]*\n +GET \/api\/me +x-client-app: ios[^\n]*\n +backend answered HTTP 401\n/,
    );
    expect(output).toContain('POST /auth/wechat');
    expect(output).toContain('POST /auth/apple');
    expect(output).toContain('POST /auth/mobile  {"connection":"yidun"');
    expect(output).toMatch(/id_token +sub=\w+ +iss=http:\/\/127\.0\.0\.1:\d+\/oidc +aud=demo-app/);
    expect(output).toMatch(/expires in 14 days, at \d{4}-\d\d-\d\dT/);
    expect(output).toMatch(/GENAUTH_SIGNIN_REJECTED: User is locked\n +genauth +apiCode=2005 +requestId=\w+/);
    // After the logins: the API, refresh, the API again, logout, then both tokens refused.
    expect(output).toMatch(
      /6\. Call the API with the access token[^\n]*\n +GET \/api\/me {2}Authorization: Bearer eyJ[\w-]+…\(\d+ chars\)\n +backend answered HTTP 200/,
    );
    expect(output).toMatch(/7\. Refresh the session[^\n]*\n +POST \/auth\/refresh {2}\{"refreshToken":"[^"]+"\}\n +backend answered HTTP 200/);
    expect(output).toMatch(/8\. Call the API with the new access token\n +GET \/api\/me [^\n]*\n +backend answered HTTP 200/);
    expect(output).toMatch(/9\. Log out[^\n]*\n +POST \/auth\/logout [^\n]*\n +backend answered HTTP 204/);
    expect(output).toMatch(/10\. Rejected: refresh[^\n]*\n[^\n]*\n +backend answered HTTP 401\n +error +GENAUTH_INVALID_GRANT: /);
    expect(output).toMatch(
      /11\. Rejected: the revoked access token[^\n]*\n[^\n]*\n +GET \/api\/me\/introspected [^\n]*\n +backend answered HTTP 401\n +error +GENAUTH_ACCESS_TOKEN: [^\n]*\n +challenge +WWW-Authenticate: Bearer realm="api", error="invalid_token"/,
    );
    // Before the verdict: what the backend's own GET /metrics counted of these logins.
    expect(output).toMatch(/GET \/metrics counted[^\n]*\n(?: {2}passport_genauth_\w+\{[^\n]*\} \d+\n)+\nEvery step answered as expected\./);
    expect(output).toMatch(
      / passport_genauth_authenticate_duration_seconds_count\{connection="wechat",result="fail",error_code="GENAUTH_SIGNIN_REJECTED"\} \d+\n/,
    );
    expect(output).toMatch(/ passport_genauth_exchange_rejections_total\{connection="wechat",operation="sign-in",api_code="2005",status_code="403"\} 1\n/);
    expect(output).toContain('Servers stopped.');
  }, 30_000);

  it('with --keep, keeps both servers up, prints curl commands that work, and stops on SIGINT', async () => {
    const demo = runDemo('--keep');
    await demo.waitFor('/healthz\n');
    const printed = demo.output();
    const appUrl = /curl -s (http:\/\/127\.0\.0\.1:\d+)\/healthz/.exec(printed)?.[1];
    const emulatorUrl = /curl -s -X POST (http:\/\/127\.0\.0\.1:\d+)\/__emulator\/credentials/.exec(printed)?.[1];
    expect(printed).toContain("/auth/mobile?connection=apple'");

    // What the printed commands do, done with fetch: mint a WeChat code, sign in with it.
    const json = { 'content-type': 'application/json' };
    const credential = await fetch(`${emulatorUrl}/__emulator/credentials`, { method: 'POST', headers: json, body: '{"connection":"wechat","user":"dave"}' });
    const login = await fetch(`${appUrl}/auth/wechat`, { method: 'POST', headers: json, body: await credential.text() });
    expect(login.status).toBe(200);
    await demo.waitFor('[backend] POST /auth/wechat → 200');

    demo.child.kill('SIGINT');
    const { code, output } = await demo.exit;
    expect(code).toBe(0);
    expect(output.trimEnd().endsWith('Servers stopped.')).toBe(true);
  }, 30_000);
});
