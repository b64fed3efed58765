import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Database } from "./client";

/** The sign-in library's view of Shiplane's database: its four tables, under Shiplane's names, on either dialect. */
export function authAdapter(database: Database) {
  const t = database.t;
  return drizzleAdapter(database.db, {
    provider: database.dialect === "sqlite" ? "sqlite" : "pg",
    schema: { user: t.users, session: t.sessions, account: t.accounts, verification: t.verifications },
  });
}
