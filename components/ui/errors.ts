import { TRPCClientError } from "@trpc/client";
import type { BoardCard } from "../../domain/funnel/card";

/** What a refused request carries: the domain code, a gate's reasons, the current card on a conflict, and the fields to mark. */
export interface ErrorDetails {
  code: string | null;
  message: string;
  reasons: string[];
  current: BoardCard | null;
  /** The first message for each invalid field, by its dotted path ("title", "settings.deployer.command"). */
  fields: Record<string, string>;
}

export function errorDetails(error: unknown): ErrorDetails {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as {
      domainCode?: string | null;
      details?: { reasons?: string[]; current?: BoardCard } | null;
      fieldErrors?: Record<string, string[]> | null;
    };
    const fields = Object.fromEntries(
      Object.entries(data.fieldErrors ?? {}).map(([field, messages]) => [field, messages[0] ?? "is not valid"]),
    );
    return {
      code: data.domainCode ?? null,
      message: error.message,
      reasons: data.details?.reasons ?? [],
      current: data.details?.current ?? null,
      fields,
    };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    reasons: [],
    current: null,
    fields: {},
  };
}
