import type { Scope } from "./scopes";

/** A person's role in a project; each includes what the ones before it may do. */
export const ROLES = ["viewer", "member", "release-manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, member: 1, "release-manager": 2, admin: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The least project role that may do what a token scope allows, for callers signed in with a session. */
export const ROLE_FOR_SCOPE: Record<Scope, Role> = {
  "items:read": "viewer",
  "items:write": "member",
  "builds:write": "member",
  "tests:write": "member",
  "alerts:write": "member",
  deploy: "release-manager",
  admin: "admin",
};

export function forbidden(needed: Role, role: Role | null): string {
  const have = role ? `your role here is ${role}` : "you are not a member of this project";
  return `This needs the ${needed} role; ${have}. Ask a project admin to change your role on the Members page.`;
}
