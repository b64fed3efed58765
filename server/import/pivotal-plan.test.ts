import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planPivotal } from "../../domain/import/pivotal";
import { readPivotalCsv } from "./pivotal-csv";

// Real Pivotal Tracker exports of three header generations (fixtures/README.md says whose).
const plan = (name: string) => {
  const { header, rows } = readPivotalCsv(fs.readFileSync(path.join(__dirname, "fixtures", "pivotal", name), "utf8"));
  return planPivotal(header, rows);
};
const perStage = (cards: { stage: string }[]) =>
  cards.reduce<Record<string, number>>((n, c) => ({ ...n, [c.stage]: (n[c.stage] ?? 0) + 1 }), {});

describe("Pivotal Tracker exports as import plans", () => {
  it("2011 (Story, Story Type, Note): every story, accepted ones with the day they went live", () => {
    const p = plan("fulcrum-2011-stories.csv");
    expect(perStage(p.cards)).toEqual({ idea: 12, story: 6, code: 3, live: 27 });
    expect(p.cards.filter((c) => c.moves.length)).toHaveLength(27);
    const timesheet = p.cards.find((c) => c.source === "pivotal:2045690")!;
    expect(timesheet.moves[0].at).toEqual(new Date("2010-02-18T00:00:00Z"));
    expect(timesheet.comments[0]).toMatchObject({ author: "Malcolm Locke", at: new Date("2010-02-08T00:00:00Z") });
  });

  it("2014 (Title, Type, quoted newlines): stories kept whole, a release row skipped", () => {
    const p = plan("fish-with-sinatra-2014-stories.csv");
    expect(perStage(p.cards)).toEqual({ story: 10 });
    expect(p.skipped).toEqual({ "release (not a story)": 1 });
    expect(p.cards[0].description).toContain('Then I see the word "Fish Homepage"\n\nremember to write a test!');
  });

  it("2019 (Owned By moved, Comment repeated): every state to its stage, estimates of zero kept", () => {
    const p = plan("workshop2_20191006_1729.csv");
    expect(perStage(p.cards)).toEqual({ idea: 4, story: 5, code: 2, build: 1, test: 1, live: 6 });
    expect(p.skipped).toEqual({ "release (not a story)": 3 });
    expect(p.cards.reduce((n, c) => n + c.comments.length, 0)).toBe(4);
    expect(p.cards.find((c) => c.source === "pivotal:164517314")!.estimate).toBe(0);
    expect(p.cards[0].labels).toEqual(["label one", "label two"]);
  });

  it("refuses what is not a CSV Shiplane can read, saying so", () => {
    expect(() => readPivotalCsv('Id,Title\n1,"unterminated')).toThrow(/not a CSV Shiplane can read/);
    expect(() => readPivotalCsv("")).toThrow(/empty/);
  });
});
