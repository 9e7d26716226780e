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
    for (const entry of [...waiting]) if (output.includes(entry.text)) (waiting.splice(waiting.indexOf(entry), 1), entry.resolve());
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
    expect(output.match(/✓ as expected/g)).toHaveLength(5);
    expect(output).toContain('POST /auth/wechat');
    expect(output).toContain('POST /auth/apple');
    expect(output).toContain('POST /auth/mobile  {"connection":"yidun"');
    expect(output).toMatch(/id_token +sub=\w+ +iss=http:\/\/127\.0\.0\.1:\d+\/oidc +aud=demo-app/);
    expect(output).toMatch(/expires in 14 days, at \d{4}-\d\d-\d\dT/);
    expect(output).toMatch(/GENAUTH_SIGNIN_REJECTED: User is locked\n +genauth +apiCode=2005 +requestId=\w+/);
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
