import { and, desc, eq, sql } from "drizzle-orm";
import type { RowOf, Store } from "../client";
import { prepared } from "../prepared";

export type TokenRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const t = store.t.apiTokens;
  return {
    id: t.id,
    projectId: t.projectId,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

export async function insertToken(
  store: Store,
  token: Omit<TokenRecord, "id" | "lastUsedAt" | "revokedAt"> & { hash: string },
): Promise<TokenRecord> {
  const [row] = await store.db.insert(store.t.apiTokens).values(token).returning(columns(store));
  return row;
}

const findTokenQuery = prepared("find_token", (db, t) =>
  db
    .select(columns({ t } as Store))
    .from(t.apiTokens)
    .where(eq(t.apiTokens.hash, sql.placeholder("hash"))),
);

export async function findTokenByHash(store: Store, hash: string): Promise<TokenRecord | null> {
  const [row] = await findTokenQuery(store, { hash });
  return row ?? null;
}

export async function listTokens(store: Store, projectId: number): Promise<TokenRecord[]> {
  const t = store.t.apiTokens;
  return store.db.select(columns(store)).from(t).where(eq(t.projectId, projectId)).orderBy(desc(t.id));
}

export async function markTokenUsed(store: Store, id: number, at: Date): Promise<void> {
  await store.db.update(store.t.apiTokens).set({ lastUsedAt: at }).where(eq(store.t.apiTokens.id, id));
}

export async function revokeTokenRow(store: Store, id: number, at: Date): Promise<TokenRecord | null> {
  const t = store.t.apiTokens;
  const [row] = await store.db
    .update(t)
    .set({ revokedAt: at })
    .where(and(eq(t.id, id)))
    .returning(columns(store));
  return row ?? null;
}
