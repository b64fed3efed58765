import Link from "next/link";
import type { AccessUser } from "./access";
import { UserMenu } from "./user-menu";

/** The header of the instance's own pages (Users, Workers): where you are, and your menu. */
export function InstanceHeader({ me, title }: { me: AccessUser; title: string }) {
  return (
    <header className="flex items-center gap-3 border-b border-[var(--border)] bg-[var(--panel)] px-4 py-2">
      <Link href="/" className="font-semibold tracking-tight">
        Shiplane
      </Link>
      <span className="muted">/</span>
      <h1 className="font-medium">{title}</h1>
      <div className="ml-auto">
        <UserMenu user={me} />
      </div>
    </header>
  );
}
