/** A deployment that completed its steps (one rolled back since did, before it was replaced). */
export function completed(deployment: { status: string }): boolean {
  return deployment.status === "succeeded" || deployment.status === "rolled-back";
}

/** How a deployment reads on the releases page: one word, a tone and a sentence. */

export interface DeploymentSummary {
  status: string;
  phase: string | null;
  purpose: string;
  verification: "running" | "passed" | "failed" | null;
  finishedAt: Date | null;
  serving: boolean;
  slot: string | null;
  error: string | null;
}

export interface DeploymentState {
  label: string;
  tone: "green" | "amber" | "red" | "grey";
  title: string;
}

export function deploymentState(d: DeploymentSummary): DeploymentState {
  const where = d.slot ? ` (slot ${d.slot})` : "";
  if (d.status === "queued")
    return { label: "queued", tone: "amber", title: `Waiting for the deployment before it on this slot${where}.` };
  if (d.finishedAt === null) {
    if (d.status === "running" && (d.phase ?? "deploy") === "deploy")
      return { label: "deploying", tone: "amber", title: `The deployer is running${where}.` };
    if (d.phase === "verify")
      return { label: "verifying", tone: "amber", title: "The regression suite is running against it." };
    if (d.phase === "switch") return { label: "switching", tone: "amber", title: "Traffic is moving to it." };
    return { label: "running", tone: "amber", title: "In progress." };
  }
  if (d.status === "rolled-back")
    return { label: "rolled back", tone: "red", title: "It was live, and was rolled back." };
  if (d.status === "cancelled") return { label: "cancelled", tone: "grey", title: d.error ?? "Cancelled." };
  if (d.status === "failed") {
    const label = d.phase === "verify" ? "regression failed" : d.phase === "switch" ? "switch failed" : "failed";
    return { label, tone: "red", title: d.error ?? "It failed." };
  }
  if (d.serving && d.slot !== null)
    return { label: "live", tone: "green", title: `Serving traffic from slot ${d.slot}.` };
  if (d.serving)
    return {
      label: d.verification === "passed" ? "verified" : "deployed",
      tone: "green",
      title: "What this environment runs now.",
    };
  if (d.verification === "passed")
    return {
      label: d.slot ? "verified, idle" : "verified",
      tone: "green",
      title: `Deployed and passed the regression suite${where}.`,
    };
  return {
    label: d.slot ? "deployed, idle" : "deployed",
    tone: "green",
    title: `Deployed${where}${d.verification === null ? "; no regression result" : ""}.`,
  };
}
