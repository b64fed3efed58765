import { describe, expect, it } from "vitest";
import { mergeEdits } from "./merge-edits";

const base = { title: "Gift wrap", description: "At checkout", owner: "" };

describe("merging your edits with someone else's save", () => {
  it("keeps what only you changed and takes what only they changed", () => {
    const mine = { ...base, title: "Gift wrapping" };
    const theirs = { ...base, owner: "ana" };
    expect(mergeEdits(base, mine, theirs)).toEqual({
      merged: { title: "Gift wrapping", description: "At checkout", owner: "ana" },
      conflicts: [],
    });
  });

  it("keeps yours where you both changed a field differently, and names it", () => {
    const mine = { ...base, description: "Offer it at checkout" };
    const theirs = { ...base, description: "Only for orders over 20 €" };
    expect(mergeEdits(base, mine, theirs)).toEqual({
      merged: mine,
      conflicts: ["description"],
    });
  });

  it("is no conflict when you both made the same change", () => {
    const same = { ...base, title: "Gift wrapping" };
    expect(mergeEdits(base, same, same).conflicts).toEqual([]);
  });

  it("takes theirs whole when you changed nothing", () => {
    const theirs = { title: "New", description: "New text", owner: "bo" };
    expect(mergeEdits(base, base, theirs)).toEqual({ merged: theirs, conflicts: [] });
  });
});
