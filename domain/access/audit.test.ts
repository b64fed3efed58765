import { describe, expect, it } from "vitest";
import { accessSummary, auditSummary } from "./audit";

describe("audit lines", () => {
  it("say who got which role, and who was invited", () => {
    expect(auditSummary("member.role", { email: "ana@acme.test", from: null, role: "member" })).toBe(
      "ana@acme.test: none → member",
    );
    expect(auditSummary("member.role", { email: "ana@acme.test", from: "viewer", role: "admin" })).toBe(
      "ana@acme.test: viewer → admin",
    );
    expect(auditSummary("invite.created", { email: "new@acme.test", role: "viewer" })).toBe("new@acme.test as viewer");
  });

  it("say whose sign-in it was, from where, and why it failed", () => {
    expect(accessSummary("sign-in", "ana@acme.test", "10.0.0.1", {})).toBe("ana@acme.test · from 10.0.0.1");
    expect(accessSummary("sign-in.failed", "ana@acme.test", null, { reason: "Invalid email or password" })).toBe(
      "ana@acme.test · Invalid email or password",
    );
    expect(accessSummary("user.created", "ops@acme.test", null, { siteRole: "admin" })).toBe(
      "ops@acme.test · instance admin",
    );
    expect(accessSummary("user.created", "ana@acme.test", null, { siteRole: "user" })).toBe("ana@acme.test");
    expect(accessSummary("user.role", "ana@acme.test", null, { siteRole: "user" })).toBe(
      "ana@acme.test · no longer instance admin",
    );
  });
});
