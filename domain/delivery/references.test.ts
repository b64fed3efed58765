import { describe, expect, it } from "vitest";
import { findItemReferences } from "./references";

describe("findItemReferences", () => {
  it.each([
    ["SL-42 add search", [42]],
    ["feature/sl-42-search", [42]],
    ["Fix SL-7 and SL-8, again SL-7", [7, 8]],
    ["[#42] Search box", [42]],
    ["Search box [finishes #42]", [42]],
    ["[Fixes #12] [delivers #13]", [12, 13]],
    ["ISSL-42 is another project", []],
    ["SL-420x", [420]],
    ["#42 without brackets", []],
    ["no reference at all", []],
  ])("%s", (text, expected) => {
    expect(findItemReferences(text, "SL")).toEqual(expected);
  });
});
