import { parse } from "csv-parse/sync";
import { DomainError } from "../../domain/errors";

/**
 * A Pivotal Tracker CSV as its header and rows, read by a real CSV parser: quoted cells hold
 * commas and newlines, rows may be shorter than the header, a byte-order mark is dropped.
 */
export function readPivotalCsv(text: string): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new DomainError(
      "IMPORT.INVALID",
      `This file is not a CSV Shiplane can read: ${(error as Error).message}. Export it again from Pivotal Tracker (More → Export CSV).`,
    );
  }
  const [header, ...rows] = records;
  if (!header)
    throw new DomainError("IMPORT.INVALID", "This CSV is empty: export the project again from Pivotal Tracker.");
  return { header, rows };
}
