import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { isDomainError } from "../../domain/errors";
import { getApp, LOCAL_OPERATOR, type Actor, type App, type Role } from "../app";
import { errorStatus, toTrpcCode } from "../http/error-codes";

export interface Context {
  app: App;
  actor: Actor;
}

/** Until sign-in lands, every caller is the local operator. */
export async function createContext(): Promise<Context> {
  return { app: await getApp(), actor: LOCAL_OPERATOR };
}

/** Every procedure names the least role it needs (see procedureFor); a test checks that none is left out. */
export interface Meta {
  role: Role;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  transformer: superjson,
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 45_000 },
  },
  // One place maps domain errors to transport codes and keeps the human message.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const domain = isDomainError(cause) ? { code: cause.code, details: cause.details } : null;
    const zod = cause instanceof ZodError ? cause.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`) : null;
    return {
      ...shape,
      message: zod ? `Invalid input: ${zod.join("; ")}` : shape.message,
      data: { ...shape.data, stack: undefined, domainCode: domain?.code ?? null, details: domain?.details ?? null },
    };
  },
});

/** Turns a thrown DomainError into a TRPCError with the right code; other errors pass through. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: toTrpcCode(errorStatus(cause.code)), message: cause.message, cause });
  }
  return result;
});

const RANK: Record<Role, number> = { viewer: 0, member: 1, "release-manager": 2, admin: 3 };

/** Every procedure declares the least role it needs; authorisation lives here and nowhere else. */
export function procedureFor(role: Role) {
  return t.procedure.meta({ role }).use(domainErrors).use(({ ctx, next }) => {
    if (RANK[ctx.actor.role] < RANK[role]) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role} role; you are ${ctx.actor.role}.` });
    }
    return next();
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const viewerProcedure = procedureFor("viewer");
export const memberProcedure = procedureFor("member");
export const adminProcedure = procedureFor("admin");
