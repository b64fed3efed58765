import { describe, expect, it } from "vitest";
import { cardTitle, markdownChecklist } from "./plan";
import { proposeStage, trelloIdTime } from "./trello";

describe("Trello lists to stages", () => {
  it("proposes a stage from the list's name, Idea when nothing matches", () => {
    expect(["Backlog", "Ideas", "Icebox"].map(proposeStage)).toEqual(["idea", "idea", "idea"]);
    expect(["Ready", "Next", "To Do", "TODO"].map(proposeStage)).toEqual(["story", "story", "story", "story"]);
    expect(["Doing", "In Progress"].map(proposeStage)).toEqual(["code", "code"]);
    expect(["Review", "QA", "Testing"].map(proposeStage)).toEqual(["test", "test", "test"]);
    expect(["Done", "Shipped", "Released"].map(proposeStage)).toEqual(["live", "live", "live"]);
    expect(proposeStage("Cosa mi lascia NAPS")).toBe("idea");
  });

  it("reads a card's creation time from its id", () => {
    expect(trelloIdTime("5a20262fcfb232c510d017bb")?.toISOString()).toBe("2017-11-30T15:39:27.000Z");
    expect(trelloIdTime("hashcard7")).toBeNull();
  });

  it("keeps titles visible and short", () => {
    expect(cardTitle("  Gift wrap  ")).toBe("Gift wrap");
    expect(cardTitle("\u200B \u2060")).toBe("(untitled)");
    expect(cardTitle("x".repeat(600))).toHaveLength(500);
    expect(
      markdownChecklist("Launch", [
        { text: "Copy", done: true },
        { text: "QA", done: false },
      ]),
    ).toBe("### Launch\n- [x] Copy\n- [ ] QA");
  });
});
