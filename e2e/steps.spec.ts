import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, DATA_DIR } from "../playwright.config";
import { ciToken, trpc } from "./delivery";
import { createProject } from "./fixtures";

// Deploy steps run on the built-in worker, as an unprivileged account, with an allow-listed
// environment: a step that tries to read Shiplane's secrets sees none of them.
test("a step that prints its environment and reads the data folder sees neither the key nor any server variable", async ({
  page,
}) => {
  const project = await createProject(page.request);
  const key = path.join(DATA_DIR, "secret.key");
  const command = [
    "echo BEGIN-ENV",
    "env",
    "echo END-ENV",
    `cat ${key}`,
    `ls ${DATA_DIR}`,
    `head -c 64 ${path.join(DATA_DIR, "shiplane.db")} | od -c | head -2`,
    'echo "cwd=$(pwd)"',
    "echo secret=$API_KEY",
  ].join("; ");
  await trpc(page.request, "release.configureEnvironment", {
    project,
    environment: "test",
    settings: {
      deployer: { type: "command", command, timeoutSeconds: 30 },
      variables: {
        API_KEY: { value: "s3cr3t-value-of-the-step", secret: true },
        REGION: { value: "eu-1", secret: false },
      },
    },
  });
  const token = await ciToken(page.request, project);
  const build = await page.request.post(`/api/v1/projects/${project}/builds`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      buildId: "env-1",
      commitSha: "e".repeat(40),
      branch: "main",
      status: "passed",
      artifacts: [{ name: "web", version: "7.0.0" }],
    },
  });
  const releaseId = ((await build.json()) as { release: { id: number } }).release.id;
  const deploy = await page.request.post(`/api/v1/releases/${releaseId}/deploy`, {
    headers: { authorization: `Bearer ${token}` },
    data: { environment: "test" },
  });
  expect(deploy.status()).toBe(202);
  const { id } = (await deploy.json()) as { id: number };
  let log = "";
  await expect
    .poll(
      async () => {
        const d = (await (
          await page.request.get(`/api/v1/deployments/${id}`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          log: string;
          finishedAt: string | null;
        };
        log = d.log;
        return d.finishedAt !== null;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  // The output's own lines, not the command quoted in Shiplane's note above them.
  const env = (/^BEGIN-ENV$([\s\S]*?)^END-ENV$/m.exec(log)?.[1] ?? "").trim().split("\n");
  const names = env.map((line) => line.split("=")[0]).sort();
  // The shell adds PWD, SHLVL and _ of its own.
  const allowed = /^(PATH|HOME|LANG|TZ|PWD|OLDPWD|SHLVL|_|SHIPLANE_[A-Z_]+|API_KEY|REGION)$/;
  expect(names.filter((name) => !allowed.test(name))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(["PATH", "SHIPLANE_VERSION", "SHIPLANE_WORK_DIR", "REGION", "API_KEY"]));
  expect(log).not.toContain(fs.readFileSync(key, "utf8").trim());
  expect(log).not.toContain(ADMIN.password);
  expect(log).not.toContain("SHIPLANE_SECRET");
  expect(log).not.toContain("SHIPLANE_ADMIN");
  expect(log).not.toContain("SQLite format");
  expect(log).toMatch(/Permission denied/);
  expect(log).not.toContain("s3cr3t-value-of-the-step");
  expect(log).toContain("secret=••••••");
  expect(log).toMatch(/cwd=\/.*shiplane-e2e-work-/);
  expect(fs.statSync(DATA_DIR).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(DATA_DIR, "shiplane.db")).mode & 0o777).toBe(0o600);
});

test("the Workers page lists the built-in worker online and makes a worker token, shown once, that can be revoked", async ({
  page,
}) => {
  await page.goto("/workers");
  const table = page.getByRole("table", { name: "Workers" });
  const builtIn = table.getByRole("row").filter({ hasText: "built-in" });
  await expect(builtIn.getByText("online")).toBeVisible({ timeout: 30_000 });
  await expect(builtIn.getByText("*")).toBeVisible();
  const name = `eu-deploy-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Tags").fill("eu, docker");
  await page.getByRole("button", { name: "Create worker token" }).click();
  await expect(page.getByRole("status")).toContainText(`Copy ${name}'s token now`);
  await expect(page.getByRole("status").locator("code").first()).toHaveText(/^slw_/);
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("eu, docker")).toBeVisible();
  await expect(row.getByText("offline")).toBeVisible();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByText("revoked")).toBeVisible();
});
