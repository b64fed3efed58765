import { asc, eq, sql } from "drizzle-orm";
import type { Stage, StageKey } from "../../domain/funnel/stages";
import { namesNothing, type RowOf, type Store } from "../client";
import { prepared } from "../prepared";
import type { FreezeWindow } from "../schema/shared-types";
import { seal } from "../secrets";

export type ProjectRecord = RowOf<ReturnType<typeof projectColumns>>;

export function projectColumns(store: Store) {
  const p = store.t.projects;
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    repo: p.repo,
    keyPrefix: p.keyPrefix,
    requiredApprovals: p.requiredApprovals,
    createdAt: p.createdAt,
  };
}

export async function listProjects(store: Store): Promise<ProjectRecord[]> {
  return store.db.select(projectColumns(store)).from(store.t.projects).orderBy(asc(store.t.projects.name));
}

export async function findProjectBySlug(store: Store, slug: string): Promise<ProjectRecord | null> {
  if (namesNothing(slug)) return null;
  const rows = await store.db
    .select(projectColumns(store))
    .from(store.t.projects)
    .where(eq(store.t.projects.slug, slug));
  return rows[0] ?? null;
}

const findProjectQuery = prepared("find_project", (db, t) =>
  db
    .select(projectColumns({ t } as Store))
    .from(t.projects)
    .where(eq(t.projects.id, sql.placeholder("id"))),
);

export async function findProjectById(store: Store, id: number): Promise<ProjectRecord | null> {
  const rows = await findProjectQuery(store, { id });
  return rows[0] ?? null;
}

export interface NewProject {
  slug: string;
  name: string;
  repo: string | null;
  keyPrefix: string;
  webhookSecret: string | null;
  stages: Stage[];
}

export async function insertProject(store: Store, input: NewProject): Promise<ProjectRecord> {
  const [project] = await store.db
    .insert(store.t.projects)
    .values({
      slug: input.slug,
      name: input.name,
      repo: input.repo,
      keyPrefix: input.keyPrefix,
      webhookSecret: seal(input.webhookSecret),
    })
    .returning(projectColumns(store));
  await store.db.insert(store.t.stages).values(
    input.stages.map((stage) => ({
      projectId: project.id,
      key: stage.key,
      name: stage.name,
      position: stage.position,
      wipLimit: stage.wipLimit,
    })),
  );
  return project;
}

export async function listStages(store: Store, projectId: number): Promise<Stage[]> {
  const s = store.t.stages;
  const rows = await store.db
    .select({ key: s.key, name: s.name, position: s.position, wipLimit: s.wipLimit })
    .from(s)
    .where(eq(s.projectId, projectId))
    .orderBy(asc(s.position));
  return rows.map((row) => ({ ...row, key: row.key as StageKey }));
}

/** Takes the next card number; on PostgreSQL this also locks the project row until commit. */
export async function takeItemNumber(store: Store, projectId: number): Promise<number> {
  const p = store.t.projects;
  const [row] = await store.db
    .update(p)
    .set({ nextItemNumber: sql`${p.nextItemNumber} + 1` })
    .where(eq(p.id, projectId))
    .returning({ next: p.nextItemNumber });
  return row.next - 1;
}

/** Reserves `count` card numbers at once and returns the first. */
export async function takeItemNumbers(store: Store, projectId: number, count: number): Promise<number> {
  const p = store.t.projects;
  const [row] = await store.db
    .update(p)
    .set({ nextItemNumber: sql`${p.nextItemNumber} + ${count}` })
    .where(eq(p.id, projectId))
    .returning({ next: p.nextItemNumber });
  return row.next - count;
}

export interface DeliveryPolicy {
  autoPromote: boolean;
  lineStoppedAt: Date | null;
  lineStoppedBy: string | null;
  lineStoppedReason: string | null;
  freezeWindows: FreezeWindow[];
}

export async function findDeliveryPolicy(store: Store, projectId: number): Promise<DeliveryPolicy> {
  const p = store.t.projects;
  const [row] = await store.db
    .select({
      autoPromote: p.autoPromote,
      lineStoppedAt: p.lineStoppedAt,
      lineStoppedBy: p.lineStoppedBy,
      lineStoppedReason: p.lineStoppedReason,
      freezeWindows: p.freezeWindows,
    })
    .from(p)
    .where(eq(p.id, projectId));
  return row;
}

export async function updateDeliveryPolicy(
  store: Store,
  projectId: number,
  patch: Partial<DeliveryPolicy>,
): Promise<void> {
  const p = store.t.projects;
  await store.db.update(p).set(patch).where(eq(p.id, projectId));
}

/** Projects that promote releases on their own. */
export async function autoPromotingProjects(store: Store): Promise<number[]> {
  const p = store.t.projects;
  const rows = await store.db.select({ id: p.id }).from(p).where(eq(p.autoPromote, true));
  return rows.map((row) => row.id);
}

export async function findAlertEnvironmentLabel(store: Store, projectId: number): Promise<string | null> {
  const p = store.t.projects;
  const [row] = await store.db.select({ label: p.alertEnvironmentLabel }).from(p).where(eq(p.id, projectId));
  return row?.label ?? null;
}

export async function setAlertEnvironmentLabel(store: Store, projectId: number, label: string | null): Promise<void> {
  const p = store.t.projects;
  await store.db.update(p).set({ alertEnvironmentLabel: label }).where(eq(p.id, projectId));
}

/** Every project's stored secrets, as stored (for sealing those stored in clear). */
export async function listProjectSecrets(store: Store) {
  const p = store.t.projects;
  return store.db.select({ id: p.id, webhookSecret: p.webhookSecret, githubToken: p.githubToken }).from(p);
}

export async function sealProjectSecrets(
  store: Store,
  projectId: number,
  sealed: { webhookSecret: string | null; githubToken: string | null },
): Promise<void> {
  const p = store.t.projects;
  await store.db.update(p).set(sealed).where(eq(p.id, projectId));
}
