import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { openEvents } from './support/dashboard-client';

const ROOT = resolve(__dirname, '../../..');
let demo: ChildProcess | undefined;
afterAll(() => demo?.kill('SIGKILL'));

describe('the demo with --keep', () => {
  it('prints the dashboard URL, which serves the page and sends logins to the demo backend', async () => {
    // From the TypeScript sources, as examples/express/test/demo-end-to-end.test.ts runs it.
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.json', 'examples/express/src/demo.ts', '--keep'], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo = child;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let output = '';
    const printed = new Promise<string>((found, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Or open the dashboard in a browser: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
        if (url !== undefined) found(url);
      });
      void exited.then(() => fail(new Error(`the demo exited: ${output}`)));
    });
    const url = await printed;
    expect(output).toMatch(/ {2}Dashboard {9}http:\/\/127\.0\.0\.1:\d+\//);
    const appUrl = /Example backend {3}(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>GenAuth emulator</title>');
    const events = await openEvents(url.replace(/\/$/, ''));
    const snapshot = await events.next('snapshot');
    await events.close();
    expect(snapshot.backendUrl).toBe(`${appUrl}/auth/mobile`);
    // The scripted steps ran against the same emulator, so the page already shows them.
    expect(snapshot.exchanges.length).toBeGreaterThanOrEqual(5);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 40_000);
});
