import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client writes", () => {
    expect(clientAddress("6.6.6.6", "10.0.0.9", 0)).toBe("10.0.0.9");
  });

  it("takes the entry the trusted proxy appended, not the client's own", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real address.
    expect(clientAddress("6.6.6.6, 203.0.113.7", "127.0.0.1", 1)).toBe("203.0.113.7");
    expect(clientAddress(["6.6.6.6", "203.0.113.7"], "127.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("behind two proxies takes the second entry from the right", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", "10.0.0.3", 2)).toBe("203.0.113.7");
  });

  it("falls back to the peer when the header is missing or is not an address", () => {
    expect(clientAddress(undefined, "10.0.0.9", 1)).toBe("10.0.0.9");
    expect(clientAddress("<script>", "10.0.0.9", 1)).toBe("10.0.0.9");
    expect(clientAddress("", undefined, 1)).toBe("unknown");
  });
});
