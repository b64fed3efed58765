import type { ReactNode } from "react";
import { isWebUrl } from "@/domain/web-url";

// Underlined, so that a link in a line of text is told apart by more than its colour.
const LINK = "text-blue-700 underline underline-offset-2 dark:text-blue-400";

/**
 * A link to an address from outside (a CI build, a pull request, an environment), only when it
 * is http(s); anything else shows as plain text, so no stored `javascript:` can run on a click.
 */
export function WebLink({
  href,
  children,
  newTab = false,
}: {
  href: string | null | undefined;
  children: ReactNode;
  newTab?: boolean;
}) {
  if (!isWebUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} className={LINK} {...(newTab ? { target: "_blank", rel: "noreferrer" } : {})}>
      {children}
    </a>
  );
}
