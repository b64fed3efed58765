import { expect, it } from "vitest";
import { isWebUrl, webUrlOrNull } from "./web-url";

it("takes http and https addresses", () => {
  expect(isWebUrl("https://ci.example.com/builds/1")).toBe(true);
  expect(isWebUrl("http://10.0.0.5:8080/")).toBe(true);
});

it("takes a path on Shiplane's own site", () => {
  expect(isWebUrl("/demo/test/")).toBe(true);
});

it.each([
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "file:///etc/passwd",
  "vbscript:msgbox",
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "https://shop.example.com/a b",
  "",
  `https://example.com/${"a".repeat(2100)}`,
])("refuses %j", (value) => {
  expect(isWebUrl(value)).toBe(false);
  expect(webUrlOrNull(value)).toBeNull();
});

it("refuses what is not a string", () => {
  expect(isWebUrl(null)).toBe(false);
  expect(isWebUrl({ href: "https://x" })).toBe(false);
});
