/**
 * `tsx scripts/run-tests.ts <root script> …` (the root `test` script): runs each named root script in turn,
 * every one even when an earlier one failed, and ends with one summary line that CI reads:
 * `N passed, N failed[, N skipped]`. Jest's tests and the consumer test's checks are counted one by
 * one (Jest through `--json`, the others through the file named by TEST_REPORT_FILE); any other
 * script (tsc, eslint, prettier) counts as one check. Exits 1 when anything failed. With TEST_SUMMARY_FILE
 * set, the summary line is also written to that file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runCommand } from './run-command';
import { repoRoot, type PackageManifest } from './workspace';

/** Counts a step reports, in TEST_REPORT_FILE. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

interface JestJson {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly numTodoTests: number;
  readonly numRuntimeErrorTestSuites: number;
}

/** The counts in a report file: Jest's `--json` or `{ passed, failed, skipped }`; undefined when unreadable. */
function readCounts(file: string): TestCounts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as Partial<JestJson & TestCounts>;
    if (typeof report.numPassedTests === 'number') {
      const jest = report as JestJson;
      // A suite that failed to load has no test results: count it as one failure.
      return { passed: jest.numPassedTests, failed: jest.numFailedTests + jest.numRuntimeErrorTestSuites, skipped: jest.numPendingTests + jest.numTodoTests };
    }
    if (typeof report.passed === 'number' && typeof report.failed === 'number')
      return { passed: report.passed, failed: report.failed, skipped: report.skipped ?? 0 };
  } catch {
    // unreadable: the exit code decides
  }
  return undefined;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `N passed, N failed[, N skipped]`. */
export function summaryLine(counts: TestCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`;
}

async function main(steps: readonly string[]): Promise<number> {
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageManifest).scripts ?? {};
  const unknown = steps.filter((step) => scripts[step] === undefined);
  if (steps.length === 0 || unknown.length > 0) {
    process.stderr.write(`usage: tsx scripts/run-tests.ts <root script> …${unknown.length > 0 ? ` (no root script named ${unknown.join(', ')})` : ''}\n`);
    return 2;
  }
  const reports = mkdtempSync(join(tmpdir(), 'passport-genauth-test-'));
  const rows: string[] = [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  try {
    for (const [index, step] of steps.entries()) {
      const script = scripts[step] ?? '';
      const reportFile = join(reports, `${index}.json`);
      const isJest = /^jest(\s|$)/.test(script);
      const command = isJest ? `${script} --json --outputFile=${JSON.stringify(reportFile)}` : script;
      process.stdout.write(`\n> ${step}: ${script}\n`);
      const started = Date.now();
      const result = await runCommand(['sh', '-c', command], {
        show: true,
        env: { ...process.env, TEST_REPORT_FILE: reportFile, PATH: `${join(repoRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      });
      const reported = readCounts(reportFile);
      // A step that failed without reporting a failure (a crash, a failed build) still counts as one.
      const counts: TestCounts = reported
        ? { ...reported, failed: reported.failed + (result.code !== 0 && reported.failed === 0 ? 1 : 0) }
        : { passed: result.code === 0 ? 1 : 0, failed: result.code === 0 ? 0 : 1, skipped: 0 };
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      rows.push(`  ${result.code === 0 ? 'ok  ' : 'FAIL'}  ${step.padEnd(16)} ${summaryLine(counts).padEnd(36)} ${seconds(Date.now() - started)}`);
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
  process.stdout.write(`\n${rows.join('\n')}\n${summaryLine(total)}\n`);
  // .ci/run prints it again after pnpm's own failure notice, so that it stays the log's last line.
  if (process.env.TEST_SUMMARY_FILE) writeFileSync(process.env.TEST_SUMMARY_FILE, `${summaryLine(total)}\n`);
  return total.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
