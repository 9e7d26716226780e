#!/usr/bin/env node
import { parseCliArgs, USAGE, type CliCommand } from './cli-args';
import { startEmulator, type Emulator } from './emulator';

function describe(emulator: Emulator, faults: boolean, control: boolean): string {
  const lines = [`GenAuth emulator listening on ${emulator.url}`];
  for (const app of emulator.apps) {
    lines.push(
      `  app id:      ${app.appId}`,
      `  app secret:  ${app.appSecret ?? '(none)'}`,
      `  auth method: ${app.tokenEndpointAuthMethod}`,
      `  id_token:    ${app.idTokenSigningAlg ?? 'RS256'}`,
    );
  }
  lines.push(
    `  identity sources: ${emulator.identitySources.length} (extIdpConnidentifier = connection by default)`,
    `  fault header: ${faults ? 'on' : 'off'}, control endpoints: ${control ? 'on' : 'off'}`,
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
  process.stdout.write(`${describe(emulator, command.options.faults === true, command.options.control === true)}\n`);
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
