import { isStageKey, STAGE_NAMES } from "../../domain/funnel/stages";

const stageName = (value: unknown) =>
  typeof value === "string" && isStageKey(value) ? STAGE_NAMES[value] : String(value);

/** One line of a card's history, in words. */
export function describeEvent(event: { type: string; payload: Record<string, unknown> }): string {
  const p = event.payload;
  switch (event.type) {
    case "item.created":
      return `created in ${stageName(p.stage)}`;
    case "item.moved":
      return `moved ${stageName(p.from)} → ${stageName(p.to)}${p.forced ? " (forced past the gate)" : ""}${p.reason ? `: “${String(p.reason)}”` : ""}`;
    case "item.reordered":
      return `reordered in ${stageName(p.stage)}`;
    case "item.updated":
      return `changed ${Object.keys((p.changes as object) ?? {}).join(", ")}`;
    case "item.rejected":
      return `rejected from ${stageName(p.from)}: “${String(p.reason)}”`;
    case "item.restored":
      return `restored to ${stageName(p.to)}`;
    case "item.linked":
      return p.pr
        ? `linked to PR #${String(p.pr)}`
        : p.release
          ? `added to release ${String(p.release)}`
          : `linked to commit ${String(p.commit ?? "").slice(0, 7)}`;
    case "pr.opened":
      return `PR #${String(p.number)} opened`;
    case "pr.reviewed":
      return `PR #${String(p.number)} ${String(p.state).replace("_", " ")} by ${String(p.reviewer)}`;
    case "pr.merged":
      return `PR #${String(p.number)} merged`;
    case "qa.signed_off":
      return `manual QA signed off${p.note ? `: “${String(p.note)}”` : ""}`;
    case "item.commented":
      return `commented${p.imported ? ` (in ${p.imported === "trello" ? "Trello" : "Pivotal Tracker"})` : ""}: “${String(p.text)}”`;
    case "build.reported":
      return `build ${String(p.buildId)} ${String(p.status)}${p.branch ? ` on ${String(p.branch)}` : ""}`;
    default:
      return event.type.replace(".", " ");
  }
}

/** "user:ana" → "ana", "integration:github" → "GitHub". */
/** Who did something, for people: "you" for the signed-in person (`me`, an email). */
export function describeActor(actor: string, me?: string | null): string {
  const [kind, name] = [actor.slice(0, actor.indexOf(":")), actor.slice(actor.indexOf(":") + 1)];
  if (kind === "user") return me && name === me ? "you" : name === "local" ? "the command line" : name;
  if (kind === "token") return `API token ${name}`;
  if (kind === "integration")
    return { github: "GitHub", ci: "CI", trello: "Trello", pivotal: "Pivotal Tracker" }[name] ?? name;
  // An imported history names people as the tracker did: "trello:ana" → "ana (Trello)".
  if (kind === "trello" || kind === "pivotal") return `${name} (${kind === "trello" ? "Trello" : "Pivotal Tracker"})`;
  return actor;
}
