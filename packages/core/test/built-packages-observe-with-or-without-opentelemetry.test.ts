import { startEmulator, type Emulator } from '@passport-genauth/emulator';
import { buildCore, packageDir, type BuiltCore } from './support/built-core';
import { BUILT_CORE_SCRIPT } from './support/built-core-script';

/** What the script prints. */
interface ScriptResult {
  readonly telemetry: string;
  readonly events: string[];
  readonly uncaught: string[];
  readonly outcomes: Array<{ type: string; status?: number; code?: string; apiCode?: number; user: string | null }>;
  readonly spans: string[];
}

const EXPECTED_OUTCOMES = [
  { type: 'success', user: expect.any(String) },
  { type: 'fail', status: 401, code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, user: null },
];

describe('the published builds (tsup ESM and CJS), with @opentelemetry/api installed or not', () => {
  let emulator: Emulator;
  let absent: BuiltCore;
  let present: BuiltCore;

  beforeAll(async () => {
    emulator = await startEmulator();
    [absent, present] = await Promise.all([buildCore([]), buildCore(['@opentelemetry/api'])]);
  }, 60_000);
  afterAll(async () => {
    absent?.remove();
    present?.remove();
    await emulator?.close();
  });

  async function runScript(core: BuiltCore, format: 'esm' | 'cjs', env: Record<string, string> = {}): Promise<{ result: ScriptResult; stderr: string }> {
    const code = String(emulator.mintCredential('wechat', { user: 'ann' }).code);
    const { code: exit, stdout, stderr } = await core.run(BUILT_CORE_SCRIPT, { CORE_ENTRY: core.entry(format), APP_HOST: emulator.url, CODE: code, ...env });
    expect({ exit, stderr: exit === 0 ? '' : stderr }).toEqual({ exit: 0, stderr: '' });
    return { result: JSON.parse(stdout) as ScriptResult, stderr };
  }

  it.each(['esm', 'cjs'] as const)('%s without @opentelemetry/api: logins run unchanged, the channels still publish, nothing throws', async (format) => {
    const { result } = await runScript(absent, format, { SUBSCRIBE: 'record' });
    expect(result.telemetry).toBe('absent');
    expect(result.outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(result.events.filter((event) => event.startsWith('authenticate:'))).toEqual([
      ...['start', 'end', 'asyncStart', 'asyncEnd'].map((event) => `authenticate:${event}`),
      ...['start', 'end', 'asyncStart', 'asyncEnd'].map((event) => `authenticate:${event}`),
    ]);
    expect(result.uncaught).toEqual([]);
  });

  it.each(['esm', 'cjs'] as const)('%s with @opentelemetry/api and an SDK: the lazily loaded API records the spans', async (format) => {
    const { result } = await runScript(present, format, { SDK_DIR: packageDir('@opentelemetry/sdk-trace-base') });
    expect(result.telemetry).toBe('enabled');
    expect(result.outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(result.spans.filter((name) => name === 'genauth.authenticate')).toHaveLength(2);
    expect(result.spans).toEqual(expect.arrayContaining(['genauth.exchange', 'genauth.id_token.verify']));
  });

  it.each(['esm', 'cjs'] as const)('%s with @opentelemetry/api but no SDK registered: logins run unchanged', async (format) => {
    const { result } = await runScript(present, format);
    expect(result.telemetry).toBe('enabled');
    expect(result.outcomes).toEqual(EXPECTED_OUTCOMES);
  });

  it('NODE_DEBUG=passport-genauth prints one line per login on stderr: strategy, result, code, apiCode, requestId, ms', async () => {
    const { result, stderr } = await runScript(absent, 'esm', { NODE_DEBUG: 'passport-genauth' });
    expect(result.outcomes).toEqual(EXPECTED_OUTCOMES);
    const lines = stderr.split('\n').filter((line) => line.startsWith('PASSPORT-GENAUTH '));
    const locked = emulator.requests.at(-1);
    expect(lines).toEqual([
      expect.stringMatching(/^PASSPORT-GENAUTH \d+: login genauth-wechat result=success status=200 \d+ms$/),
      `PASSPORT-GENAUTH ${lines[1]?.split(' ')[1]?.replace(':', '')}: login genauth-wechat result=fail status=401 code=GENAUTH_SIGNIN_REJECTED apiCode=2005 statusCode=403 requestId=${locked?.requestId} ${lines[1]?.split(' ').at(-1)}`,
    ]);
    expect(lines[1]).toMatch(/ \d+ms$/);
    // Without NODE_DEBUG nothing is printed.
    const quiet = await runScript(absent, 'esm');
    expect(quiet.stderr).not.toContain('PASSPORT-GENAUTH');
  });

  it('a subscriber that throws on every event changes no outcome: Node re-throws each exception on the next tick, for the app to handle', async () => {
    const { result } = await runScript(absent, 'cjs', { SUBSCRIBE: 'throw' });
    expect(result.outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(result.events.length).toBeGreaterThan(0);
    // Every publish reached the throwing subscriber, and every throw reached the process as uncaught.
    expect(result.uncaught).toEqual(result.events.map((event) => `subscriber ${event} threw`));
  });
});
