import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './config';
import { applyDashboardFlags, DASHBOARD_FLAGS, DASHBOARD_USAGE } from './dashboard/cli-flags';

/** The CLI's usage text. */
export const USAGE = `Usage: genauth-emulator [--port 3999] [--host 127.0.0.1] [--config file.json] [--faults] [--control]
                        [--access-token-ttl <seconds>] [--refresh-token-rotation] [--strict-client-auth]

  --port <n>                    port to listen on (0 = a free port; default 3999)
  --host <addr>                 address to bind (default 127.0.0.1)
  --config <file>               JSON with the startEmulator options (apps, identitySources, tokenLifetimes, …)
  --faults                      honour the per-request x-emulator-fault header
  --control                     serve the /__emulator/faults, /stats, /requests and /reset control endpoints
  --access-token-ttl <seconds>  access-token lifetime (default 1209600; e.g. 5 to watch tokens expire)
  --refresh-token-rotation      refresh answers a new refresh token; reusing a retired one revokes the grant
  --strict-client-auth          Basic and a body client_secret at once is 400 invalid_request
${DASHBOARD_USAGE}
  --help                        show this text`;

/** What the command line asks for. */
export type CliCommand = { readonly help: true } | { readonly help: false; readonly options: EmulatorOptions };

/** Parses the arguments (without `node` and the script); throws an Error with a readable message. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      faults: { type: 'boolean' },
      control: { type: 'boolean' },
      'access-token-ttl': { type: 'string' },
      'refresh-token-rotation': { type: 'boolean' },
      'strict-client-auth': { type: 'boolean' },
      ...DASHBOARD_FLAGS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const options: EmulatorOptions = values.config === undefined ? {} : readConfig(values.config);
  const merged: EmulatorOptions = { port: 3999, ...options };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be an integer 0-65535, got ${values.port}`);
    merged.port = port;
  }
  if (values.host !== undefined) merged.host = values.host;
  if (values.faults === true) merged.faults = true;
  if (values.control === true) merged.control = true;
  const ttl = values['access-token-ttl'];
  if (ttl !== undefined) {
    if (!/^\d+$/.test(ttl) || Number(ttl) < 1) throw new Error(`--access-token-ttl must be a positive integer (seconds), got ${ttl}`);
    merged.tokenLifetimes = { ...merged.tokenLifetimes, accessToken: Number(ttl) };
  }
  if (values['refresh-token-rotation'] === true) merged.refreshTokenRotation = true;
  if (values['strict-client-auth'] === true) merged.clientAuthStrictness = 'strict';
  applyDashboardFlags(values, merged);
  return { help: false, options: merged };
}

function readConfig(file: string): EmulatorOptions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read --config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`--config ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--config ${file} must hold a JSON object`);
  }
  // startEmulator validates the shape strictly and names every bad key.
  return parsed;
}
