/**
 * Live changes only through promotion: a plain deploy to an environment of kind `live` is
 * refused, saying what to do instead. Promotions and rollbacks are how live changes.
 */
export function liveDeployRefusal(
  environment: { name: string; kind: string },
  release: { id: number; version: string },
  purpose: "deploy" | "promote" | "rollback",
): string | null {
  if (purpose !== "deploy" || environment.kind !== "live") return null;
  return `${environment.name} is live: it changes only through promotion, which checks the release's gates first. Promote ${release.version} instead (Promote on the Releases page, or POST /api/v1/releases/${release.id}/promote).`;
}
