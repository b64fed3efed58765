/** Share of finished builds that passed; null when none finished. */
export function buildPassRate(builds: { status: string }[]): number | null {
  const finished = builds.filter((b) => b.status === "passed" || b.status === "failed");
  return finished.length ? finished.filter((b) => b.status === "passed").length / finished.length : null;
}

/** Per suite: how many runs, and the share of runs with no failing test. */
export function suitePassRates(
  runs: { suite: string; failed: number }[],
): { suite: string; runs: number; passRate: number }[] {
  const bySuite = new Map<string, { runs: number; green: number }>();
  for (const run of runs) {
    const entry = bySuite.get(run.suite) ?? { runs: 0, green: 0 };
    entry.runs++;
    if (run.failed === 0) entry.green++;
    bySuite.set(run.suite, entry);
  }
  return [...bySuite]
    .map(([suite, { runs, green }]) => ({ suite, runs, passRate: green / runs }))
    .sort((a, b) => a.suite.localeCompare(b.suite));
}
