import { describe, expect, it } from "vitest";
import { addressKey, decideAttempt } from "./sign-in-limit";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("decideAttempt", () => {
  it("allows attempts under both limits", () => {
    expect(decideAttempt({ account: [ago(50), ago(40), ago(30), ago(20)], address: [] }, now)).toEqual({
      allowed: true,
    });
  });

  it("refuses the sixth guess at one account until the oldest leaves the window", () => {
    const account = [ago(50), ago(40), ago(30), ago(20), ago(10)];
    expect(decideAttempt({ account, address: account }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 10,
      by: "account",
    });
  });

  it("refuses the 31st attempt from one address even at different accounts", () => {
    const address = Array.from({ length: 30 }, (_, i) => ago(59 - i));
    expect(decideAttempt({ account: [], address }, now)).toMatchObject({
      allowed: false,
      by: "address",
      retryAfterSeconds: 1,
    });
  });
});

describe("addressKey", () => {
  it("keeps IPv4 addresses and unwraps IPv4-mapped IPv6", () => {
    expect(addressKey("10.1.2.3")).toBe("10.1.2.3");
    expect(addressKey("::ffff:10.1.2.3")).toBe("10.1.2.3");
  });

  it("counts IPv6 by its /64, however it is written", () => {
    expect(addressKey("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(addressKey("[2001:DB8:0:1::5]")).toBe("2001:db8:0:1::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("2001:db8:0:2::1")).not.toBe(addressKey("2001:db8:0:1::1"));
  });

  it("names a missing address", () => {
    expect(addressKey(null)).toBe("unknown");
  });
});
