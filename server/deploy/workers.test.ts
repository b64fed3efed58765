import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { findJob } from "../../db/repositories/workers";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { claimHandler, logHandler, resultHandler } from "../http/rest-workers";
import { testApp } from "../testing/fixtures";
import { testWorker } from "../testing/worker";
import { revokeWorker } from "../services/workers";
import { createProject } from "../services/create-project";
import { environmentsFor, releaseWithCards, stepScripts } from "./testing";
import { sweepJobs } from "./job-reports";
import { WORKER_SILENCE_MS } from "./jobs";
import { runJob } from "../worker/agent";

afterAll(closeTestDatabases);

describeOnEveryDatabase("workers", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let steps: ReturnType<typeof stepScripts>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    steps = stepScripts();
    await environmentsFor(ctx, steps);
  });
  afterEach(() => steps.cleanup());

  /** A release queued to test, its deploy step handed to a worker as job N. */
  async function queuedJob(version = "1.4.0") {
    const { releaseId } = await releaseWithCards(ctx, version, ["Gift cards"]);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await ctx.app.runner.idle();
    const deployment = await ctx.caller.release.deployment({ id: deploymentId });
    expect(deployment.log).toMatch(/Job \d+ runs `sh .*deploy\.sh[^`]*` on a worker/);
    return { deploymentId };
  }
  const call = (handler: (req: Request) => Promise<Response>, token: string | null, body = "{}") =>
    handler(
      new Request("http://localhost/api/v1/worker/x", {
        method: "POST",
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
        body,
      }),
    );
  const source = async () => ctx.app;

  it("gives a job to exactly one of two workers asking at once, and says when no worker is online", async () => {
    const { deploymentId } = await queuedJob();
    expect((await ctx.caller.release.deployment({ id: deploymentId })).log).toMatch(
      /Waiting for a worker: none is online/,
    );
    const [a, b] = await Promise.all([testWorker(ctx.app, { name: "a" }), testWorker(ctx.app, { name: "b" })]);
    const [one, two] = await Promise.all([a.api.claim(0), b.api.claim(0)]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    const ticket = (one ?? two)!;
    expect(ticket).toMatchObject({ phase: "deploy", command: `sh ${steps.deploy}` });
    expect(ticket.env).toMatchObject({ SHIPLANE_VERSION: "1.4.0", SHIPLANE_ENVIRONMENT: "test" });
    // The server's own settings are not in it.
    expect(Object.keys(ticket.env).filter((name) => !name.startsWith("SHIPLANE_"))).toEqual([]);
    const holder = one ? a : b;
    await runJob({ api: holder.api, workDir: holder.workDir }, ticket);
    await ctx.app.runner.idle();
    expect((await findJob(ctx.app.database, ticket.id))?.status).toBe("succeeded");
  });

  it("refuses unknown and revoked tokens (401), and a result or a log for a job the worker does not hold (409)", async () => {
    await queuedJob();
    expect((await call((r) => claimHandler(r, source), null)).status).toBe(401);
    expect((await call((r) => claimHandler(r, source), "slw_nobody-knows-this")).status).toBe(401);
    const holder = await testWorker(ctx.app, { name: "holder" });
    const other = await testWorker(ctx.app, { name: "other" });
    const job = (await holder.api.claim(0))!;
    const result = JSON.stringify({ ok: true, exitCode: 0, summary: "done" });
    const refused = await call((r) => resultHandler(String(job.id), r, source), other.token, result);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("JOB.NOT_HELD");
    expect((await call((r) => logHandler(String(job.id), r, source), other.token, "hi")).status).toBe(409);
    await revokeWorker(ctx.app, LOCAL_OPERATOR, other.worker.id);
    expect((await call((r) => claimHandler(r, source), other.token)).status).toBe(401);
    // The holder's report goes through; a second one finds the job ended.
    expect((await call((r) => resultHandler(String(job.id), r, source), holder.token, result)).status).toBe(200);
    expect((await call((r) => resultHandler(String(job.id), r, source), holder.token, result)).status).toBe(409);
  });

  it("cuts a log report over 1 MB with a note, and masks the environment's secret variables", async () => {
    await ctx.caller.release.configureEnvironment({
      project: "shiplane",
      environment: "test",
      settings: {
        deployer: { type: "command", command: `sh ${steps.deploy}` },
        variables: { TOKEN: { value: "hunter2-hunter2", secret: true } },
      },
    });
    const { deploymentId } = await queuedJob();
    const worker = await testWorker(ctx.app);
    const job = (await worker.api.claim(0))!;
    expect(job.mask).toEqual(["hunter2-hunter2"]);
    expect(job.env.TOKEN).toBe("hunter2-hunter2");
    await worker.api.start(job.id);
    await worker.api.log(job.id, "the token is hunter2-hunter2\n");
    expect(
      (await call((r) => logHandler(String(job.id), r, source), worker.token, "x".repeat(1024 * 1024 + 10))).status,
    ).toBe(200);
    const { log } = await ctx.caller.release.deployment({ id: deploymentId });
    expect(log).toContain("the token is ••••••");
    expect(log).not.toContain("hunter2");
    expect(log).toContain("This part of the output passed 1 MB and was cut.");
    expect(log).not.toContain("x".repeat(1024 * 1024 + 1));
  });

  it("fails a running job whose worker is silent for 60 s, and gives one that had not started to another worker", async () => {
    const { deploymentId } = await queuedJob();
    const first = await testWorker(ctx.app, { name: "first" });
    const job = (await first.api.claim(0))!;
    // Claimed, never started: after a minute of silence it goes back to the queue.
    ctx.clock.advance(WORKER_SILENCE_MS + 1000);
    expect(await sweepJobs(ctx.app)).toBe(1);
    expect(await findJob(ctx.app.database, job.id)).toMatchObject({ status: "queued", workerId: null });
    const second = await testWorker(ctx.app, { name: "second" });
    expect((await second.api.claim(0))?.id).toBe(job.id);
    await second.api.start(job.id);
    ctx.clock.advance(WORKER_SILENCE_MS - 1000);
    expect(await sweepJobs(ctx.app)).toBe(0);
    ctx.clock.advance(2000);
    expect(await sweepJobs(ctx.app)).toBe(1);
    await ctx.app.runner.idle();
    const deployment = await ctx.caller.release.deployment({ id: deploymentId });
    expect(deployment).toMatchObject({ status: "failed" });
    expect(deployment.error).toMatch(/Worker second went silent for 60 s while running job \d+/);
    expect(deployment.log).toMatch(/Worker first went silent before starting job \d+; it goes to another worker/);
  });

  describe("projects", () => {
    it("keeps one project's worker to its project's jobs", async () => {
      const other = await createProject(ctx.app, LOCAL_OPERATOR, { name: "Other", slug: "other", keyPrefix: "OT" });
      const own = await testWorker(ctx.app, { name: "shiplane-only", projects: ["shiplane"] });
      const elsewhere = await testWorker(ctx.app, { name: "other-only", projects: [other.slug] });
      const { deploymentId } = await queuedJob();
      expect(await elsewhere.api.claim(0)).toBeNull();
      const job = (await own.api.claim(0))!;
      expect((await findJob(ctx.app.database, job.id))?.deploymentId).toBe(deploymentId);
      const result = JSON.stringify({ ok: true, exitCode: 0, summary: "done" });
      expect((await call((r) => resultHandler(String(job.id), r, source), elsewhere.token, result)).status).toBe(409);
    });

    it("lets a project admin set command steps only on workers assigned to the project, which alone may run them", async () => {
      const admin = ctx.as({ id: "user:pat@example.com", role: "admin" });
      const settings = (tags: string[]) => ({
        project: "shiplane",
        environment: "test",
        settings: { deployer: { type: "command", command: "echo mine" }, workerTags: tags },
      });
      await expect(admin.release.configureEnvironment(settings([]))).rejects.toThrow(
        /only an instance admin may set them/,
      );
      const shared = await testWorker(ctx.app, { name: "shared", tags: ["deploy-host"] });
      await expect(admin.release.configureEnvironment(settings(["deploy-host"]))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await ctx.caller.release.configureEnvironment({
        ...settings(["eu"]),
        settings: { ...settings(["eu"]).settings, deployer: { type: "command", command: `sh ${steps.deploy}` } },
      });
      const own = await testWorker(ctx.app, { name: "own", tags: ["eu"], projects: ["shiplane"] });
      await admin.release.configureEnvironment({
        ...settings(["eu"]),
        settings: {
          ...settings(["eu"]).settings,
          deployer: { type: "command", command: `sh ${steps.deploy}; echo again` },
        },
      });
      const env = (await ctx.caller.release.overview({ project: "shiplane" })).environments[0];
      expect(env.settings).toMatchObject({ commandsSetBy: "project", workerTags: ["eu"] });
      await queuedJob();
      // A shared worker with every tag still may not run what a project admin set.
      const everything = await testWorker(ctx.app, { name: "everything", tags: ["*"] });
      expect(await everything.api.claim(0)).toBeNull();
      expect(await shared.api.claim(0)).toBeNull();
      expect((await own.api.claim(0))?.command).toMatch(/echo again/);
    });
  });

  it("refuses a step command over 10,000 characters with the field named", async () => {
    await expect(
      ctx.caller.release.configureEnvironment({
        project: "shiplane",
        environment: "test",
        settings: { deployer: { type: "command", command: "x".repeat(10_001) } },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/deployer\.command: at most 10,000/),
    });
  });
});
