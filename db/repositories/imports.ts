import { and, eq, inArray } from "drizzle-orm";
import type { Store } from "../client";

/** The cards of a project that came from these sources ("trello:…", "pivotal:…"), by source. */
export async function findItemsBySource(store: Store, projectId: number, sources: string[]) {
  const w = store.t.workItems;
  const found = new Map<
    string,
    {
      id: number;
      version: number;
      title: string;
      description: string;
      owner: string | null;
      labels: string[];
      estimate: number | null;
      blocked: boolean;
      blockedReason: string | null;
    }
  >();
  for (let i = 0; i < sources.length; i += 500) {
    const rows = await store.db
      .select({
        id: w.id,
        source: w.source,
        version: w.version,
        title: w.title,
        description: w.description,
        owner: w.owner,
        labels: w.labels,
        estimate: w.estimate,
        blocked: w.blocked,
        blockedReason: w.blockedReason,
      })
      .from(w)
      .where(and(eq(w.projectId, projectId), inArray(w.source, sources.slice(i, i + 500))));
    for (const { source, ...row } of rows) if (source) found.set(source, row);
  }
  return found;
}
