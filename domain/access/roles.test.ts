import { describe, expect, it } from "vitest";
import { atLeast, forbidden, isRole, ROLE_FOR_SCOPE, ROLES } from "./roles";
import { SCOPES } from "./scopes";

describe("roles", () => {
  it.each([
    ["viewer", "viewer", true],
    ["viewer", "member", false],
    ["member", "member", true],
    ["member", "release-manager", false],
    ["release-manager", "member", true],
    ["release-manager", "admin", false],
    ["admin", "release-manager", true],
  ] as const)("%s may do what needs %s: %s", (role, needed, expected) => {
    expect(atLeast(role, needed)).toBe(expected);
  });

  it("maps every token scope to the least role that may do the same", () => {
    expect(Object.keys(ROLE_FOR_SCOPE).sort()).toEqual([...SCOPES].sort());
    expect(ROLE_FOR_SCOPE.deploy).toBe("release-manager");
    expect(ROLE_FOR_SCOPE["items:read"]).toBe("viewer");
  });

  it("knows its roles and explains a refusal", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("owner")).toBe(false);
    expect(forbidden("release-manager", "member")).toMatch(/needs the release-manager role; your role here is member/);
    expect(forbidden("viewer", null)).toMatch(/not a member/);
  });
});
