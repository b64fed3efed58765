import { DomainError } from "../../domain/errors";
import type { StageKey } from "../../domain/funnel/stages";
import { planPivotal } from "../../domain/import/pivotal";
import type { ImportPlan } from "../../domain/import/plan";
import { planTrello } from "../../domain/import/trello";
import { readPivotalCsv } from "./pivotal-csv";

/** The largest export read, on the command line and over HTTP. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportSource = "trello" | "pivotal";

/** An export file's text as an import plan: a Trello board's JSON, or a Pivotal Tracker CSV. */
export function planFile(
  source: ImportSource,
  text: string,
  options: { map?: Record<string, StageKey>; archived?: boolean } = {},
): ImportPlan {
  if (source === "pivotal") {
    const { header, rows } = readPivotalCsv(text);
    return planPivotal(header, rows);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError(
      "IMPORT.INVALID",
      `This file is not JSON (${(error as Error).message}): export the board from Trello with Menu → Print, export and share → Export as JSON.`,
    );
  }
  return planTrello(json, options);
}
