import { findUserByEmail } from "../../db/repositories/access";
import type { Role } from "../../domain/access/roles";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { App } from "../app";
import { authOf } from "../auth/auth";
import type { SignedInUser } from "../auth/session";
import { setMemberRole } from "../services/members";
import { createCaller } from "../trpc/root";
import { createUser } from "../services/users";

export const ORIGIN = "http://localhost:3000";
const PASSWORD = "people-password";

/** Signs in through the real sign-in endpoint, as a browser at `ip` would; returns the answer and the cookie. */
export async function signIn(app: App, email: string, password: string, ip = "10.0.0.1") {
  const response = await authOf(app).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-shiplane-client-ip": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { response, cookie };
}

/** A person with `role` in the project (or an instance admin), signed in: their user and session cookie. */
export async function person(app: App, project: string, role: Role | "instance-admin") {
  const email = `${role}@people.test`;
  if (!(await findUserByEmail(app.database, email))) {
    await createUser(app, LOCAL_OPERATOR, {
      email,
      password: PASSWORD,
      siteRole: role === "instance-admin" ? "admin" : "user",
    });
    if (role !== "instance-admin") await setMemberRole(app, LOCAL_OPERATOR, { project, email, role });
  }
  const row = (await findUserByEmail(app.database, email))!;
  const user: SignedInUser = { id: row.id, email, name: row.name, siteAdmin: role === "instance-admin" };
  const { cookie } = await signIn(app, email, PASSWORD);
  return { user, cookie };
}

/** A tRPC caller signed in as `user`, from Shiplane's own pages, with each procedure callable by name. */
export function callerAs(app: App, user: SignedInUser) {
  return createCaller({
    app,
    user,
    actor: { id: `user:${user.email}`, role: "viewer" },
    sameOrigin: true,
  }) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
}
