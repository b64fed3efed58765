import { expect, it } from "vitest";
import { unstorableText } from "./text";

it("passes ordinary text, emoji and every other Unicode character", () => {
  expect(unstorableText({ title: "Checkout 🚀 – naïve 中文", labels: ["a", "b"], n: 3 })).toBeNull();
});

it("names where a NUL or an unpaired surrogate is", () => {
  expect(unstorableText({ title: "a\u0000b" })).toBe("title");
  expect(unstorableText({ labels: ["ok", "\ud800"] })).toBe("labels.1");
  expect(unstorableText({ deep: { "\udc00": 1 } })).toBe("deep.\udc00");
  expect(unstorableText("\udfff tail")).toBe("input");
});
