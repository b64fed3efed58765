import path from "node:path";

/** The people of the end-to-end tests besides the admin; each signs in once, in the setup project. */
export const PEOPLE = [
  { key: "member", email: "member@e2e.test", password: "e2e-member-password", name: "Mia Member", role: "member" },
  {
    key: "release-manager",
    email: "release@e2e.test",
    password: "e2e-release-password",
    name: "Rui Release",
    role: "release-manager",
  },
] as const;

export function storageOf(key: string): string {
  return path.join(import.meta.dirname, ".auth", `${key}.json`);
}
