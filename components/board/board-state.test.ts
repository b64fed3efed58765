import { describe, expect, it } from "vitest";
import type { BoardCard } from "../../domain/funnel/card";
import { positionsFor } from "../../domain/funnel/ordering";
import { matchesFilter, moveCardLocally, readFilter, upsertCard } from "./board-state";

const [p1, p2, p3] = positionsFor(3);
const card = (id: number, stage: BoardCard["stage"], position: string, over: Partial<BoardCard> = {}): BoardCard => ({
  id,
  key: `SL-${id}`,
  kind: "story",
  title: `Card ${id}`,
  owner: null,
  labels: [],
  estimate: null,
  stage,
  position,
  version: 1,
  blocked: false,
  blockedReason: null,
  needsManualQa: false,
  ageDays: 0,
  ageing: false,
  badges: { pr: null, build: null, release: null, tests: null, deployment: null },
  ...over,
});
const board = {
  cards: [card(1, "code", p1), card(2, "code", p2), card(3, "code", p3), card(4, "build", p1)],
  lastEventId: 10,
};
const order = (b: typeof board, stage: string) => b.cards.filter((c) => c.stage === stage).map((c) => c.id);

describe("board cache patches", () => {
  it("moves a card between neighbours in another column", () => {
    const moved = moveCardLocally(board, 2, "build", null, 4);
    expect(order(moved, "build")).toEqual([2, 4]);
    expect(order(moved, "code")).toEqual([1, 3]);
  });

  it("reorders within a column", () => {
    expect(order(moveCardLocally(board, 1, "code", 3, null), "code")).toEqual([2, 3, 1]);
    expect(order(moveCardLocally(board, 3, "code", null, 1), "code")).toEqual([3, 1, 2]);
  });

  it("applies a newer card from the server and ignores an older one", () => {
    const newer = upsertCard(board, card(1, "build", p2, { version: 2 }), 11);
    expect(order(newer, "build")).toEqual([4, 1]);
    expect(newer.lastEventId).toBe(11);
    const stale = upsertCard(newer, card(1, "code", p1, { version: 1 }), 9);
    expect(order(stale, "build")).toEqual([4, 1]);
    expect(stale.lastEventId).toBe(11);
  });

  it("drops a rejected card from the board", () => {
    expect(upsertCard(board, card(2, "rejected", p2, { version: 2 })).cards.map((c) => c.id)).toEqual([1, 3, 4]);
  });
});

describe("filters", () => {
  it("reads the URL and matches text, owner and label", () => {
    const filter = readFilter(new URLSearchParams("q=sl-1&owner=ana&label=ux"));
    expect(filter).toEqual({ q: "sl-1", owner: "ana", label: "ux" });
    expect(matchesFilter(card(1, "code", p1, { owner: "ana", labels: ["ux"] }), filter)).toBe(true);
    expect(matchesFilter(card(1, "code", p1, { owner: "ben", labels: ["ux"] }), filter)).toBe(false);
    expect(matchesFilter(card(2, "code", p1, { owner: "ana", labels: ["ux"] }), filter)).toBe(false);
    expect(matchesFilter(card(1, "code", p1), { q: "", owner: "none", label: "" })).toBe(true);
  });
});
