#!/usr/bin/env node
import { parseCliArgs, USAGE, type CliCommand } from './cli-args';
import type { EmulatorOptions } from './config';
import { startEmulator, type Emulator } from './emulator';

function describe(emulator: Emulator, options: EmulatorOptions): string {
  const lines = [`GenAuth emulator listening on ${emulator.url}`];
  lines.push(
    emulator.dashboardUrl === undefined
      ? '  dashboard:   off'
      : `  dashboard:   ${emulator.dashboardUrl}  (open it in a browser: live exchanges, tokens, users, faults)`,
  );
  for (const app of emulator.apps) {
    const introspection = app.introspectionEndpointAuthMethod ?? app.tokenEndpointAuthMethod;
    const revocation = app.revocationEndpointAuthMethod ?? app.tokenEndpointAuthMethod;
    lines.push(
      `  app id:      ${app.appId}`,
      `  app secret:  ${app.appSecret ?? '(none)'}`,
      `  auth method: ${app.tokenEndpointAuthMethod}`,
      ...(introspection === app.tokenEndpointAuthMethod && revocation === app.tokenEndpointAuthMethod
        ? []
        : [`               introspection ${introspection}, revocation ${revocation}`]),
      `  id_token:    ${app.idTokenSigningAlg ?? 'RS256'}`,
    );
  }
  lines.push(
    `  identity sources: ${emulator.identitySources.length} (extIdpConnidentifier = connection by default)`,
    `  access token lifetime: ${options.tokenLifetimes?.accessToken ?? 1_209_600} s, refresh: ${
      options.refreshTokenRotation === true ? 'rotating' : 'same token back'
    }, client auth: ${options.clientAuthStrictness ?? 'lenient'}`,
    `  fault header: ${options.faults === true ? 'on' : 'off'}, control endpoints: ${options.control === true ? 'on' : 'off'}`,
    'Press Ctrl+C to stop.',
  );
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(command.options);
  process.stdout.write(`${describe(emulator, command.options)}\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`genauth-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
