"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { toast } from "../ui/toaster";

/** The releases overview, refreshed every two seconds while something runs (ten otherwise). */
export function useReleases(project: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.release.overview.queryOptions({ project }),
    refetchInterval: (query) => {
      const data = query.state.data;
      const busy =
        data?.releases.some((r) => r.cells.some((c) => c.deployment?.active)) ||
        data?.environments.some((e) => e.status === "provisioning");
      return busy ? 2000 : 10_000;
    },
  });
}

export type ReleasesData = NonNullable<ReturnType<typeof useReleases>["data"]>;
export type ReleaseRow = ReleasesData["releases"][number];
export type EnvironmentView = ReleasesData["environments"][number];

/** The release actions, each refreshing the overview and saying what happened (or why not). */
export function useReleaseActions(project: string) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: trpc.release.overview.queryKey({ project }) });
  const failed = (title: string) => (error: unknown) => {
    const details = errorDetails(error);
    toast.error(title, details.reasons.length ? details.reasons : [details.message]);
  };
  const deploy = useMutation(
    trpc.release.deploy.mutationOptions({
      onSuccess: (_data, input) =>
        toast.info(`Deploying to ${input.environment}`, ["Follow it in the release's cell or its deployment page."]),
      onError: failed("Cannot deploy"),
      onSettled: refresh,
    }),
  );
  const promote = useMutation(
    trpc.release.promote.mutationOptions({
      onSuccess: () => toast.info("Promotion started", ["The cards move to Live when it is done."]),
      onError: failed("Cannot promote"),
      onSettled: refresh,
    }),
  );
  const rollback = useMutation(
    trpc.release.rollback.mutationOptions({
      onSuccess: (rollback) =>
        toast.info(`Rolling back ${rollback.environment} to ${rollback.target.version}`, [
          rollback.how === "switch" ? "Traffic switches back to its slot." : "It is deployed again, then verified.",
        ]),
      onError: failed("Cannot roll back"),
      onSettled: refresh,
    }),
  );
  const cancel = useMutation(
    trpc.release.cancel.mutationOptions({
      onSuccess: () => toast.info("Cancelling the deployment"),
      onError: failed("Cannot cancel"),
      onSettled: refresh,
    }),
  );
  const signOff = useMutation(
    trpc.release.signOffQa.mutationOptions({
      onSuccess: () => toast.success("QA signed off"),
      onError: failed("Cannot sign off"),
      onSettled: refresh,
    }),
  );
  const setPolicy = useMutation(
    trpc.release.setPolicy.mutationOptions({ onError: failed("Cannot change the release policy"), onSettled: refresh }),
  );
  return { deploy, promote, rollback, cancel, signOff, setPolicy, refresh };
}
