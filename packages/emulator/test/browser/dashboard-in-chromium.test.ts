import { rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { GenAuthClient } from '@passport-genauth/core';
import { createApp } from '../../../../examples/express/src/app';
import { DEMO_APP, startEmulator, type Emulator } from '../../src/index';
import { launchChromium, MUST_RUN, screenshotFolder } from './chromium';

jest.setTimeout(60_000);

let emulator: Emulator;
let client: GenAuthClient;
let backend: Server;
let appUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shots: string;

async function startBackend(): Promise<void> {
  // The backend's socket listens first, so that the dashboard can be told where logins go.
  backend = createServer();
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const address = backend.address();
  appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  emulator = await startEmulator({ dashboard: { backendUrl: `${appUrl}/auth/mobile` } });
  client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  backend.on('request', createApp({ client }));
}

/** Saves a screenshot of the page (or of one section), without the passing notifications. */
async function shoot(name: string, what: { fullPage?: boolean; section?: string } = {}): Promise<void> {
  const path = join(shots, `dashboard-${name}.png`);
  await page.evaluate("document.getElementById('toasts').replaceChildren()");
  const options = { path, animations: 'disabled', caret: 'hide' } as const;
  if (what.section !== undefined) await page.locator(what.section).screenshot(options);
  else await page.screenshot({ ...options, fullPage: what.fullPage === true });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

const SIGNIN_ROWS = '#exchange-rows tr[data-endpoint="signin-by-mobile"]';

/** Runs `action`, then waits for the sign-in it causes to appear in the live list; resolves to its row. */
async function nextSignin(action: () => Promise<unknown>) {
  const before = await page.locator(SIGNIN_ROWS).count();
  await action();
  // The page keeps its own CSP (no eval), so the waits are locators, not waitForFunction strings.
  await page.locator(SIGNIN_ROWS).nth(before).waitFor();
  return page.locator(SIGNIN_ROWS).first();
}

/** Sends the minted credential to the backend from the page; resolves to the backend's HTTP status. */
async function send(): Promise<string> {
  const result = page.locator('#send-result');
  await page.click('#send');
  await result.locator('strong').waitFor();
  return (await result.getAttribute('data-status')) ?? '';
}

/** Clicks the mint button (or a magic-value chip) and waits for the new credential to show. */
async function mint(trigger = '#mint'): Promise<void> {
  const before = (await page.locator('#minted-text').textContent()) ?? '';
  await page.click(trigger);
  await (before === '' ? page.locator('#minted-text') : page.locator('#minted-text', { hasNotText: before })).waitFor();
}

(MUST_RUN ? describe : describe.skip)('the dashboard in headless Chromium', () => {
  beforeAll(async () => {
    shots = screenshotFolder();
    await startBackend();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emulator.url });
    page = await context.newPage();
    await page.goto(emulator.dashboardUrl ?? '');
    await page.locator('#live[data-state="live"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => backend?.close(() => resolve()));
    await client?.close();
    await emulator?.close();
    if (process.env['SCREENSHOTS'] !== 'update' && shots !== undefined) rmSync(shots, { recursive: true, force: true });
  });

  it('shows the app, its auth methods, the signing key and the identity sources, never the secret', async () => {
    const app = page.locator('[data-app="demo-app"]');
    await expect(app.textContent()).resolves.toContain('client_secret_basic');
    await expect(app.textContent()).resolves.toContain('id_token RS256');
    await expect(page.locator('#key-list li').getAttribute('data-kid')).resolves.toBe(emulator.currentKid);
    await expect(page.locator('#sources-summary').textContent()).resolves.toBe('32 identity sources');
    await expect(page.locator('#backend-url').inputValue()).resolves.toBe(`${appUrl}/auth/mobile`);
    expect(await page.content()).not.toContain(DEMO_APP.appSecret);
  });

  it('mints a credential, sends it to the backend, and the exchange appears live', async () => {
    await page.selectOption('#sim-connection', 'wechat');
    await mint();
    let status = '';
    const row = await nextSignin(async () => (status = await send()));
    expect(status).toBe('200');
    await expect(row.getAttribute('data-outcome')).resolves.toBe('accepted');
    const text = await row.textContent();
    const logged = emulator.requests.at(-1);
    expect(logged).toMatchObject({ connection: 'wechat', outcome: 'accepted', appId: 'demo-app' });
    expect(text).toContain('wechat');
    expect(text).toContain('client_secret_basic');
    expect(text).toContain(`requestId ${logged?.requestId.slice(0, 8)}`);
    await expect(page.locator('#user-rows tr').first().textContent()).resolves.toContain('Alice Zhang');
    await expect(page.locator('#totals [data-total="accepted"] b').textContent()).resolves.toBe('1');
  });

  it('opens the exchange: decoded claims with their expiry, the credential masked until revealed', async () => {
    const code = (emulator.requests.at(-1)?.body as { wechatPayload: { code: string } }).wechatPayload.code;
    await page.locator(SIGNIN_ROWS).first().click();
    const idToken = page.locator('#detail .token[data-token="id_token"]');
    await idToken.waitFor();
    await expect(idToken.textContent()).resolves.toMatch(/Valid, expires in 13 days|Valid, expires in 14 days/);
    await expect(idToken.textContent()).resolves.toContain('Alice Zhang');
    await expect(page.locator('#detail .token[data-token="access_token"]').textContent()).resolves.toContain('demo-app');
    await expect(page.locator('#detail-request').textContent()).resolves.not.toContain(code);
    await shoot('exchange');
    await page.locator('label.switch').click();
    await page.locator('#detail .notice').waitFor();
    await expect(page.locator('#detail-request').textContent()).resolves.toContain(code);
    await page.click('#detail-close');
  });

  it('copies the body the mobile app would post; posted to the backend, it signs in', async () => {
    await page.selectOption('#sim-connection', 'apple');
    await page.fill('#sim-user', 'bob');
    await page.fill('#sim-name', 'Bob Li');
    await page.fill('#sim-email', 'bob@example.com');
    await mint();
    await page.click('#copy');
    const body = JSON.parse(await page.evaluate<string>('navigator.clipboard.readText()')) as Record<string, unknown>;
    expect(body).toEqual({ connection: 'apple', code: expect.stringMatching(/^em_/) });
    const post = () => fetch(`${appUrl}/auth/mobile`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let status = 0;
    const row = await nextSignin(async () => (status = (await post()).status));
    expect(status).toBe(200);
    await expect(row.textContent()).resolves.toContain('apple');
    await page.click('#tab-curl');
    await expect(page.locator('#minted-text').textContent()).resolves.toBe(
      `curl -s -X POST '${appUrl}/auth/mobile' -H 'content-type: application/json' -d '${JSON.stringify(body)}'`,
    );
    await page.click('#tab-json');
  });

  it('sends a magic value with one click: the backend refuses a locked user', async () => {
    await mint('[data-magic="locked"]');
    await expect(page.locator('#minted-text').textContent()).resolves.toContain('"code": "locked-');
    let status = '';
    const row = await nextSignin(async () => (status = await send()));
    expect(status).toBe('401');
    await expect(row.getAttribute('data-outcome')).resolves.toBe('rejected');
    await expect(row.textContent()).resolves.toContain('apiCode 2005');
  });

  it('rotates the keys', async () => {
    const before = emulator.currentKid;
    await page.click('#rotate');
    await page.locator('#key-list li:nth-child(2)').waitFor();
    await expect(page.locator('#key-list li').nth(0).getAttribute('data-kid')).resolves.toBe(emulator.currentKid);
    await expect(page.locator('#key-list li').nth(1).getAttribute('data-kid')).resolves.toBe(before);
    expect(emulator.currentKid).not.toBe(before);
  });

  it('arms a fault, shows it armed, and the next login fails', async () => {
    await page.selectOption('#fault-kind', 'status-503');
    await page.fill('#fault-count', '1');
    await page.click('#arm-fault');
    await page.locator('#armed li[data-kind="status-503"]').waitFor();
    await expect(page.locator('#armed').textContent()).resolves.toContain('next 1 request');
    await shoot('faults', { section: '#faults' });
    await page.selectOption('#sim-connection', 'wechat');
    await page.fill('#sim-user', 'alice');
    await page.fill('#sim-name', 'Alice Zhang');
    await page.fill('#sim-email', 'alice@example.com');
    await mint();
    let status = '';
    const row = await nextSignin(async () => (status = await send()));
    expect(Number(status)).toBeGreaterThanOrEqual(500);
    await expect(row.getAttribute('data-outcome')).resolves.toBe('faulted');
    await expect(row.textContent()).resolves.toContain('status-503');
    await page.locator('#armed li.none').waitFor();
    expect(emulator.requests.at(-1)).toMatchObject({ outcome: 'faulted', fault: 'status-503' });
  });

  it("revokes a user's tokens", async () => {
    const alice = page.locator('#user-rows tr', { hasText: 'Alice Zhang' });
    await expect(alice.locator('[data-live]').getAttribute('data-live')).resolves.not.toBe('0');
    await alice.locator('[data-revoke]').click();
    await alice.locator('[data-live="0"]').waitFor();
    await expect(alice.locator('[data-revoke]').isDisabled()).resolves.toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await shoot('overview', { fullPage: true });
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.evaluate("window.scrollTo(0, document.getElementById('exchanges').offsetTop - 60)");
    await shoot('phone');
  });
});
