import { DomainError } from "../errors";
import type { ItemStage, StageKey } from "../funnel/stages";
import { cardTitle, countSkipped, markdownChecklist, type ImportedCard, type ImportPlan } from "./plan";

/** Pivotal Tracker's story states, as Shiplane's stages. */
const STATE_STAGE: Record<string, StageKey> = {
  unscheduled: "idea",
  unstarted: "story",
  planned: "story",
  started: "code",
  rejected: "code",
  finished: "build",
  delivered: "test",
  accepted: "live",
};
const CARD_TYPES = new Set(["feature", "bug", "chore"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A Pivotal date ("Oct 7, 2010", with or without a time, or ISO) as a UTC time; null when it is none. */
export function pivotalDate(text: string | undefined): Date | null {
  const value = (text ?? "").trim();
  if (!value) return null;
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))? ?(am|pm)?)?$/i.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[1].toLowerCase());
    if (month < 0) return null;
    let hour = Number(m[4] ?? 0);
    if (m[7]?.toLowerCase() === "pm" && hour < 12) hour += 12;
    if (m[7]?.toLowerCase() === "am" && hour === 12) hour = 0;
    return new Date(Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0)));
  }
  const iso = new Date(value);
  return Number.isNaN(iso.getTime()) ? null : iso;
}

/** A comment cell: its text and, from the trailing "(Author - Mon D, YYYY)", who wrote it and when. */
export function pivotalComment(cell: string, fallback: Date): { text: string; author: string; at: Date } {
  const m = /\s*\(([^()]+?) - ([A-Za-z]{3}[a-z]*\.? \d{1,2}, \d{4}[^()]*)\)\s*$/.exec(cell);
  const at = m ? pivotalDate(m[2]) : null;
  return m && at
    ? { text: cell.slice(0, m.index).trim(), author: m[1].trim(), at }
    : { text: cell.trim(), author: "someone on Pivotal Tracker", at: fallback };
}

/** Where each named column is, every copy of it (Owned By, Comment, Task… repeat). */
function columns(header: string[]) {
  const at = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    (at.get(key) ?? at.set(key, []).get(key)!).push(index);
  });
  const all = (...names: string[]) => names.flatMap((name) => at.get(name) ?? []).sort((a, b) => a - b);
  return { all, first: (...names: string[]) => all(...names)[0] };
}

/**
 * A Pivotal Tracker CSV export (its header and rows) as an import plan. Columns are found by
 * name, never by position, across the export's generations (Story/Title, Story Type/Type,
 * Note/Comment), every copy of a repeated column is read, and a row may be shorter than the
 * header. Features, bugs and chores become cards; epics and releases are counted and skipped.
 */
export function planPivotal(header: string[], rows: string[][], name = "Pivotal Tracker project"): ImportPlan {
  const col = columns(header);
  const id = col.first("id");
  const title = col.first("title", "story");
  const missing = [id === undefined && '"Id"', title === undefined && '"Title" (or "Story")'].filter(Boolean);
  if (missing.length)
    throw new DomainError(
      "IMPORT.INVALID",
      `This is not a Pivotal Tracker CSV export: its first row has no ${missing.join(" and no ")} column. In Pivotal Tracker, open the project, then More → Export CSV.`,
    );
  const type = col.first("type", "story type");
  const state = col.first("current state");
  const created = col.first("created at");
  const accepted = col.first("accepted at");
  const labels = col.first("labels");
  const estimate = col.first("estimate");
  const requester = col.first("requested by");
  const description = col.first("description");
  const url = col.first("url");
  const owners = col.all("owned by");
  const comments = col.all("comment", "note");
  const tasks = col.all("task");
  const taskStates = col.all("task status");
  const blockers = col.all("blocker");
  const blockerStates = col.all("blocker status");

  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  const cards: ImportedCard[] = [];
  rows.forEach((row, index) => {
    const cell = (at: number | undefined) => (at === undefined ? "" : (row[at] ?? "").trim());
    const storyId = cell(id);
    if (!storyId) return countSkipped(skipped, "a row without an Id");
    const kind = (cell(type) || "feature").toLowerCase();
    if (!CARD_TYPES.has(kind)) return countSkipped(skipped, `${kind} (not a story)`);
    const stateName = (cell(state) || "unscheduled").toLowerCase();
    const stage = STATE_STAGE[stateName];
    if (!stage) {
      warnings.push(`Row ${index + 2}: story ${storyId} has the state "${stateName}", read as Idea.`);
    }
    const now = stage ?? "idea";
    const createdAt = pivotalDate(cell(created)) ?? new Date(0);
    if (!pivotalDate(cell(created))) warnings.push(`Row ${index + 2}: story ${storyId} has no readable "Created at".`);
    const acceptedAt = pivotalDate(cell(accepted));
    const createdIn: ItemStage = now === "idea" ? "idea" : now === "live" && acceptedAt ? "story" : now;
    const moves: ImportedCard["moves"] =
      now === "live" && acceptedAt && createdIn !== "live"
        ? [{ at: acceptedAt < createdAt ? createdAt : acceptedAt, from: createdIn, to: "live", actor: null }]
        : [];
    const estimateText = cell(estimate);
    const points = estimateText === "" ? null : Number(estimateText);
    const ownedBy = owners.map(cell).filter(Boolean);
    const checklist = tasks
      .map((at, i) => ({ text: cell(at), done: /^(completed|complete|done)$/i.test(cell(taskStates[i])) }))
      .filter((task) => task.text);
    const openBlockers = blockers
      .map((at, i) => ({ text: cell(at), resolved: /^resolved$/i.test(cell(blockerStates[i])) }))
      .filter((b) => b.text && !b.resolved);
    const link = cell(url);
    const body = [
      cell(description),
      checklist.length ? markdownChecklist("Tasks", checklist) : "",
      [
        cell(requester) ? `Requested by ${cell(requester)} in Pivotal Tracker.` : "",
        /^https?:\/\//i.test(link) ? `[Pivotal Tracker story ${storyId}](${link})` : "",
      ]
        .filter(Boolean)
        .join(" "),
    ]
      .filter(Boolean)
      .join("\n\n");
    const notes = comments
      .map(cell)
      .filter(Boolean)
      .map((text) => pivotalComment(text, createdAt));
    if (ownedBy.length > 1)
      notes.unshift({
        text: `Also owned by ${ownedBy.slice(1).join(", ")}.`,
        author: "Pivotal Tracker",
        at: createdAt,
      });
    cards.push({
      source: `pivotal:${storyId}`,
      title: cardTitle(cell(title)),
      description: body,
      kind: now === "idea" ? "idea" : "story",
      stage: now,
      labels: [
        ...new Set([
          ...cell(labels)
            .split(",")
            .map((l) => l.trim())
            .filter(Boolean),
          ...(kind === "feature" ? [] : [kind]),
        ]),
      ],
      owner: ownedBy[0] ?? null,
      estimate: points !== null && Number.isFinite(points) && points >= 0 ? Math.round(points) : null,
      blocked: openBlockers.length > 0,
      blockedReason: openBlockers.length
        ? openBlockers
            .map((b) => b.text)
            .join("; ")
            .slice(0, 2000)
        : null,
      createdAt,
      createdIn,
      moves,
      comments: notes,
      note: stateName === "rejected" ? "rejected in Pivotal" : null,
    });
  });
  return { source: "pivotal", name, cards, skipped, warnings, partialHistory: false };
}
