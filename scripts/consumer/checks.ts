/** The consumer test's checks: each is printed as it ends and counted for the summary. */

/** One finished check. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed. */
  readonly detail?: string;
}

/** Collects checks and prints `✓ name` / `✗ name` followed by the reason, indented. */
export class Checks {
  readonly results: CheckResult[] = [];

  /** Records a finished check. */
  record(name: string, ok: boolean, detail?: string): boolean {
    this.results.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
    const reason = !ok && detail ? `\n${detail.trimEnd().replace(/^/gm, '      ')}` : '';
    process.stdout.write(`  ${ok ? '✓' : '✗'} ${name}${reason}\n`);
    return ok;
  }

  /** Runs `body` as one check: it passes when `body` returns no problems and does not throw. */
  async run(name: string, body: () => Promise<readonly string[]> | readonly string[]): Promise<boolean> {
    try {
      const problems = await body();
      return this.record(name, problems.length === 0, problems.join('\n'));
    } catch (error) {
      return this.record(name, false, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }

  /** Records the `ok - name` / `not ok - name: reason` lines an app printed; returns whether any was printed. */
  recordTap(prefix: string, output: string): number {
    let count = 0;
    for (const line of output.split('\n')) {
      const match = /^(ok|not ok) - (.*?)(?:: (.*))?$/.exec(line.trimEnd());
      if (!match?.[2]) continue;
      count += 1;
      this.record(`${prefix}: ${match[2]}`, match[1] === 'ok', match[3]?.replace(/\\n/g, '\n'));
    }
    return count;
  }

  get passed(): number {
    return this.results.filter((result) => result.ok).length;
  }

  get failed(): number {
    return this.results.length - this.passed;
  }
}
