import { describe, expect, it } from "vitest";
import { pivotalComment, pivotalDate, planPivotal } from "./pivotal";

describe("Pivotal Tracker CSV rows to cards", () => {
  it("reads Pivotal's dates as UTC days, with or without a time", () => {
    expect(pivotalDate("Oct 7, 2010")?.toISOString()).toBe("2010-10-07T00:00:00.000Z");
    expect(pivotalDate("Sep 17, 2019, 3:04 pm")?.toISOString()).toBe("2019-09-17T15:04:00.000Z");
    expect(pivotalDate("")).toBeNull();
    expect(pivotalDate("soon")).toBeNull();
  });

  it("takes a comment's author and date from its trailing (Author - Mon D, YYYY)", () => {
    expect(pivotalComment("Looks good (Ana Lima - Feb 8, 2010)", new Date(0))).toEqual({
      text: "Looks good",
      author: "Ana Lima",
      at: new Date("2010-02-08T00:00:00Z"),
    });
    expect(pivotalComment("No author here", new Date(5)).author).toBe("someone on Pivotal Tracker");
  });

  it("finds columns by name in any order and generation, reads every copy, and takes short rows", () => {
    const header = ["Story", "Id", "Story Type", "Current State", "Created at", "Accepted at", "Owned By", "Owned By"];
    header.push("Estimate", "Labels", "Note", "Note", "Task", "Task Status", "Blocker", "Blocker Status");
    const plan = planPivotal(
      header,
      [
        ["Wishlist", "1", "feature", "accepted", "Oct 7, 2010", "Oct 9, 2010", "ana", "ben", "0", "ux, web"],
        ["Crash on save", "2", "bug", "rejected", "Oct 8, 2010", "", "", "", "", "", "Repro? (Ben - Oct 8, 2010)"],
        ["Tidy", "3", "chore", "started", "Oct 8, 2010", "", "", "", "", "", "", "", "Write docs", "completed"],
        ["Blocked one", "4", "feature", "unstarted", "Oct 8, 2010", "", "", "", "3"],
        ["Epic", "5", "epic"],
        ["Release 1", "6", "release"],
      ].map((row, i) => (i === 3 ? [...row, "", "", "", "", "", "Waiting on API", "unresolved"] : row)),
    );
    expect(plan.skipped).toEqual({ "epic (not a story)": 1, "release (not a story)": 1 });
    const [wishlist, crash, tidy, blocked] = plan.cards;
    expect(wishlist).toMatchObject({
      stage: "live",
      owner: "ana",
      estimate: 0,
      labels: ["ux", "web"],
      createdIn: "story",
    });
    expect(wishlist.moves).toEqual([{ at: new Date("2010-10-09T00:00:00Z"), from: "story", to: "live", actor: null }]);
    expect(wishlist.comments[0].text).toBe("Also owned by ben.");
    expect(crash).toMatchObject({ stage: "code", labels: ["bug"], note: "rejected in Pivotal", estimate: null });
    expect(crash.comments).toEqual([{ text: "Repro?", author: "Ben", at: new Date("2010-10-08T00:00:00Z") }]);
    expect(tidy).toMatchObject({ stage: "code", labels: ["chore"] });
    expect(tidy.description).toContain("- [x] Write docs");
    expect(blocked).toMatchObject({ stage: "story", estimate: 3, blocked: true, blockedReason: "Waiting on API" });
  });

  it("refuses a CSV without an Id or a Title column, naming what is missing", () => {
    expect(() => planPivotal(["Name", "State"], [])).toThrow(/no "Id" and no "Title" \(or "Story"\) column/);
    expect(() => planPivotal(["Id", "State"], [])).toThrow(/no "Title" \(or "Story"\) column/);
  });
});
