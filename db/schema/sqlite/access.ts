import { at, bigId, createdAt, flag, id, index, int, json, table, text, uniqueIndex } from "./kit";
import { projects } from "./funnel";

// People and their access: accounts and sessions (read and written by the sign-in library),
// roles per project, invitations, and the log of sign-ins and account changes.
// The same text in ../sqlite/ and ../pg/: each folder's kit.ts gives the columns their dialect's types.

export const users = table("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: flag("email_verified").notNull().default(false),
  image: text("image"),
  /** "admin" administers the whole instance; everyone else gets roles per project. */
  role: text("role"),
  banned: flag("banned").default(false),
  banReason: text("ban_reason"),
  banExpires: at("ban_expires"),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
});

export const sessions = table(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: at("expires_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    impersonatedBy: text("impersonated_by"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const accounts = table(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: at("access_token_expires_at"),
    refreshTokenExpiresAt: at("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("accounts_user").on(t.userId)],
);

export const verifications = table(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("verifications_identifier").on(t.identifier)],
);

export const memberships = table(
  "memberships",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<"viewer" | "member" | "release-manager" | "admin">().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_project_user").on(t.projectId, t.userId), index("memberships_user").on(t.userId)],
);

export const invites = table(
  "invites",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").$type<"viewer" | "member" | "release-manager" | "admin">().notNull(),
    hash: text("hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedBy: text("accepted_by"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("invites_hash").on(t.hash), index("invites_project").on(t.projectId)],
);

/** Sign-ins (failed ones too) and changes to accounts, for the audit page and the sign-in limit. */
export const accessEvents = table(
  "access_events",
  {
    id: bigId(),
    at: at("at").notNull(),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    subject: text("subject"),
    ip: text("ip"),
    detail: json<Record<string, unknown>>("detail").notNull().default({}),
  },
  (t) => [index("access_events_at").on(t.at), index("access_events_ip").on(t.ip, t.action, t.at)],
);

/**
 * Sign-in and password attempts of the last minute, reserved before each attempt (so concurrent
 * guesses cannot all slip under the limit) and kept when it fails: counted per account and per
 * address.
 */
export const signInAttempts = table(
  "sign_in_attempts",
  {
    id: bigId(),
    kind: text("kind").$type<"sign-in" | "password">().notNull(),
    account: text("account").notNull(),
    address: text("address").notNull(),
    at: at("at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_account").on(t.kind, t.account, t.at),
    index("sign_in_attempts_address").on(t.kind, t.address, t.at),
  ],
);
