import { describe, expect, it } from "vitest";
import { absoluteUrl, addressOf, EMPTY_SETTINGS, fromTemplate, targetSlot } from "./environment";

describe("environments", () => {
  it("deploys blue-green to the idle slot, in place to the environment", () => {
    expect(targetSlot("blue-green", "blue")).toBe("green");
    expect(targetSlot("blue-green", "green")).toBe("blue");
    expect(targetSlot("blue-green", null)).toBe("blue");
    expect(targetSlot("in-place", "blue")).toBeNull();
  });

  it("checks a slot at its own address, resolved against the app's", () => {
    const settings = { ...EMPTY_SETTINGS, url: "/demo/live/", slots: { blue: "/demo/live/blue/", green: null } };
    expect(addressOf(settings, "blue")).toBe("/demo/live/blue/");
    expect(addressOf(settings, "green")).toBe("/demo/live/");
    expect(absoluteUrl("/demo/live/blue/", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/demo/live/blue/");
    expect(absoluteUrl("https://shop.example.com/", "http://127.0.0.1:3000")).toBe("https://shop.example.com/");
    expect(absoluteUrl(null, "http://x")).toBeNull();
  });

  it("copies a template under a new name, addresses renamed and without its schedule", () => {
    const test = {
      ...EMPTY_SETTINGS,
      url: "/demo/test/",
      schedule: { cron: "0 2 * * *", timezone: null },
      deployer: { type: "command" as const, command: "deploy", timeoutSeconds: 60 },
    };
    expect(fromTemplate(test, "staging", "test")).toEqual({ ...test, url: "/demo/staging/", schedule: null });
  });
});
