/** How many cards of each column the first, fast board answer carries; the rest follows. */
export const HEAD_PER_COLUMN = 40;

/** The input of the first board query (the page preloads exactly this request). */
export function boardHeadInput(project: string) {
  return { project, limitPerColumn: HEAD_PER_COLUMN };
}
