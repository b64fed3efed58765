import { describe, expect, it } from "vitest";
import { ageing, itemKey, normaliseLabels, normaliseTitle } from "./item";

describe("card fields", () => {
  it("trims titles and refuses empty or oversized ones", () => {
    expect(normaliseTitle("  Dark mode ")).toBe("Dark mode");
    expect(() => normaliseTitle(" ")).toThrow(/needs a title/);
    expect(normaliseTitle("x".repeat(500))).toHaveLength(500);
    expect(() => normaliseTitle("x".repeat(501))).toThrow(/at most 500 characters \(this one has 501\)/);
  });

  it("normalises labels", () => {
    expect(normaliseLabels(["UX", " ux", "", "Web "])).toEqual(["ux", "web"]);
    expect(() => normaliseLabels(["x".repeat(41)])).toThrow(/at most 40/);
  });

  it("formats keys", () => {
    expect(itemKey("SL", 42)).toBe("SL-42");
  });

  it("calls a card ageing past its stage's limit", () => {
    const entered = new Date("2026-03-01T00:00:00Z");
    expect(ageing("code", entered, new Date("2026-03-05T23:00:00Z"))).toEqual({ days: 4, ageing: false });
    expect(ageing("code", entered, new Date("2026-03-06T00:00:00Z"))).toEqual({ days: 5, ageing: true });
    expect(ageing("live", entered, new Date("2027-03-06T00:00:00Z")).ageing).toBe(false);
  });
});
