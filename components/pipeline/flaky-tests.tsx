/** The flakiest test cases: name (and class), suite, and how often they flaked. */
export function FlakyTests({
  tests,
}: {
  tests: { name: string; className: string | null; suite: string; flaky: number; runs: number }[];
}) {
  return (
    <ol className="panel divide-y divide-[var(--border)] rounded-md text-[13px]">
      {tests.map((t) => (
        <li key={`${t.suite}|${t.className}|${t.name}`} className="flex gap-3 px-3 py-2">
          <span className="min-w-0 flex-1 truncate">
            {t.className && <span className="muted">{t.className} › </span>}
            {t.name}
          </span>
          <span className="muted">{t.suite}</span>
          <span>
            flaky {t.flaky} of {t.runs} runs
          </span>
        </li>
      ))}
    </ol>
  );
}
