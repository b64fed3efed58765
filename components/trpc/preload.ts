import superjson from "superjson";

/**
 * The URL the tRPC client requests for a single GET query (httpBatchLink, superjson), so a
 * page can ask the browser to start fetching it before the scripts have loaded.
 */
export function queryUrl(path: string, input: unknown): string {
  return `/api/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;
}
