import { describe, expect, it } from "vitest";
import { comparePositions, positionBetween, positionsFor } from "./ordering";

describe("card positions", () => {
  it("puts a key strictly between its neighbours, byte-wise", () => {
    const [a, b] = positionsFor(2);
    const mid = positionBetween(a, b);
    expect(a < mid && mid < b).toBe(true);
    expect(positionBetween(null, a) < a).toBe(true);
    expect(positionBetween(b, null) > b).toBe(true);
  });

  it("keeps inserting at the top without running out", () => {
    let top = positionBetween(null, null);
    for (let i = 0; i < 500; i++) {
      const next = positionBetween(null, top);
      expect(next < top).toBe(true);
      top = next;
    }
  });

  it("recovers when the neighbours arrive out of order", () => {
    const [a, b] = positionsFor(2);
    expect(positionBetween(b, a) > b).toBe(true);
  });

  it("breaks ties by id", () => {
    const cards = [
      { id: 2, position: "a0" },
      { id: 1, position: "a0" },
      { id: 3, position: "Zz" },
    ];
    expect(cards.sort(comparePositions).map((c) => c.id)).toEqual([3, 1, 2]);
  });
});
