import { isSealed, seal } from "../../db/secrets";
import { listEnvironmentConfigs, updateEnvironment } from "../../db/repositories/environments";
import { listProjectSecrets, sealProjectSecrets } from "../../db/repositories/projects";
import type * as T from "../../db/schema/shared-types";
import type { Database } from "../../db/client";
import { sealSettings } from "./environment-config";

/** At start: secrets stored before they were encrypted at rest are encrypted now. Returns how many rows changed. */
export async function sealStoredSecrets(database: Database): Promise<number> {
  return database.transaction(async (store) => {
    let changed = 0;
    for (const project of await listProjectSecrets(store)) {
      const open = (value: string | null) => value !== null && !isSealed(value);
      if (open(project.webhookSecret) || open(project.githubToken)) {
        await sealProjectSecrets(store, project.id, {
          webhookSecret: seal(project.webhookSecret),
          githubToken: seal(project.githubToken),
        });
        changed++;
      }
    }
    for (const environment of await listEnvironmentConfigs(store)) {
      const sealed = sealSettings(environment.config);
      if (JSON.stringify(sealed) !== JSON.stringify(environment.config)) {
        await updateEnvironment(store, environment.id, { config: sealed as T.EnvironmentConfig });
        changed++;
      }
    }
    return changed;
  });
}
