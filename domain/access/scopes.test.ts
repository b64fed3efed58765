import { describe, expect, it } from "vitest";
import { grants, parseDuration, parseScopes } from "./scopes";

describe("token scopes", () => {
  it("parses a comma-separated list and refuses unknown or empty ones", () => {
    expect(parseScopes("builds:write, tests:write,builds:write")).toEqual(["builds:write", "tests:write"]);
    expect(() => parseScopes("builds:write,deploy:all")).toThrow(/Unknown scope deploy:all/);
    expect(() => parseScopes(" , ")).toThrow(/at least one scope/);
  });

  it("lets admin do everything and others only what they name", () => {
    expect(grants(["builds:write"], "builds:write")).toBe(true);
    expect(grants(["builds:write"], "tests:write")).toBe(false);
    expect(grants(["admin"], "deploy")).toBe(true);
  });

  it("reads expiry durations", () => {
    expect(parseDuration("90d")).toBe(90 * 86_400_000);
    expect(parseDuration("12h")).toBe(12 * 3_600_000);
    expect(parseDuration(undefined)).toBeNull();
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
    for (const never of ["0d", "0m", "0h", "100000000d", "3651d", "99999999999999999999d"])
      expect(() => parseDuration(never), never).toThrow(/not a lifetime|not a duration/);
    expect(parseDuration("1m")).toBe(60_000);
    expect(parseDuration("3650d")).toBe(3650 * 86_400_000);
  });
});
