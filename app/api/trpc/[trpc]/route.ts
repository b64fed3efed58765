import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getApp } from "@/server/compose";
import { createContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ req }) => createContext(req, getApp),
  });
}

export { handler as GET, handler as POST };
