import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package, or CHROMIUM_PATH when set (then only that): the suite never downloads a browser. */
const candidates = process.env['CHROMIUM_PATH'] ? [process.env['CHROMIUM_PATH']] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const CHROMIUM = candidates.find((path) => existsSync(path));

/** True when the suite must run: a browser is here, or CI says it must be (then a missing one fails). */
export const MUST_RUN = CHROMIUM !== undefined || process.env['CI'] === 'true';

if (!MUST_RUN) {
  process.stderr.write(
    '\n' +
      '*************************************************************************************\n' +
      '*  SKIPPED: the dashboard browser suite. No chromium binary was found               *\n' +
      '*  (/usr/bin/chromium, or CHROMIUM_PATH). Install it: apt-get install -y chromium    *\n' +
      '*  With CI=true a missing chromium fails the suite instead.                          *\n' +
      '*************************************************************************************\n\n',
  );
}

/** Headless Chromium as CI runs it: no sandbox (root in a container), no network side traffic. */
export function launchChromium(): Promise<Browser> {
  if (CHROMIUM === undefined) {
    throw new Error('CI=true but no chromium binary was found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Where the suite writes its screenshots: `docs/images/` (the README's) with SCREENSHOTS=update, a
 * temporary folder otherwise, so that a plain test run leaves the working tree alone.
 */
export function screenshotFolder(): string {
  if (process.env['SCREENSHOTS'] !== 'update') return mkdtempSync(join(tmpdir(), 'genauth-dashboard-'));
  const folder = resolve(__dirname, '../../../../docs/images');
  mkdirSync(folder, { recursive: true });
  return folder;
}
