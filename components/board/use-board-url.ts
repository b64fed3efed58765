"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useRef } from "react";
import { readFilter } from "./board-state";

/** The board's state kept in its address, so that a filtered board or an open card can be shared. */
export function useBoardUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = readFilter(params);
  const openId = Number(params.get("item")) || null;

  // Several changes in a row (clear the search, then pick a label) build on each other, not on
  // the URL of the last render, which has not caught up yet.
  const pending = useRef<{ base: string; next: URLSearchParams } | null>(null);
  const setParam = useCallback(
    (name: string, value: string | null) => {
      const base = params.toString();
      const next = pending.current?.base === base ? pending.current.next : new URLSearchParams(base);
      pending.current = { base, next };
      if (value) next.set(name, value);
      else next.delete(name);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { filter, openId, setParam };
}
