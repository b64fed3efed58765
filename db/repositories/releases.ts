import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { RowOf, Store } from "../client";

export type ReleaseRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const r = store.t.releases;
  return {
    id: r.id,
    projectId: r.projectId,
    version: r.version,
    commitSha: r.commitSha,
    buildId: r.buildId,
    pinnedAt: r.pinnedAt,
    pinnedReason: r.pinnedReason,
    createdAt: r.createdAt,
  };
}

export async function findRelease(store: Store, id: number): Promise<ReleaseRecord | null> {
  const r = store.t.releases;
  const [row] = await store.db.select(columns(store)).from(r).where(eq(r.id, id));
  return row ?? null;
}

/** Newest first; `before` pages by id. */
export async function listReleases(
  store: Store,
  projectId: number,
  limit = 30,
  before?: number,
): Promise<ReleaseRecord[]> {
  const r = store.t.releases;
  const where = before ? and(eq(r.projectId, projectId), lt(r.id, before)) : eq(r.projectId, projectId);
  return store.db.select(columns(store)).from(r).where(where).orderBy(desc(r.createdAt), desc(r.id)).limit(limit);
}

export async function newestRelease(store: Store, projectId: number): Promise<ReleaseRecord | null> {
  const [row] = await listReleases(store, projectId, 1);
  return row ?? null;
}

export interface ReleaseItemRecord {
  releaseId: number;
  id: number;
  number: number;
  title: string;
  stage: string;
  needsManualQa: boolean;
  qaSignedOffBy: string | null;
  qaSignedOffAt: Date | null;
  qaSignOffNote: string | null;
}

export async function itemsOfReleases(store: Store, releaseIds: number[]): Promise<ReleaseItemRecord[]> {
  if (releaseIds.length === 0) return [];
  const { releaseItems: ri, workItems: w } = store.t;
  return store.db
    .select({
      releaseId: ri.releaseId,
      id: w.id,
      number: w.number,
      title: w.title,
      stage: w.stage,
      needsManualQa: w.needsManualQa,
      qaSignedOffBy: w.qaSignedOffBy,
      qaSignedOffAt: w.qaSignedOffAt,
      qaSignOffNote: w.qaSignOffNote,
    })
    .from(ri)
    .innerJoin(w, eq(w.id, ri.itemId))
    .where(inArray(ri.releaseId, releaseIds))
    .orderBy(w.number);
}

export async function pinRelease(store: Store, id: number, at: Date | null, reason: string | null): Promise<void> {
  const r = store.t.releases;
  await store.db.update(r).set({ pinnedAt: at, pinnedReason: reason }).where(eq(r.id, id));
}

export async function artifactsOfRelease(
  store: Store,
  release: ReleaseRecord,
): Promise<{ name: string; version: string; url: string | null }[]> {
  if (release.buildId === null) return [];
  const a = store.t.artifacts;
  return store.db
    .select({ name: a.name, version: a.version, url: a.url })
    .from(a)
    .where(and(eq(a.projectId, release.projectId), eq(a.buildId, release.buildId)));
}

/** The newest release that carries the item. */
export async function newestReleaseOfItem(store: Store, itemId: number): Promise<ReleaseRecord | null> {
  const { releases: r, releaseItems: ri } = store.t;
  const [row] = await store.db
    .select(columns(store))
    .from(r)
    .innerJoin(ri, eq(ri.releaseId, r.id))
    .where(eq(ri.itemId, itemId))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(1);
  return row ?? null;
}
