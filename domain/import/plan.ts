import type { ItemStage, StageKey } from "../funnel/stages";

/**
 * What an import would write, before anything is written: the cards with their history, and
 * what was left out and why. Trello boards and Pivotal Tracker CSVs both become a plan; the
 * importer writes a plan in one transaction (or, for a dry run, only reports it).
 */
export interface ImportedCard {
  /** Where the card came from ("trello:5a1…", "pivotal:123"): a second import updates it instead of adding it. */
  source: string;
  title: string;
  description: string;
  kind: "idea" | "story";
  /** Its stage now; "rejected" puts it in the Archive. */
  stage: ItemStage;
  labels: string[];
  owner: string | null;
  estimate: number | null;
  blocked: boolean;
  blockedReason: string | null;
  createdAt: Date;
  /** The stage it was created in (where its history starts). */
  createdIn: ItemStage;
  /** Its moves between stages, oldest first, each from the stage the previous one reached. */
  moves: { at: Date; from: ItemStage; to: ItemStage; actor: string | null }[];
  comments: { at: Date; author: string; text: string }[];
  /** Why it is where it is, when that needs saying ("archived in Trello", "rejected in Pivotal"). */
  note: string | null;
}

export interface ImportPlan {
  source: "trello" | "pivotal";
  /** The board's or project's name (for a new project). */
  name: string;
  cards: ImportedCard[];
  /** What was not made into a card, by reason, with how many. */
  skipped: Record<string, number>;
  warnings: string[];
  /** The export did not carry every card's whole history (Trello keeps the newest 1,000 actions). */
  partialHistory: boolean;
  /** Trello: each open list, the stage it maps to, and how many cards it holds. */
  lists?: { id: string; name: string; stage: StageKey; cards: number }[];
}

const MAX_TITLE = 500;

/** A title as Shiplane keeps it: trimmed, "(untitled)" when nothing visible is left, at most 500 characters. */
export function cardTitle(raw: unknown): string {
  const text = typeof raw === "string" ? raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").trim() : "";
  if (!text || !/[^\s\p{Cf}]/u.test(text)) return "(untitled)";
  return [...text].slice(0, MAX_TITLE).join("");
}

/** A checklist as Markdown: a heading and one `- [ ]` line per item. */
export function markdownChecklist(name: string, items: { text: string; done: boolean }[]): string {
  return [
    `### ${name.trim() || "Checklist"}`,
    ...items.map((item) => `- [${item.done ? "x" : " "}] ${item.text.trim()}`),
  ].join("\n");
}

/** The stays a card's history makes: where it was created, then each move's stage. */
export function stageOfHistory(card: Pick<ImportedCard, "createdIn" | "moves">): ItemStage {
  return card.moves.at(-1)?.to ?? card.createdIn;
}

export function countSkipped(skipped: Record<string, number>, reason: string, by = 1): void {
  skipped[reason] = (skipped[reason] ?? 0) + by;
}
