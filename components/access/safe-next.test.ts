import { expect, it } from "vitest";
import { safeNext } from "./safe-next";

it("sends the browser on only to a page of this site", () => {
  expect(safeNext("/p/demo/releases?x=1")).toBe("/p/demo/releases?x=1");
  expect(safeNext("https://evil.example/")).toBe("/");
  expect(safeNext("//evil.example/")).toBe("/");
  expect(safeNext("/\\evil.example")).toBe("/");
  expect(safeNext(null)).toBe("/");
});
