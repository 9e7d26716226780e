// A Stryker reporter for `pnpm mutation` (stryker.config.mjs): appends every mutant's result to
// reports/mutation/mutants.ndjson the moment it is known, one JSON line each. A full run over core
// takes about an hour; with this log, survivors can be read (and tests written for them) while it
// runs, instead of only from the HTML report at the end.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const LOG = 'reports/mutation/mutants.ndjson';

class MutantLogReporter {
  static inject = [];

  constructor() {
    mkdirSync(dirname(LOG), { recursive: true });
    writeFileSync(LOG, '');
  }

  onMutantTested(result) {
    const { id, fileName, location, mutatorName, replacement, status, statusReason } = result;
    const line = { id, file: relative(process.cwd(), fileName), line: location.start.line, column: location.start.column, mutatorName, replacement, status };
    if (status !== 'Killed' && statusReason) line.statusReason = String(statusReason).slice(0, 300);
    appendFileSync(LOG, `${JSON.stringify(line)}\n`);
  }
}

/** Stryker's plugin declaration, written out so it needs no import of @stryker-mutator/api. */
export const strykerPlugins = [{ kind: 'Reporter', name: 'mutant-log', injectableClass: MutantLogReporter }];
