import { seal, unseal } from "../../db/secrets";
import { EMPTY_SETTINGS, type EnvironmentSettings } from "../../domain/release/environment";
import { environmentSettings } from "../contracts/environment";

type StepKey = "deployer" | "switch" | "provision";
const WEBHOOK_STEPS: StepKey[] = ["deployer", "switch", "provision"];

/** Applies `change` to the secret of each webhook step and to each secret variable's value. */
function mapSecrets<S extends object>(settings: S, change: (secret: string) => string): S {
  const out = { ...settings } as Record<string, unknown>;
  for (const key of WEBHOOK_STEPS) {
    const step = out[key] as { type?: string; secret?: string } | null | undefined;
    if (step?.type === "webhook" && typeof step.secret === "string" && step.secret)
      out[key] = { ...step, secret: change(step.secret) };
  }
  const variables = out.variables as Record<string, { value?: unknown; secret?: unknown }> | undefined;
  if (variables && typeof variables === "object") {
    out.variables = Object.fromEntries(
      Object.entries(variables).map(([name, variable]) => [
        name,
        variable?.secret === true && typeof variable.value === "string" && variable.value
          ? { ...variable, value: change(variable.value) }
          : variable,
      ]),
    );
  }
  return out as S;
}

/** An environment row's stored settings (secrets decrypted); anything unreadable falls back to "not configured". */
export function readSettings(config: unknown): EnvironmentSettings {
  const parsed = environmentSettings.safeParse(mapSecrets((config ?? {}) as Record<string, unknown>, unseal));
  return parsed.success ? parsed.data : EMPTY_SETTINGS;
}

/** Settings as they are stored: webhook secrets encrypted. */
export function sealSettings<S extends object>(settings: S): S {
  return mapSecrets(settings, seal);
}

/** The settings as the UI and the API show them: webhook secrets and secret variables are never sent back. */
export function redactSettings(settings: EnvironmentSettings): EnvironmentSettings {
  const hide = <S extends EnvironmentSettings["deployer"]>(s: S): S =>
    s && s.type === "webhook" ? { ...s, secret: "" } : s;
  return {
    ...settings,
    deployer: hide(settings.deployer),
    switch: hide(settings.switch),
    provision: hide(settings.provision),
    variables: Object.fromEntries(
      Object.entries(settings.variables).map(([name, v]) => [name, v.secret ? { value: "", secret: true } : v]),
    ),
  };
}
