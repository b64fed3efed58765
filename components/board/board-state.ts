import { comparePositions, positionBetween } from "../../domain/funnel/ordering";
import type { BoardCard } from "../../domain/funnel/card";
import type { StageKey } from "../../domain/funnel/stages";

/** The board as the client holds it in the query cache (only what these helpers need). */
export interface BoardData {
  cards: BoardCard[];
  lastEventId: number;
}

/** Puts a card where the server says it is now, unless the cache already holds a newer version. */
export function upsertCard<B extends BoardData>(board: B, card: BoardCard, eventId?: number): B {
  const existing = board.cards.find((c) => c.id === card.id);
  const lastEventId = Math.max(board.lastEventId, eventId ?? 0);
  if (existing && existing.version > card.version) return { ...board, lastEventId };
  const others = board.cards.filter((c) => c.id !== card.id);
  const cards = card.stage === "rejected" ? others : [...others, card].sort(comparePositions);
  return { ...board, cards, lastEventId };
}

/** Moves a card locally, the way the server will: between its new neighbours. */
export function moveCardLocally<B extends BoardData>(
  board: B,
  cardId: number,
  toStage: StageKey,
  afterId: number | null,
  beforeId: number | null,
): B {
  const card = board.cards.find((c) => c.id === cardId);
  if (!card) return board;
  const column = board.cards.filter((c) => c.stage === toStage && c.id !== cardId);
  const above = afterId === null ? null : (column.find((c) => c.id === afterId) ?? null);
  const below = beforeId === null ? null : (column.find((c) => c.id === beforeId) ?? null);
  let position: string;
  if (above) {
    const next = column[column.indexOf(above) + 1];
    position = positionBetween(above.position, next?.position ?? null);
  } else if (below) {
    const previous = column[column.indexOf(below) - 1];
    position = positionBetween(previous?.position ?? null, below.position);
  } else {
    position = card.stage === toStage ? card.position : positionBetween(column.at(-1)?.position ?? null, null);
  }
  const moved = { ...card, stage: toStage, position };
  return { ...board, cards: [...board.cards.filter((c) => c.id !== cardId), moved].sort(comparePositions) };
}

export interface BoardFilter {
  q: string;
  owner: string;
  label: string;
}

export function readFilter(params: URLSearchParams): BoardFilter {
  return { q: params.get("q") ?? "", owner: params.get("owner") ?? "", label: params.get("label") ?? "" };
}

export function matchesFilter(card: BoardCard, filter: BoardFilter): boolean {
  const q = filter.q.trim().toLowerCase();
  if (q && !card.title.toLowerCase().includes(q) && !card.key.toLowerCase().includes(q)) return false;
  if (filter.owner && (filter.owner === "none" ? card.owner !== null : card.owner !== filter.owner)) return false;
  if (filter.label && !card.labels.includes(filter.label)) return false;
  return true;
}

export function groupByStage(cards: BoardCard[]): Map<string, BoardCard[]> {
  const columns = new Map<string, BoardCard[]>();
  for (const card of cards) {
    const list = columns.get(card.stage);
    if (list) list.push(card);
    else columns.set(card.stage, [card]);
  }
  return columns;
}
