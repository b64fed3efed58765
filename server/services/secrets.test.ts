import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { isSealed, seal, unseal } from "../../db/secrets";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import { listProjectSecrets, sealProjectSecrets } from "../../db/repositories/projects";
import { readSettings } from "./environment-config";
import { testApp } from "../testing/fixtures";
import { sealStoredSecrets } from "./seal-secrets";

afterAll(closeTestDatabases);

describeOnEveryDatabase("secrets at rest", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const secret = process.env.SHIPLANE_SECRET;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });
  afterEach(() => {
    process.env.SHIPLANE_SECRET = secret;
  });
  const stored = async () => (await listProjectSecrets(ctx.app.database)).find((p) => p.id === ctx.project.id)!;

  it("keeps webhook secrets, the GitHub token and deploy-webhook secrets encrypted, and shows them decrypted to those who may see them", async () => {
    await ctx.caller.settings.setGithubToken({ project: "shiplane", token: "github_pat_abcdef1234" });
    const row = await stored();
    expect(isSealed(row.webhookSecret)).toBe(true);
    expect(isSealed(row.githubToken)).toBe(true);
    expect(row.githubToken).not.toContain("abcdef");
    const settings = await ctx.caller.settings.get({ project: "shiplane" });
    expect(settings.webhook.secret).toBe(unseal(row.webhookSecret!));
    expect(settings.githubToken).toEqual({ configured: true, ending: "1234" });

    await ctx.caller.release.configureEnvironment({
      project: "shiplane",
      environment: "test",
      settings: {
        deployer: { type: "webhook", url: "https://deploy.example.com/hook", secret: "a-deploy-secret-of-16+" },
      },
    });
    const [test] = await listEnvironments(ctx.app.database, ctx.project.id);
    expect(JSON.stringify(test.config)).not.toContain("a-deploy-secret");
    expect(readSettings(test.config).deployer).toMatchObject({ type: "webhook", secret: "a-deploy-secret-of-16+" });
    // Saving again with the secret left blank keeps it.
    await ctx.caller.release.configureEnvironment({
      project: "shiplane",
      environment: "test",
      settings: { deployer: { type: "webhook", url: "https://deploy.example.com/hook2", secret: "" } },
    });
    const [again] = await listEnvironments(ctx.app.database, ctx.project.id);
    expect(readSettings(again.config).deployer).toMatchObject({
      url: "https://deploy.example.com/hook2",
      secret: "a-deploy-secret-of-16+",
    });
    const shown = await ctx.caller.release.overview({ project: "shiplane" });
    expect(JSON.stringify(shown)).not.toContain("a-deploy-secret");
  });

  it("encrypts at start what was stored in clear, and says so when the key does not match", async () => {
    // As a database from before encryption at rest holds them.
    await sealProjectSecrets(ctx.app.database, ctx.project.id, {
      webhookSecret: "plain-secret",
      githubToken: "plain-token",
    });
    const [test] = await listEnvironments(ctx.app.database, ctx.project.id);
    await updateEnvironment(ctx.app.database, test.id, {
      config: {
        deployer: { type: "webhook", url: "https://x.example.com/", secret: "plain-deploy-secret", timeoutSeconds: 60 },
      },
    });
    expect(await sealStoredSecrets(ctx.app.database)).toBe(2);
    expect(await sealStoredSecrets(ctx.app.database)).toBe(0);
    const row = await stored();
    expect(unseal(row.webhookSecret!)).toBe("plain-secret");
    expect(unseal(row.githubToken!)).toBe("plain-token");
    expect((await ctx.caller.settings.get({ project: "shiplane" })).webhook.secret).toBe("plain-secret");

    process.env.SHIPLANE_SECRET = "another-key";
    expect(() => unseal(row.webhookSecret!)).toThrow(/SHIPLANE_SECRET .* is not the one it was sealed with/);
    expect(unseal(seal("round trip"))).toBe("round trip");
  });
});
