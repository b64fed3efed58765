import { STAGE_KEYS, type StageKey } from "./stages";

// A card's walk through the funnel as its stays, and the stage intervals they make: shared by
// the synthetic history and by imports, which both write a past that the metrics read.

export interface Stay {
  stage: string;
  enteredAt: Date;
  leftAt: Date | null;
}

export interface Walk {
  created: Date;
  stays: Stay[];
  kind: "idea" | "story";
}

/** Each stay of each card as a stage interval, with where it came from, when it went on and reached Live. */
export function intervalRows(walks: Walk[], ids: number[], projectId: number) {
  return walks.flatMap((walk, i) => {
    const live = walk.stays.find((stay) => stay.stage === "live")?.enteredAt ?? null;
    return walk.stays.map((stay, s) => {
      const next = walk.stays[s + 1];
      const onward =
        next &&
        STAGE_KEYS.indexOf(next.stage as StageKey) === STAGE_KEYS.indexOf(stay.stage as StageKey) + 1 &&
        stay.stage !== "rejected";
      return {
        projectId,
        itemId: ids[i],
        ...stay,
        fromStage: s > 0 ? walk.stays[s - 1].stage : null,
        nextAt: onward ? stay.leftAt : null,
        liveAt: live && stay.stage !== "live" && live >= stay.enteredAt ? live : null,
      };
    });
  });
}
