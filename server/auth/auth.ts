import { betterAuth } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { admin } from "better-auth/plugins";
import { authAdapter } from "../../db/auth-adapter";
import { deriveSecret } from "../../db/secrets";
import type { App } from "../app";
import { clientIp, recordAccess } from "./access-log";
import { releaseAttempt, reserveAttempt } from "./attempts";
import { config } from "../config";

/**
 * Sign-in, sessions and passwords, by better-auth on Shiplane's own database: email and password
 * (scrypt-hashed), sessions in httpOnly cookies, disabled accounts refused. Roles per project,
 * invitations and tokens are Shiplane's own (server/services/members.ts, server/auth/tokens.ts).
 */

/** Where people reach Shiplane: sessions, cookies and origin checks use it. */
export function baseUrl(): string {
  return config().publicUrl;
}

/** The origins whose pages may send cookie-authenticated changes: the public URL and this machine's own names for it. */
export function trustedOrigins(): string[] {
  const { port } = config();
  return [...new Set([new URL(baseUrl()).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
}

function createAuth(app: App) {
  return betterAuth({
    appName: "Shiplane",
    baseURL: baseUrl(),
    basePath: "/api/auth",
    secret: deriveSecret("sessions"),
    trustedOrigins: trustedOrigins(),
    database: authAdapter(app.database),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by the first-run setup, an invitation, an admin or the command line.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 200,
    },
    session: { expiresIn: config().sessionDays * 86_400, updateAge: 86_400 },
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-shiplane-client-ip"] },
      useSecureCookies: baseUrl().startsWith("https://"),
      cookiePrefix: "shiplane",
    },
    // Guesses are limited per account and per address by Shiplane's own attempts (server/auth/attempts.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Failed sign-ins are in the audit log; the library need not repeat them.
    logger: { level: "error" },
    plugins: [
      admin({
        defaultRole: "user",
        adminRoles: ["admin"],
        bannedUserMessage: "This account is disabled. Ask a Shiplane admin to enable it again.",
      }),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-out") {
          // Recorded before the session is gone.
          const session = await getSessionFromCtx(ctx).catch(() => null);
          if (session)
            await recordAccess(app, {
              action: "sign-out",
              actor: `user:${session.user.email}`,
              subject: session.user.email,
              ip: clientIp(ctx.headers),
            });
          return;
        }
        const ip = clientIp(ctx.headers);
        if (ctx.path === "/sign-in/email") {
          await reserveAttempt(app, { kind: "sign-in", account: bodyEmail(ctx.body), address: ip });
          return;
        }
        if (ctx.path === "/change-password") {
          const session = await getSessionFromCtx(ctx).catch(() => null);
          if (!session) return;
          await reserveAttempt(app, { kind: "password", account: session.user.email, address: ip });
          // A new password ends every other session: whoever knew the old one is signed out.
          const body = typeof ctx.body === "object" && ctx.body !== null ? ctx.body : {};
          return { context: { body: { ...body, revokeOtherSessions: true } } };
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const ip = clientIp(ctx.headers);
        if (ctx.path === "/sign-in/email") {
          const email = bodyEmail(ctx.body);
          const session = ctx.context.newSession;
          if (session) await releaseAttempt(app, { kind: "sign-in", account: email, address: ip });
          if (session)
            await recordAccess(app, {
              action: "sign-in",
              actor: `user:${session.user.email}`,
              subject: session.user.email,
              ip,
            });
          else
            await recordAccess(app, {
              action: "sign-in.failed",
              actor: "anonymous",
              subject: email || null,
              ip,
              detail: { reason: failure(ctx.context.returned) },
            });
        } else if (ctx.path === "/change-password" && ctx.context.session && !(ctx.context.returned instanceof Error)) {
          const email = ctx.context.session.user.email;
          await releaseAttempt(app, { kind: "password", account: email, address: ip });
          await recordAccess(app, { action: "password.changed", actor: `user:${email}`, subject: email, ip });
        }
      }),
    },
  });
}

function bodyEmail(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

function failure(returned: unknown): string {
  const body = (returned as { body?: { message?: string } } | undefined)?.body;
  return body?.message ?? "invalid email or password";
}

export type Auth = ReturnType<typeof createAuth>;

const auths = new WeakMap<App, Auth>();

/** The app's sign-in service, made on first use (so that building the site never opens the database). */
export function authOf(app: App): Auth {
  let auth = auths.get(app);
  if (!auth) {
    auth = createAuth(app);
    auths.set(app, auth);
  }
  return auth;
}
