import { DomainError } from "../errors";
import type { ItemStage, StageKey } from "../funnel/stages";
import { cardTitle, countSkipped, markdownChecklist, type ImportedCard, type ImportPlan } from "./plan";

/** A Trello board export (Menu → Print, export and share → Export as JSON), as far as it is read. */
interface TrelloList {
  id: string;
  name?: string;
  closed?: boolean;
  pos?: number;
}
interface TrelloCard {
  id: string;
  name?: string;
  desc?: string;
  closed?: boolean;
  idList?: string;
  pos?: number;
  idMembers?: string[];
  idLabels?: string[];
  labels?: { id?: string; name?: string; color?: string | null }[];
  attachments?: { name?: string; url?: string }[];
}
interface TrelloAction {
  type?: string;
  date?: string;
  memberCreator?: { username?: string; fullName?: string };
  data?: { card?: { id?: string }; listBefore?: { id?: string }; listAfter?: { id?: string }; text?: string };
}

/** Trello keeps at most this many actions in an export, newest first. */
export const TRELLO_ACTION_CAP = 1000;

const RULES: [RegExp, StageKey][] = [
  [/\b(done|shipped|released|live|complete[d]?|finished)\b/i, "live"],
  [/\b(review|qa|test(ing)?|verify|verification)\b/i, "test"],
  [/\b(doing|in progress|progress|wip|working|development|dev)\b/i, "code"],
  [/\b(ready|next|to ?do|todo|selected|planned|up next|sprint)\b/i, "story"],
  [/\b(backlog|ideas?|icebox|someday|inbox|wishlist)\b/i, "idea"],
];

/** The stage a list's name suggests (backlog → Idea, to do → Story, doing → Code, review → Test, done → Live). */
export function proposeStage(listName: string): StageKey {
  return RULES.find(([pattern]) => pattern.test(listName))?.[1] ?? "idea";
}

/** When a Trello object was made: the first 8 hex digits of its id are its creation time in seconds. */
export function trelloIdTime(id: string): Date | null {
  if (!/^[0-9a-f]{24}$/i.test(id)) return null;
  return new Date(parseInt(id.slice(0, 8), 16) * 1000);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const byPos = <T extends { pos?: number }>(a: T, b: T) => (a.pos ?? 0) - (b.pos ?? 0);
const dateOf = (value: unknown) => {
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

function board(json: unknown) {
  if (!isObject(json) || !Array.isArray(json.lists) || !Array.isArray(json.cards))
    throw new DomainError(
      "IMPORT.INVALID",
      'This is not a Trello board export: it has no "lists" and "cards". In Trello, open the board, then Menu → Print, export and share → Export as JSON.',
    );
  const arr = <T>(key: string) => (Array.isArray(json[key]) ? (json[key] as unknown[]).filter(isObject) : []) as T[];
  return {
    name: typeof json.name === "string" && json.name.trim() ? json.name.trim() : "Trello board",
    lists: arr<TrelloList>("lists").filter((l) => typeof l.id === "string"),
    cards: arr<TrelloCard>("cards").filter((c) => typeof c.id === "string"),
    labels: arr<{ id: string; name?: string; color?: string | null }>("labels"),
    members: arr<{ id: string; username?: string; fullName?: string }>("members"),
    checklists: arr<{ idCard?: string; name?: string; pos?: number; checkItems?: unknown[] }>("checklists"),
    actions: arr<TrelloAction>("actions"),
  };
}

/**
 * A Trello board as an import plan. Each open list maps to a stage (`map`, by list id or name,
 * else as its name suggests); each open card in an open list becomes a card there, in Trello's
 * order, with its checklists and attachments in the description, its comments and its moves
 * between mapped lists as history. Archived cards and cards of closed lists go to the Archive
 * with `archived`, and are otherwise skipped.
 */
export function planTrello(
  json: unknown,
  options: { map?: Record<string, StageKey>; archived?: boolean } = {},
): ImportPlan {
  const b = board(json);
  const stageOfList = new Map<string, StageKey>();
  const openLists = b.lists.filter((list) => !list.closed).sort(byPos);
  for (const list of openLists)
    stageOfList.set(list.id, options.map?.[list.id] ?? options.map?.[list.name ?? ""] ?? proposeStage(list.name ?? ""));
  const listName = new Map(b.lists.map((list) => [list.id, list.name ?? ""]));
  const closedList = new Set(b.lists.filter((list) => list.closed).map((list) => list.id));
  const labelById = new Map(b.labels.map((label) => [label.id, label]));
  const username = new Map(b.members.map((m) => [m.id, m.username || m.fullName || m.id]));
  const actionsOf = new Map<string, TrelloAction[]>();
  for (const action of b.actions) {
    const id = action.data?.card?.id;
    if (id) (actionsOf.get(id) ?? actionsOf.set(id, []).get(id)!).push(action);
  }
  const checklistsOf = new Map<string, typeof b.checklists>();
  for (const list of [...b.checklists].sort(byPos))
    if (list.idCard) (checklistsOf.get(list.idCard) ?? checklistsOf.set(list.idCard, []).get(list.idCard)!).push(list);

  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  let withoutCreation = 0;
  const listOrder = new Map(openLists.map((list, index) => [list.id, index]));
  const cards = [...b.cards].sort(
    (x, y) => (listOrder.get(x.idList ?? "") ?? 1e9) - (listOrder.get(y.idList ?? "") ?? 1e9) || byPos(x, y),
  );
  const planned: ImportedCard[] = [];
  const perList = new Map<string, number>();
  for (const card of cards) {
    const listStage = stageOfList.get(card.idList ?? "");
    const archived = card.closed || closedList.has(card.idList ?? "");
    if (archived && !options.archived) {
      countSkipped(
        skipped,
        card.closed
          ? "archived in Trello (import them with --archived)"
          : "in a closed list (import them with --archived)",
      );
      continue;
    }
    if (!archived && !listStage) {
      countSkipped(skipped, "in a list the board does not have");
      continue;
    }
    const own = (actionsOf.get(card.id) ?? [])
      .slice()
      .sort((x, y) => (dateOf(x.date)?.getTime() ?? 0) - (dateOf(y.date)?.getTime() ?? 0));
    const creation = own.find(
      (a) => a.type === "createCard" || a.type === "copyCard" || a.type === "convertToCardFromCheckItem",
    );
    if (!creation) withoutCreation += 1;
    const createdAt = dateOf(creation?.date) ?? trelloIdTime(card.id) ?? new Date(0);
    const stage: ItemStage = archived ? "rejected" : listStage!;
    // Moves between mapped lists, each from the stage the previous one reached.
    const moves: ImportedCard["moves"] = [];
    let at: ItemStage | null = null;
    for (const action of own) {
      if (action.type !== "updateCard" || !action.data?.listBefore?.id || !action.data.listAfter?.id) continue;
      const from = stageOfList.get(action.data.listBefore.id);
      const to = stageOfList.get(action.data.listAfter.id);
      const when = dateOf(action.date);
      if (!from || !to || !when || when < createdAt) continue;
      at ??= from;
      if (to === at) continue;
      moves.push({ at: when, from: at, to, actor: action.memberCreator?.username ?? null });
      at = to;
    }
    const createdIn: ItemStage = moves[0]?.from ?? (archived ? (listStage ?? "idea") : stage);
    // History that does not end where the card is (cut off, or moved through unmapped lists): one closing move.
    const last = moves.at(-1)?.to ?? createdIn;
    if (last !== stage) moves.push({ at: later(moves.at(-1)?.at ?? createdAt), from: last, to: stage, actor: null });
    const labels = (card.labels ?? (card.idLabels ?? []).map((id) => labelById.get(id)).filter((l) => l !== undefined))
      .map((label) => (label?.name?.trim() || label?.color || "").trim())
      .filter(Boolean);
    const checklists = (checklistsOf.get(card.id) ?? []).map((list) =>
      markdownChecklist(
        list.name ?? "Checklist",
        (list.checkItems ?? [])
          .filter(isObject)
          .sort((x, y) => Number(x.pos ?? 0) - Number(y.pos ?? 0))
          .map((item) => ({ text: String(item.name ?? ""), done: item.state === "complete" })),
      ),
    );
    const attachments = (card.attachments ?? [])
      .filter((a) => typeof a.url === "string" && /^https?:\/\//i.test(a.url))
      .map((a) => `- [${(a.name || a.url)!.replace(/[[\]]/g, "")}](${a.url})`);
    const description = [
      (card.desc ?? "").trim(),
      ...checklists,
      ...(attachments.length ? [["**Attachments**", ...attachments].join("\n")] : []),
    ]
      .filter(Boolean)
      .join("\n\n");
    const comments = own
      .filter((a) => a.type === "commentCard" && typeof a.data?.text === "string" && dateOf(a.date))
      .map((a) => ({
        at: dateOf(a.date)!,
        author: a.memberCreator?.username || a.memberCreator?.fullName || "someone on Trello",
        text: a.data!.text!,
      }));
    if (!archived) perList.set(card.idList!, (perList.get(card.idList!) ?? 0) + 1);
    planned.push({
      source: `trello:${card.id}`,
      title: cardTitle(card.name),
      description,
      kind: (stage === "rejected" ? createdIn : stage) === "idea" ? "idea" : "story",
      stage,
      labels: [...new Set(labels)],
      owner: card.idMembers?.length ? (username.get(card.idMembers[0]) ?? null) : null,
      estimate: null,
      blocked: false,
      blockedReason: null,
      createdAt,
      createdIn: createdIn === "rejected" ? "idea" : createdIn,
      moves,
      comments,
      note: archived ? `archived in Trello (list "${listName.get(card.idList ?? "") ?? "?"}")` : null,
    });
  }
  const partialHistory = b.actions.length >= TRELLO_ACTION_CAP || withoutCreation > 0;
  if (partialHistory)
    warnings.push(
      b.actions.length >= TRELLO_ACTION_CAP
        ? `The export holds Trello's maximum of ${TRELLO_ACTION_CAP} actions, newest first: older moves and comments are not in it.`
        : `${withoutCreation} card(s) have no creation in the export (a copied board, or actions cut off): their creation time is read from their Trello id.`,
    );
  return {
    source: "trello",
    name: b.name,
    cards: planned,
    skipped,
    warnings,
    partialHistory,
    lists: openLists.map((list) => ({
      id: list.id,
      name: list.name ?? "",
      stage: stageOfList.get(list.id)!,
      cards: planned.filter(
        (c) => c.stage !== "rejected" && cards.find((x) => `trello:${x.id}` === c.source)?.idList === list.id,
      ).length,
    })),
  };
}

/** A moment just after `at`, for a move the export does not date. */
const later = (at: Date) => new Date(at.getTime() + 1000);
