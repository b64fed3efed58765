import { KeyboardCode, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { STAGE_KEYS, isStageKey, type StageKey } from "../../domain/funnel/stages";

/** How far below a column's top a card in hand is put: past the header, over its first card. */
const BELOW_HEADER = 44;

/**
 * Where a card in hand goes on an arrow key: ← and → to the next column, empty ones included
 * (by the stage order, not by what lies nearest on screen), ↑ and ↓ past its neighbours.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, over, collisionRect, droppableRects } = args.context;
  if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right)
    return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const here = [over?.data.current?.stage, active.data.current?.stage].find(
    (stage): stage is StageKey => typeof stage === "string" && isStageKey(stage),
  );
  if (!here) return undefined;
  const step = event.code === KeyboardCode.Right ? 1 : -1;
  const next = STAGE_KEYS[STAGE_KEYS.indexOf(here) + step];
  const column = next ? droppableRects.get(`column:${next}`) : undefined;
  if (!column) return undefined;
  return { x: column.left + (column.width - collisionRect.width) / 2, y: column.top + BELOW_HEADER };
};
