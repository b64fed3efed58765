import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planTrello } from "../../domain/import/trello";

// Real Trello exports (fixtures/README.md says whose): the plan each makes, exactly.
const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "trello", name), "utf8")) as unknown;
const perStage = (cards: { stage: string }[]) =>
  cards.reduce<Record<string, number>>((n, c) => ({ ...n, [c.stage]: (n[c.stage] ?? 0) + 1 }), {});

describe("a Trello board as an import plan", () => {
  it("a small board: one card in its list's stage", () => {
    const plan = planTrello(fixture("deck-data-trelloJson.json"));
    expect(plan.name).toBe("Test Board Name");
    expect(plan.cards.map((c) => [c.title, c.stage])).toEqual([["Name Card 7", "story"]]);
    expect(plan.partialHistory).toBe(false);
  });

  it("a board with history: stages, moves with their dates, comments, checklists, labels and owners", () => {
    const plan = planTrello(fixture("how-goes-it-2017.json"));
    expect(perStage(plan.cards)).toEqual({ idea: 9, story: 6, code: 4, test: 1, live: 19 });
    expect(plan.skipped).toEqual({ "archived in Trello (import them with --archived)": 1 });
    expect(plan.cards.reduce((n, c) => n + c.comments.length, 0)).toBe(17);
    const wireframes = plan.cards.find((c) => c.title === "#5 Web App Wireframes (Desktop)")!;
    expect(wireframes).toMatchObject({ stage: "live", owner: "andrejciho", labels: ["Strategy"], kind: "story" });
    expect(wireframes.description).toContain("- [x] Add wireframes showing state with fresh account");
    expect(wireframes.moves).toEqual([
      { at: new Date("2017-12-08T02:45:46.830Z"), from: "test", to: "live", actor: "andrejciho" },
    ]);
    // Every history ends where the card is, each move from where the previous one went.
    for (const card of plan.cards) {
      let at = card.createdIn;
      for (const move of card.moves) {
        expect(move.from).toBe(at);
        expect(move.at.getTime()).toBeGreaterThanOrEqual(card.createdAt.getTime());
        at = move.to;
      }
      expect(at).toBe(card.stage);
    }
  });

  it("archived cards and closed lists: skipped, or in the Archive with --archived", () => {
    const plain = planTrello(fixture("mycorner-2020.json"));
    expect(plain.cards).toHaveLength(54);
    expect(plain.skipped).toEqual({ "archived in Trello (import them with --archived)": 23 });
    const all = planTrello(fixture("mycorner-2020.json"), { archived: true });
    expect(all.cards).toHaveLength(77);
    expect(all.cards.filter((c) => c.stage === "rejected")).toHaveLength(23);
    expect(all.cards.find((c) => c.stage === "rejected")!.note).toMatch(/^archived in Trello/);
  });

  it("takes a mapping by list name or id over the proposed one", () => {
    const plan = planTrello(fixture("mycorner-2020.json"), { map: { "IN STANDBY": "story" } });
    expect(plan.lists!.find((l) => l.name === "IN STANDBY")!.stage).toBe("story");
    expect(perStage(plan.cards).story).toBe(3 + 9);
  });

  it("refuses what is not a Trello board, saying what is missing", () => {
    for (const bad of [null, [], "text", { name: "x" }, { lists: [] }])
      expect(() => planTrello(bad)).toThrow(/not a Trello board export: it has no "lists" and "cards"/);
  });
});
