/** Value types shared by both dialects' schemas (JSON columns and enumerated text). */
export type ItemKind = "idea" | "story";
export type PullRequestState = "open" | "closed" | "merged";
export type ReviewState = "approved" | "changes_requested" | "commented" | "dismissed";
export type ChecksState = "none" | "pending" | "passed" | "failed";
export type BuildStatus = "queued" | "running" | "passed" | "failed" | "cancelled";
export type DeploymentStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "rolled-back";
export type EnvironmentStrategy = "in-place" | "blue-green";
export type EventPayload = Record<string, unknown>;
export type EnvironmentConfig = Record<string, unknown>;
export type AlertLabels = Record<string, string>;
export type DeliveryStatus = "pending" | "processed" | "ignored" | "failed";
export type DeploymentPurpose = "deploy" | "promote" | "rollback";
export type DeploymentPhase = "deploy" | "verify" | "switch";
export type StepStatus = "running" | "passed" | "failed";
export type EnvironmentStatus = "provisioning" | "ready" | "failed";
export type JobPhase = "deploy" | "verify" | "switch" | "provision";
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
/** A deploy freeze, Argo-style: from each occurrence of the cron expression, for `durationMinutes`. */
export interface FreezeWindow {
  cron: string;
  durationMinutes: number;
  timezone?: string;
  note?: string;
}
