import { findUserByEmail } from "../../db/repositories/access";
import { ROLES } from "../../domain/access/roles";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { App } from "../app";
import { setMemberRole } from "../services/members";
import { createUser } from "../services/users";

/** One demo account per role, all with this password (printed at first start and in the README). */
export const DEMO_PASSWORD = "shiplane-demo";
export const DEMO_USERS = ROLES.map((role) => ({ email: `${role}@shiplane.demo`, role, name: `Demo ${role}` }));

/** Gives the demo project a person of each role; the admin also administers the instance. */
export async function seedDemoUsers(app: App, project: string): Promise<void> {
  for (const demo of DEMO_USERS) {
    if (!(await findUserByEmail(app.database, demo.email))) {
      await createUser(app, LOCAL_OPERATOR, {
        email: demo.email,
        password: DEMO_PASSWORD,
        name: demo.name,
        siteRole: demo.role === "admin" ? "admin" : "user",
      });
    }
    await setMemberRole(app, LOCAL_OPERATOR, { project, email: demo.email, role: demo.role });
  }
}
