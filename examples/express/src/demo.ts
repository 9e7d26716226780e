/**
 * The project's main job in one command (`npx -y pnpm@10 demo`): starts the GenAuth emulator and the
 * example backend on free loopback ports, plays a mobile app signing in (WeChat, Apple, Yidun through
 * the single route, a replayed code, a locked user), then lives the session on (the API with the access
 * token, refresh, logout, the refused tokens), prints what the backend answered, stops both and
 * exits 0, or 1 when any step did not answer as expected. `--keep` keeps both running, prints `curl`
 * commands to try by hand and the emulator's dashboard URL (Ctrl-C stops them).
 */
import { curlCommands } from './demo/curl';
import { producedMetricLines } from './demo/metrics-report';
import { runScenario } from './demo/scenario';
import { startDemoServers } from './demo/servers';

const keep = process.argv.slice(2).includes('--keep');
const print = (line: string) => console.log(line);

/** Where a package was loaded from: proves the demo runs the built packages (`packages/core/dist/…`). */
function loadedFrom(specifier: string): string {
  try {
    const url = new URL(import.meta.resolve(specifier));
    return url.pathname.replace(/^.*?\/packages\//, 'packages/');
  } catch {
    return 'unknown';
  }
}

/** What the backend's own `GET /metrics` counted of the logins above (a failure to read it is only reported). */
async function printMetrics(appUrl: string): Promise<void> {
  print(`What the backend's GET /metrics counted (passport_genauth_*, from @passport-genauth/prometheus):`);
  try {
    for (const line of await producedMetricLines(appUrl)) print(`  ${line}`);
  } catch (error) {
    print(`  (could not read it: ${error instanceof Error ? error.message : String(error)})`);
  }
  print('');
}

async function main(): Promise<number> {
  let backendLog: (line: string) => void = () => {};
  const servers = await startDemoServers((line) => backendLog(line), { dashboard: keep });
  print('passport-genauth demo: a mobile app signs in to an Express backend through GenAuth');
  print('');
  print(`  GenAuth emulator  ${servers.emulatorUrl}  (${servers.description})`);
  print(`  Example backend   ${servers.appUrl}  (examples/express, @passport-genauth/core from ${loadedFrom('@passport-genauth/core')})`);
  if (servers.dashboardUrl !== undefined) print(`  Dashboard         ${servers.dashboardUrl}`);
  let failed: number;
  try {
    failed = await runScenario(servers, print);
  } catch (error) {
    await servers.close();
    throw error;
  }
  await printMetrics(servers.appUrl);
  print(failed === 0 ? 'Every step answered as expected.' : `${failed} step(s) did NOT answer as expected.`);
  if (!keep || failed > 0) {
    await servers.close();
    print('Servers stopped.');
    return failed === 0 ? 0 : 1;
  }
  print('');
  print('Both servers keep running (--keep). Try them (Ctrl-C to stop):');
  print('');
  for (const line of curlCommands(servers)) print(line);
  print('');
  if (servers.dashboardUrl !== undefined) {
    print(`Or open the dashboard in a browser: ${servers.dashboardUrl}`);
    print('  mint a credential, send it to the backend, watch the exchange live, decode its tokens, arm a fault.');
    print('');
  }
  backendLog = (line) => print(`[backend] ${line}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await servers.close();
  print('Servers stopped.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The demo failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
