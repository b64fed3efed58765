import Link from "next/link";

const PAGES = [
  ["", "Board"],
  ["/releases", "Releases"],
  ["/metrics", "Metrics"],
  ["/pipeline", "Pipeline"],
  ["/archive", "Archive"],
  ["/audit", "Audit"],
  ["/settings", "Settings"],
] as const;

type Page = (typeof PAGES)[number][0] | "/deployments";

/** The project's pages, the current one marked. */
export function ProjectNav({ slug, current }: { slug: string; current: Page }) {
  return (
    <nav className="flex gap-1 text-[13px]" aria-label="Project">
      {PAGES.map(([path, label]) => (
        <Link
          key={path}
          href={`/p/${slug}${path}`}
          aria-current={path === current ? "page" : undefined}
          className={`rounded px-2 py-1 ${path === current ? "bg-black/5 font-medium dark:bg-white/10" : "muted hover:bg-black/5 dark:hover:bg-white/10"}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** The header of a project page that is not the board. */
export function PageHeader({ slug, title, current, children }: { slug: string; title: string; current: Exclude<Page, "">; children?: React.ReactNode }) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-[var(--border)] bg-[var(--panel)] px-4 py-2">
      <Link href="/" className="font-semibold tracking-tight">
        Shiplane
      </Link>
      <span className="muted">/</span>
      <h1 className="font-medium">{title}</h1>
      <ProjectNav slug={slug} current={current} />
      <div className="ml-auto flex items-center gap-2">{children}</div>
    </header>
  );
}
