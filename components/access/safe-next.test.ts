import { expect, it } from "vitest";
import { safeNext } from "./safe-next";

it("keeps a path of this site with its query and hash", () => {
  expect(safeNext("/p/demo/releases?x=1")).toBe("/p/demo/releases?x=1");
  expect(safeNext("/p/demo/board?card=SL-4#history")).toBe("/p/demo/board?card=SL-4#history");
});

it.each([
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  "/%09/evil.example".replace("%09", "\u0009"),
  " /evil",
  "javascript:alert(1)",
  "/p\\..\\..\\evil",
  "/" + "a".repeat(3000),
])("sends %j home instead", (next) => {
  expect(safeNext(next)).toBe("/");
});

it("falls back home without a next", () => {
  expect(safeNext(null)).toBe("/");
  expect(safeNext("")).toBe("/");
});
