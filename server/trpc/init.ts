import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { isDomainError } from "../../domain/errors";
import { unstorableText } from "../../domain/text";
import { atLeast, forbidden } from "../../domain/access/roles";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import type { Role } from "../../domain/access/roles";
import { sameOrigin } from "../auth/csrf";
import { currentUser, roleIn, userActor, type SignedInUser } from "../auth/session";
import { hiddenSubject, projectOf, type Subject } from "../auth/subject";
import { errorStatus, toTrpcCode } from "../http/error-codes";

export interface Context {
  app: App;
  /** Who acts; for a signed-in person, their role in the project the procedure acts on. */
  actor: Actor;
  /**
   * The person behind the request's session: null when nobody is signed in. Left out for
   * callers inside the process (command line, tests), which act as `actor` itself.
   */
  user?: SignedInUser | null;
  /** Whether the request came from one of Shiplane's own pages (checked on changes). */
  sameOrigin?: boolean;
  /** Looks at the request's session again (long-lived streams do, every few seconds). */
  recheck?: () => Promise<SignedInUser | null>;
}

/** Each invalid field's messages, keyed by its dotted path ("settings.deployer.command"). */
function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "input"] ??= []).push(issue.message);
  return fields;
}

/** A domain refusal names its field (`details.field`), or several (`details.fields`). */
function domainFieldErrors(details: Record<string, unknown>, message: string): Record<string, string[]> | null {
  if (details.fields && typeof details.fields === "object") return details.fields as Record<string, string[]>;
  return typeof details.field === "string" ? { [details.field]: [message] } : null;
}

const NOBODY: Actor = { id: "anonymous", role: "viewer" };

/** A request's context: the app (from the entry point that serves it) and who is signed in. */
export async function createContext(req: Request, appSource: () => Promise<App>): Promise<Context> {
  const app = await appSource();
  const user = await currentUser(app, req.headers);
  return {
    app,
    actor: user ? userActor(user, "viewer") : NOBODY,
    user,
    sameOrigin: sameOrigin(req),
    recheck: () => currentUser(app, req.headers),
  };
}

/** Every procedure names the least role it needs and what it acts on (see procedureFor); a test checks that none is left out. */
export interface Meta {
  role: Role;
  on: Subject;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 45_000 },
    },
    // One place maps domain errors to transport codes and keeps the human message; the fields a
    // form should mark (from zod, or a domain refusal that names its field) travel in `data.fieldErrors`.
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const domain = isDomainError(cause) ? { code: cause.code, details: cause.details } : null;
      const zod = cause instanceof ZodError ? cause : null;
      const message = zod
        ? `Invalid input: ${zod.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")}`
        : shape.message;
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          stack: undefined,
          domainCode: domain?.code ?? null,
          details: domain?.details ?? null,
          fieldErrors: zod ? zodFieldErrors(zod) : domain ? domainFieldErrors(domain.details, shape.message) : null,
        },
      };
    },
  });

/** A DomainError as the TRPCError with its code; other errors pass through. */
export function asTrpcError(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return new TRPCError({ code: toTrpcCode(errorStatus(error.code)), message: error.message, cause: error });
}

/** Turns a thrown DomainError into a TRPCError with the right code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw asTrpcError(result.error.cause);
  return result;
});

/**
 * Every procedure declares the least role it needs and what it acts on; authorisation lives here
 * and nowhere else. A signed-in person's role is looked up in the project the input names;
 * instance admins are admins everywhere.
 */
export function procedureFor(role: Role, on: Subject = "project") {
  return t.procedure
    .meta({ role, on })
    .use(domainErrors)
    .use(async ({ ctx, next, type, getRawInput }) => {
      const unstorable = unstorableText(await getRawInput());
      if (unstorable)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Invalid input: ${unstorable} holds a NUL character or an unpaired surrogate, which Shiplane cannot store.`,
        });
      if (ctx.user === undefined) {
        if (!atLeast(ctx.actor.role, role))
          throw new TRPCError({ code: "FORBIDDEN", message: forbidden(role, ctx.actor.role) });
        return next();
      }
      const user = ctx.user;
      if (!user)
        throw new TRPCError({
          code: "UNAUTHORIZED",
          message: "Sign in to Shiplane first: your session has ended or you are signed out.",
        });
      if (type === "mutation" && !ctx.sameOrigin) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "This change came from another site, so it was refused. Make it from Shiplane's own pages.",
        });
      }
      const granted =
        on === "instance"
          ? user.siteAdmin
            ? "admin"
            : "viewer"
          : await roleIn(ctx.app, user, await projectOf(ctx.app, on, await getRawInput()));
      // Outside their projects, people learn nothing about what an id names.
      if (!granted && on !== "instance" && on !== "project") throw asTrpcError(hiddenSubject(on, await getRawInput()));
      if (!granted || !atLeast(granted, role)) {
        const message =
          on === "instance"
            ? "This needs an instance admin. Ask one to do it, or to make you admin on the Users page."
            : forbidden(role, granted);
        throw new TRPCError({ code: "FORBIDDEN", message });
      }
      return next({ ctx: { ...ctx, actor: userActor(user, granted) } });
    });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const viewerProcedure = procedureFor("viewer");
export const memberProcedure = procedureFor("member");
export const adminProcedure = procedureFor("admin");
