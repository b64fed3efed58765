import { expect, it } from "vitest";
import { appRouter } from "./root";

it("every tRPC procedure declares the role it needs", () => {
  const procedures = Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { role?: string }; type: string } }>,
  );
  expect(procedures.length).toBeGreaterThan(30);
  const undeclared = procedures.filter(([, procedure]) => !procedure._def.meta?.role).map(([path]) => path);
  expect(undeclared).toEqual([]);
  const roles = Object.fromEntries(procedures.map(([path, procedure]) => [path, procedure._def.meta!.role]));
  // Reading is open to viewers; changing cards to members; releasing to release managers; settings to admins.
  expect(roles).toMatchObject({
    "board.get": "viewer",
    "item.move": "member",
    "release.deploy": "release-manager",
    "release.promote": "release-manager",
    "release.rollback": "release-manager",
    "release.configureEnvironment": "admin",
    "settings.createToken": "admin",
    "audit.list": "admin",
  });
  // Mutations never need less than a member.
  const open = procedures
    .filter(([, p]) => p._def.type === "mutation" && p._def.meta!.role === "viewer")
    .map(([path]) => path);
  expect(open).toEqual([]);
});
