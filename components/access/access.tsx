"use client";
import { createContext, useContext, type ReactNode } from "react";
import { atLeast, type Role } from "@/domain/access/roles";

export interface AccessUser {
  email: string;
  name: string;
  siteAdmin: boolean;
}

interface Access {
  user: AccessUser | null;
  role: Role;
}

const AccessContext = createContext<Access>({ user: null, role: "viewer" });

/** The signed-in person and their role in the project on screen, for the pages below. */
export function AccessProvider({ user, role, children }: Access & { children: ReactNode }) {
  return <AccessContext.Provider value={{ user, role }}>{children}</AccessContext.Provider>;
}

const WHAT: Record<Role, string> = {
  viewer: "viewers",
  member: "members",
  "release-manager": "release managers",
  admin: "project admins",
};

/**
 * What the signed-in person may do here: `allows(role)` to enable an action, and `why(role)` to
 * say on hover why it is disabled.
 */
export function useAccess() {
  const access = useContext(AccessContext);
  return {
    ...access,
    allows: (needed: Role) => atLeast(access.role, needed),
    why: (needed: Role) =>
      atLeast(access.role, needed)
        ? undefined
        : `Only ${WHAT[needed]} and above can do this; your role here is ${access.role}.`,
  };
}
