import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { request } from 'undici';
import { parseCliArgs } from '../src/cli-args';
import { resolveOptions } from '../src/config';
import { startEmulator } from '../src/index';
import { basic, signinBody, startHarness, type Harness } from './support/harness';
import { openEvents, PAGE_JSON } from './support/dashboard-client';

const SECRET = 'Sup3r-Secret-Value-7f1c';

describe('the dashboard is off unless asked for', () => {
  it('startEmulator() serves no page and no dashboard endpoint by default', async () => {
    const h = await startHarness();
    try {
      expect(h.emulator.dashboardUrl).toBeUndefined();
      const page = await h.get('/');
      expect(page.status).toBe(404);
      expect(page.json).toMatchObject({ statusCode: 404, message: 'Not found: GET /' });
      expect((await h.get('/__emulator/dashboard/app.js')).status).toBe(404);
      expect((await h.get('/__emulator/dashboard/events')).status).toBe(404);
      expect((await h.post('/__emulator/dashboard/faults', { kind: 'hang' })).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('dashboard: true serves the page at / with a strict content security policy', async () => {
    const h = await startHarness({ dashboard: true });
    try {
      expect(h.emulator.dashboardUrl).toBe(`${h.url}/`);
      const page = await h.get('/');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.text).toContain('<script src="/__emulator/dashboard/app.js" defer></script>');
      const script = await h.get('/__emulator/dashboard/app.js');
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.text).toContain("new EventSource(BASE + 'events')");
      expect(() => new Script(script.text)).not.toThrow();
      const again = await h.get('/__emulator/dashboard/app.js', { 'if-none-match': String(script.headers['etag']) });
      expect(again.status).toBe(304);
      expect((await h.get('/__emulator/dashboard/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    } finally {
      await h.close();
    }
  });
});

describe('the dashboard stays on loopback unless a flag says otherwise', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20'])('refuses the dashboard or the control endpoints on host %s, before listening', async (host) => {
    await expect(startEmulator({ host, dashboard: true })).rejects.toThrow(
      `dashboard would be reachable from other machines on host ${host}: use a loopback host, or set allowRemoteControl: true`,
    );
    await expect(startEmulator({ host, control: true })).rejects.toThrow('control would be reachable from other machines');
  });

  it('accepts them there with allowRemoteControl: true, and always on loopback names', () => {
    expect(resolveOptions({ host: '0.0.0.0', dashboard: true, control: true, allowRemoteControl: true })).toMatchObject({
      dashboard: { backendUrl: undefined },
      control: true,
      allowRemoteControl: true,
    });
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1']) expect(resolveOptions({ host, dashboard: true }).dashboard).toBeDefined();
    expect(() => resolveOptions({ dashboard: { backendUrl: 'ftp://x' } })).toThrow('dashboard.backendUrl must be an absolute http(s) URL');
    expect(() => resolveOptions({ dashboard: { backendUrl: 'http://127.0.0.1:1/a', colour: 'red' } as never })).toThrow(
      'dashboard.colour is not a known option',
    );
  });

  it('the CLI turns the dashboard on for a loopback host only, and --no-dashboard turns it off', () => {
    const options = (argv: string[]) => {
      const command = parseCliArgs(argv);
      if (command.help) throw new Error('help');
      return command.options;
    };
    expect(options([]).dashboard).toBe(true);
    expect(options(['--host', 'localhost']).dashboard).toBe(true);
    expect(options(['--host', '0.0.0.0']).dashboard).toBe(false);
    expect(options(['--host', '0.0.0.0', '--allow-remote-control'])).toMatchObject({ dashboard: true, allowRemoteControl: true });
    expect(options(['--no-dashboard']).dashboard).toBe(false);
    expect(options(['--backend-url', 'http://127.0.0.1:3000/auth/mobile']).dashboard).toEqual({ backendUrl: 'http://127.0.0.1:3000/auth/mobile' });
    expect(() => options(['--no-dashboard', '--dashboard'])).toThrow('--no-dashboard cannot go with --dashboard or --backend-url');
    // Asked for on a reachable host without the flag: startEmulator refuses it before binding anything.
    expect(() => resolveOptions(options(['--host', '0.0.0.0', '--dashboard']))).toThrow('allowRemoteControl');
  });

  it('answers 403 to a request addressed to another host name (DNS rebinding)', async () => {
    const h = await startHarness({ dashboard: true });
    try {
      const port = new URL(h.url).port;
      for (const path of ['/', '/__emulator/dashboard/events', '/__emulator/dashboard/exchanges/1']) {
        const answer = await h.get(path, { host: `attacker.example:${port}` });
        expect({ path, status: answer.status, json: answer.json }).toEqual({
          path,
          status: 403,
          json: { error: 'The dashboard answers only requests addressed to a loopback host' },
        });
      }
      expect((await h.get('/', { host: `localhost:${port}` })).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('refuses a change that is not JSON or that comes from another site (CSRF)', async () => {
    const h = await startHarness({ dashboard: true });
    try {
      const form = await h.postRaw('/__emulator/dashboard/faults', 'kind=hang', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      const text = await h.postRaw('/__emulator/dashboard/keys/rotate', '{}', { 'content-type': 'text/plain' });
      expect(text.status).toBe(415);
      const foreign = await h.post('/__emulator/dashboard/faults', { kind: 'hang' }, { origin: 'http://attacker.example' });
      expect(foreign.json).toEqual({ error: 'Dashboard requests must come from the dashboard page itself' });
      const crossSite = await h.post('/__emulator/dashboard/faults', { kind: 'hang' }, { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status).toBe(403);
      expect(h.emulator.stats().received).toBe(0);
      const own = await h.post('/__emulator/dashboard/faults', { kind: 'status-503' }, { ...PAGE_JSON, origin: h.url, 'sec-fetch-site': 'same-origin' });
      expect(own.json).toEqual({ armed: [{ kind: 'status-503', remaining: 1, latencyMs: 1000 }] });
    } finally {
      await h.close();
    }
  });
});

describe('the dashboard never shows an app secret', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      dashboard: true,
      apps: [
        { appId: 'basic-app', appSecret: SECRET, tokenEndpointAuthMethod: 'client_secret_basic' },
        { appId: 'post-app', appSecret: `${SECRET}-2`, tokenEndpointAuthMethod: 'client_secret_post', idTokenSigningAlg: 'HS256' },
      ],
    });
  });
  afterAll(() => h.close());

  it('in the page, the snapshot, the events and every exchange detail, revealed or not', async () => {
    const events = await openEvents(h.url);
    try {
      const snapshot = await events.next('snapshot');
      const wechat = h.emulator.mintCredential('wechat', { user: 'sam' });
      await h.signin(signinBody('wechat', 'wechatPayload', wechat), { authorization: basic('basic-app', SECRET) });
      const exchange = await events.next('exchange');
      const apple = h.emulator.mintCredential('apple', { user: 'sam' });
      await h.signin(signinBody('apple', 'applePayload', apple, { client_id: 'post-app', client_secret: `${SECRET}-2` }), {});
      const second = await events.next('exchange');
      // A wrong secret that contains the real one is still never shown.
      await h.signin(signinBody('wechat', 'wechatPayload', { code: 'x' }), { authorization: basic('basic-app', `${SECRET}!`) });
      const third = await events.next('exchange');
      const texts = [
        JSON.stringify(snapshot),
        JSON.stringify([exchange, second, third]),
        (await h.get('/')).text,
        (await h.get('/__emulator/dashboard/app.js')).text,
      ];
      for (const id of [exchange.exchange.id, second.exchange.id, third.exchange.id]) {
        for (const reveal of ['', '?reveal=1']) texts.push((await h.get(`/__emulator/dashboard/exchanges/${id}${reveal}`)).text);
      }
      const base64 = Buffer.from(`basic-app:${SECRET}`).toString('base64');
      for (const text of texts) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(base64);
      }
      expect(snapshot.apps).toEqual([
        expect.objectContaining({ appId: 'basic-app', hasSecret: true, idTokenSigningAlg: 'RS256' }),
        expect.objectContaining({ appId: 'post-app', hasSecret: true, idTokenSigningAlg: 'HS256' }),
      ]);
      const post = (await h.get(`/__emulator/dashboard/exchanges/${second.exchange.id}?reveal=1`)).json;
      expect(post.request.body.client_secret).toBe('[app secret hidden]');
      expect(post.summary).toMatchObject({ appId: 'post-app', clientAuth: 'client_secret_post', outcome: 'accepted' });
      const basicAuth = (await h.get(`/__emulator/dashboard/exchanges/${exchange.exchange.id}?reveal=1`)).json;
      expect(Object.fromEntries(basicAuth.request.headers)).toMatchObject({ authorization: 'Basic basic-app:[app secret hidden] (decoded)' });
    } finally {
      await events.close();
    }
  });
});

describe('genauth-emulator (the CLI)', () => {
  const ROOT = resolve(__dirname, '../../..');
  let child: ChildProcessWithoutNullStreams | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  // SIGTERM, not SIGKILL: tsx passes it on to the emulator, which exits; a killed tsx would orphan it.
  afterEach(async () => {
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  function start(args: string[]): Promise<string> {
    const cli = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['packages/emulator/src/cli.ts', ...args], { cwd: ROOT, stdio: 'pipe' });
    child = cli;
    exited = new Promise((done) => cli.once('exit', (code) => done(code)));
    let stdout = '';
    return new Promise((found, fail) => {
      cli.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Press Ctrl+C')) found(stdout);
      });
      void exited.then((code) => fail(new Error(`exited ${code}: ${stdout}`)));
    });
  }

  it('serves the dashboard by default and prints its URL', async () => {
    const stdout = await start(['--port', '0']);
    const url = /dashboard: +(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    const page = await request(url ?? '');
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<title>GenAuth emulator</title>');
  });

  it('serves no dashboard with --no-dashboard', async () => {
    const stdout = await start(['--port', '0', '--no-dashboard']);
    expect(stdout).toContain('  dashboard:   off');
    const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
    const page = await request(`${url}/`);
    expect(page.statusCode).toBe(404);
    await page.body.text();
  });
});
