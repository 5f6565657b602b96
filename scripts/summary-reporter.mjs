// A @web/test-runner reporter that writes the run's counts to a JSON file, so that
// scripts/test.mjs can print a pass count per engine and the tests each engine skipped.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function walk(suite, file, path, out) {
  for (const t of suite.tests ?? []) {
    const name = [...path, t.name].join(' › ');
    if (t.skipped) out.skipped.push(`${file}: ${name}`);
    else if (t.passed) out.passed++;
    else out.failed.push(`${file}: ${name}`);
  }
  for (const s of suite.suites ?? []) walk(s, file, [...path, s.name], out);
}

export function summaryReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      if (!outFile) return;
      const out = { passed: 0, failed: [], skipped: [], files: sessions.length, fileErrors: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        if (session.testResults) walk(session.testResults, file, [], out);
        // A file that failed to load or threw outside a test has errors but maybe no failed test.
        if (!session.passed && (session.errors?.length || !session.testResults)) out.fileErrors.push(file);
      }
      writeFileSync(outFile, JSON.stringify(out, null, 2));
    },
  };
}
