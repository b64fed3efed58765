import { closestCenter, closestCorners, pointerWithin, rectIntersection, type CollisionDetection } from "@dnd-kit/core";

const isColumn = (id: unknown) => String(id).startsWith("column:");

/**
 * First the column (under the pointer, or overlapping the dragged card when moving by
 * keyboard), then the nearest card inside it. Plain corner distance prefers a small card
 * in the wrong column over a tall, empty column, so it is only the last resort.
 */
export const boardCollision: CollisionDetection = (args) => {
  const columns = args.droppableContainers.filter((c) => isColumn(c.id));
  const underPointer = args.pointerCoordinates ? pointerWithin({ ...args, droppableContainers: columns }) : [];
  const [column] = underPointer.length ? underPointer : rectIntersection({ ...args, droppableContainers: columns });
  if (!column) return closestCorners(args);
  const stage = columns.find((c) => c.id === column.id)?.data.current?.stage;
  const cards = args.droppableContainers.filter((c) => !isColumn(c.id) && c.data.current?.stage === stage);
  if (cards.length === 0) return [column];
  const nearest = closestCenter({ ...args, droppableContainers: cards });
  return nearest.length ? nearest : [column];
};
