"use client";
import Link from "next/link";
import type { Role } from "@/domain/access/roles";
import { useAccess } from "../access/access";
import { UserMenu } from "../access/user-menu";

export const PAGES: readonly (readonly [string, string, Role])[] = [
  ["", "Board", "viewer"],
  ["/releases", "Releases", "viewer"],
  ["/metrics", "Metrics", "viewer"],
  ["/pipeline", "Pipeline", "viewer"],
  ["/archive", "Archive", "viewer"],
  ["/members", "Members", "viewer"],
  ["/audit", "Audit", "admin"],
  ["/settings", "Settings", "admin"],
] as const;

type Page =
  "" | "/releases" | "/metrics" | "/pipeline" | "/archive" | "/members" | "/audit" | "/settings" | "/deployments";

/** The project's pages, the current one marked; pages the role cannot open are shown disabled with the reason. */
export function ProjectNav({ slug, current }: { slug: string; current: Page }) {
  const access = useAccess();
  const links = PAGES.map(([path, label, needed]) =>
    access.allows(needed) ? (
      <Link
        key={path}
        href={`/p/${slug}${path}`}
        aria-current={path === current ? "page" : undefined}
        className={`rounded px-2 py-1 ${path === current ? "bg-black/5 font-medium dark:bg-white/10" : "muted hover:bg-black/5 dark:hover:bg-white/10"}`}
      >
        {label}
      </Link>
    ) : (
      <span
        key={path}
        aria-disabled="true"
        title={access.why(needed)}
        className="muted cursor-not-allowed rounded px-2 py-1 opacity-50"
      >
        {label} <span className="sr-only">({access.why(needed)})</span>
      </span>
    ),
  );
  const here = PAGES.find(([path]) => path === current)?.[1] ?? "Pages";
  return (
    <>
      <nav className="hidden gap-1 text-[13px] md:flex" aria-label="Project">
        {links}
      </nav>
      {/* On a phone the pages fold into a menu, so that no page is wider than the screen. */}
      <details className="relative md:hidden">
        <summary className="flex h-8 cursor-pointer list-none items-center gap-1 rounded-md border border-[var(--border)] px-2 text-[13px] [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true">☰</span> {here}
        </summary>
        <nav
          aria-label="Project"
          className="panel absolute left-0 z-30 mt-1 flex w-48 flex-col gap-0.5 rounded-md p-1 text-[13px] shadow-lg"
        >
          {links}
        </nav>
      </details>
    </>
  );
}

/** The signed-in person's menu, for the right end of a project page's header. */
export function AccountMenu() {
  const access = useAccess();
  return access.user ? <UserMenu user={access.user} role={access.role} /> : null;
}

/** The header of a project page that is not the board. */
export function PageHeader({
  slug,
  title,
  current,
  children,
}: {
  slug: string;
  title: string;
  current: Exclude<Page, "">;
  children?: React.ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-[var(--border)] bg-[var(--panel)] px-4 py-2">
      <Link href="/" className="font-semibold tracking-tight">
        Shiplane
      </Link>
      <span className="muted">/</span>
      <h1 className="font-medium">{title}</h1>
      <ProjectNav slug={slug} current={current} />
      <div className="ml-auto flex items-center gap-2">
        {children}
        <AccountMenu />
      </div>
    </header>
  );
}
