import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertRelease } from "../../db/repositories/delivery";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import type * as T from "../../db/schema/shared-types";
import { changeProject } from "../unit-of-work";
import type { testApp } from "../testing/fixtures";
import type { BoardCard } from "../../domain/funnel/card";

/**
 * Real shell steps for deployment tests, in a folder of their own: deploy writes the version
 * into `<env>-<slot>`, verify writes JUnit XML (failing while a `fail` file exists), switch
 * records the active slot in `<env>-current`.
 */
export function stepScripts() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-steps-"));
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\nset -e\n${body}\n`, { mode: 0o755 });
    return file;
  };
  const deploy = script(
    "deploy.sh",
    `echo "deploying $SHIPLANE_VERSION to $SHIPLANE_ENVIRONMENT slot=\${SHIPLANE_SLOT:-none}"
echo "artifacts: $SHIPLANE_ARTIFACTS"
echo "$SHIPLANE_VERSION" > "${dir}/$SHIPLANE_ENVIRONMENT-\${SHIPLANE_SLOT:-main}"
echo "error output" >&2`,
  );
  const verify = script(
    "verify.sh",
    `if [ -f "${dir}/fail" ]; then
  printf '<testsuite name="regression" tests="2" failures="1"><testcase classname="checkout" name="pays by card"><failure message="500"/></testcase><testcase classname="home" name="serves the page"/></testsuite>' > "$SHIPLANE_JUNIT_FILE"
  exit 1
fi
printf '<testsuite name="regression" tests="2" failures="0"><testcase classname="checkout" name="pays by card"/><testcase classname="home" name="serves the page"/></testsuite>' > "$SHIPLANE_JUNIT_FILE"`,
  );
  const switchSlot = script(
    "switch.sh",
    `echo "switching $SHIPLANE_FROM_SLOT -> $SHIPLANE_TO_SLOT"\necho "$SHIPLANE_TO_SLOT" > "${dir}/$SHIPLANE_ENVIRONMENT-current"`,
  );
  const read = (name: string) =>
    fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), "utf8").trim() : null;
  return {
    dir,
    deploy,
    verify,
    switch: switchSlot,
    read,
    failNext: (fail: boolean) =>
      fail ? fs.writeFileSync(path.join(dir, "fail"), "") : fs.rmSync(path.join(dir, "fail"), { force: true }),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

type Ctx = Awaited<ReturnType<typeof testApp>>;

/** A test environment (in-place) and a live one (blue-green, blue active) whose steps are the scripts. */
export async function environmentsFor(
  ctx: Ctx,
  steps: ReturnType<typeof stepScripts>,
  overrides: { test?: Partial<T.EnvironmentConfig>; live?: Partial<T.EnvironmentConfig> } = {},
) {
  const command = (file: string) => ({ type: "command", command: `sh ${file}`, timeoutSeconds: 30 });
  const base = { deployer: command(steps.deploy), verify: command(steps.verify) };
  return changeProject(ctx.app, ctx.project.id, async (store) => {
    const [test, live] = await listEnvironments(store, ctx.project.id);
    await updateEnvironment(store, test.id, { config: { ...base, url: "/demo/test/", ...overrides.test } });
    await updateEnvironment(store, live.id, {
      strategy: "blue-green",
      activeSlot: "blue",
      config: {
        ...base,
        switch: command(steps.switch),
        slots: { blue: "/demo/live/blue/", green: "/demo/live/green/" },
        ...overrides.live,
      },
    });
    return { test: test.id, live: live.id };
  });
}

/** Stories already merged and built (moved by an admin past the gates), released as `version`. */
export async function releaseWithCards(
  ctx: Ctx,
  version: string,
  titles: string[],
  options: { needsManualQa?: boolean } = {},
) {
  const cards: BoardCard[] = [];
  for (const title of titles) {
    const card = await ctx.caller.item.create({
      project: "shiplane",
      title,
      kind: "story",
      description: "d",
      owner: "ana",
      needsManualQa: options.needsManualQa,
    });
    cards.push(
      await ctx.caller.item.move({
        id: card.id,
        toStage: "build",
        force: true,
        reason: "merged and built outside this test",
      }),
    );
  }
  const releaseId = await changeProject(ctx.app, ctx.project.id, (store) =>
    insertRelease(
      store,
      { projectId: ctx.project.id, version, commitSha: `${version}abc`, createdAt: ctx.app.now() },
      cards.map((c) => c.id),
    ),
  );
  return { releaseId, cards };
}

export { settle } from "../testing/worker";
