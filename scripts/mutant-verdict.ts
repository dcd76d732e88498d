// Whether a mutant is killed, decided from vitest's JSON report (`--reporter=json`) and the exit
// code, never from vitest's printed text. The JSON report has three blind spots this reads around:
// a `beforeAll` that throws or times out marks its tests "skipped", like tests skipped on purpose,
// and drops its error, but leaves the file "failed"; a file that cannot be loaded has no test and
// its error in `message`; an unhandled error (a rejection left behind) leaves every file "passed"
// and `success` true, and only the exit code says the run failed.

/** The part of vitest's JSON report read here. */
export interface VitestJson {
  success: boolean;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

/**
 * What failed in a run of the tests on a mutant, one line each; empty when nothing did (the mutant
 * survived). `report` is null when vitest wrote none (it crashed); `exit` is its exit code; file
 * names are shown relative to `root`.
 */
export function mutantFailures(report: VitestJson | null, exit: number | null, root: string): string[] {
  if (report === null) return [`(no report: the test run crashed, exit ${exit})`];
  const short = (name: string) => (name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name);
  const failures = report.testResults.flatMap((f) => {
    const tests = f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName);
    if (tests.length > 0 || f.status !== 'failed') return tests;
    // Failed with no failing test: it could not be loaded (its error in `message`), or a hook failed.
    const why = f.message ? `could not run: ${f.message.split('\n')[0]}` : 'a hook failed; vitest reports the tests it stopped as skipped';
    return [`${short(f.name)} (${why})`];
  });
  if (failures.length === 0 && (!report.success || exit !== 0)) return [`(vitest exited ${exit} with no failing test: an error outside the tests)`];
  return failures;
}
