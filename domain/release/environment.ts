/** An environment's settings: how Shiplane deploys to it, checks it, switches it and when. */

export type Slot = "blue" | "green";
export const SLOTS: readonly Slot[] = ["blue", "green"];

/** A step Shiplane runs: a local command, or a signed POST to an external deploy tool. */
export type StepConfig =
  | { type: "command"; command: string; timeoutSeconds: number }
  | { type: "webhook"; url: string; secret: string; timeoutSeconds: number };

/** The regression step: a command that writes JUnit XML, or an external runner that posts its results. */
export type VerifyConfig =
  { type: "command"; command: string; timeoutSeconds: number } | { type: "external"; timeoutSeconds: number };

export interface ScheduleConfig {
  /** Five-field cron: when to deploy the newest green release here. */
  cron: string;
  timezone: string | null;
}

export interface EnvironmentSettings {
  /** Where the environment answers (in-place), or where traffic goes (blue-green). */
  url: string | null;
  /** Each slot's own address, for blue-green. */
  slots: Record<Slot, string | null>;
  deployer: StepConfig | null;
  verify: VerifyConfig | null;
  /** Blue-green: moves traffic to the other slot. */
  switch: StepConfig | null;
  /** Prepares a new environment made from a template. */
  provision: StepConfig | null;
  schedule: ScheduleConfig | null;
  /** Blue-green: switch back on its own when a critical alert fires this soon after a switch. */
  autoRollback: { withinMinutes: number } | null;
  /** Its command steps run on workers that have every one of these tags. */
  workerTags: string[];
  /** Variables its steps see beside Shiplane's own; secret ones are sealed at rest and masked in logs. */
  variables: Record<string, { value: string; secret: boolean }>;
  /** Who last set its command steps: a project admin's run only on workers assigned to the project. */
  commandsSetBy: "instance" | "project";
}

export const EMPTY_SETTINGS: EnvironmentSettings = {
  url: null,
  slots: { blue: null, green: null },
  deployer: null,
  verify: null,
  switch: null,
  provision: null,
  schedule: null,
  autoRollback: null,
  workerTags: [],
  variables: {},
  commandsSetBy: "instance",
};

export type Strategy = "in-place" | "blue-green";

export function otherSlot(slot: Slot): Slot {
  return slot === "blue" ? "green" : "blue";
}

export function isSlot(value: unknown): value is Slot {
  return value === "blue" || value === "green";
}

/** Where a deployment lands: the idle slot for blue-green, the environment itself for in-place. */
export function targetSlot(strategy: Strategy, activeSlot: string | null): Slot | null {
  if (strategy !== "blue-green") return null;
  return otherSlot(isSlot(activeSlot) ? activeSlot : "green");
}

/** The address a step should check: the slot's own for blue-green, else the environment's. */
export function addressOf(settings: EnvironmentSettings, slot: Slot | null): string | null {
  return (slot ? settings.slots[slot] : null) ?? settings.url;
}

/** Resolves a relative address ("/demo/live/") against the app's public URL. */
export function absoluteUrl(address: string | null, base: string): string | null {
  if (!address) return null;
  try {
    return new URL(address, base.endsWith("/") ? base : `${base}/`).toString();
  } catch {
    return null;
  }
}

/** Copies an environment's settings for a new environment made from it (schedules are not copied). */
export function fromTemplate(settings: EnvironmentSettings, name: string, templateName: string): EnvironmentSettings {
  const rename = (value: string | null) => (value ? value.split(`/${templateName}/`).join(`/${name}/`) : value);
  return {
    ...settings,
    url: rename(settings.url),
    slots: { blue: rename(settings.slots.blue), green: rename(settings.slots.green) },
    schedule: null,
  };
}
