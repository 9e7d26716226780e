import { randomBytes } from 'node:crypto';
import { format, inspect } from 'node:util';

/** A recognisable app secret and a recognisable one-time credential, unique per run. */
export const SECRET = `S3CRET-canary-${randomBytes(6).toString('hex')}`;
export const TOKEN = `TOKEN-canary-${randomBytes(6).toString('hex')}`;

/** Every form in which the secret or the token could leak: raw, and the secret inside a Basic header. */
export function canaryForms(appIds: readonly string[]): string[] {
  return [SECRET, TOKEN, Buffer.from(SECRET).toString('base64'), ...appIds.map((appId) => Buffer.from(`${appId}:${SECRET}`).toString('base64'))];
}

/** Everything a developer could print of a value: message, stack, JSON, util.inspect (also with hidden properties). */
export function renderings(value: unknown): string[] {
  const out = [
    safe(() => JSON.stringify(value) ?? ''),
    inspect(value, { depth: Infinity }),
    inspect(value, { depth: Infinity, showHidden: true }),
    format('%s', value),
    format('%o', value),
  ];
  if (value instanceof Error) out.push(value.message, String(value), value.stack ?? '');
  return out;
}

function safe(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `(JSON.stringify threw ${String(error)})`;
  }
}

/** Captures every console line and every line the app logs. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly #spies: jest.SpyInstance[] = [];

  /** The app's `log` option. */
  readonly log = (line: string): void => {
    this.lines.push(`[app] ${line}`);
  };

  start(): void {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      this.#spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          this.lines.push(`[console.${method}] ${format(...args)}`);
        }),
      );
    }
  }

  stop(): void {
    for (const spy of this.#spies) spy.mockRestore();
  }
}

/** The canary forms found in `text`. */
export function leaksIn(text: string, forms: readonly string[]): string[] {
  return forms.filter((form) => text.includes(form));
}
