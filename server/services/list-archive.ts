import { itemKey } from "../../domain/funnel/item";
import { listRejectedItems } from "../../db/repositories/items";
import type { App } from "../app";
import { requireProject } from "./lookups";

export interface ArchivedCard {
  id: number;
  key: string;
  title: string;
  kind: "idea" | "story";
  owner: string | null;
  labels: string[];
  rejectedReason: string | null;
  rejectedFromStage: string | null;
  rejectedAt: Date;
}

/** Rejected cards, newest first, optionally filtered by text in key, title, description or reason. */
export async function listArchive(app: App, input: { project: string; q?: string }): Promise<ArchivedCard[]> {
  const project = await requireProject(app.database, input.project);
  const needle = input.q?.trim().toLowerCase() ?? "";
  const items = await listRejectedItems(app.database, project.id);
  return items
    .map((item) => ({ item, key: itemKey(project.keyPrefix, item.number) }))
    .filter(
      ({ item, key }) =>
        !needle ||
        [key, item.title, item.description, item.rejectedReason ?? ""].some((text) =>
          text.toLowerCase().includes(needle),
        ),
    )
    .map(({ item, key }) => ({
      id: item.id,
      key,
      title: item.title,
      kind: item.kind,
      owner: item.owner,
      labels: item.labels,
      rejectedReason: item.rejectedReason,
      rejectedFromStage: item.rejectedFromStage,
      rejectedAt: item.stageEnteredAt,
    }));
}
