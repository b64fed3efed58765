"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "../../server/trpc/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** A session that ended (expired, signed out elsewhere, account disabled) sends the page to sign in, and back here after. */
export function signInAgain(error: unknown) {
  if (!(error instanceof TRPCClientError) || (error.data as { code?: string } | undefined)?.code !== "UNAUTHORIZED")
    return;
  if (typeof window === "undefined" || window.location.pathname === "/login") return;
  window.location.replace(
    `/login?next=${encodeURIComponent(window.location.pathname + window.location.search + window.location.hash)}`,
  );
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInAgain }),
    mutationCache: new MutationCache({ onError: signInAgain }),
    defaultOptions: {
      // Live updates patch the cache; refetching on focus would only repeat the work.
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Refusals (no session, no role, not found) are answers, not failures to retry.
        retry: (count, error) =>
          count < 1 &&
          !(
            error instanceof TRPCClientError &&
            [401, 403, 404].includes((error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0)
          ),
      },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
