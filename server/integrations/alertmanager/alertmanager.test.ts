import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase, registerCleanup } from "../../../db/testing";
import { environmentsFor, releaseWithCards, settle, stepScripts } from "../../deploy/testing";
import { testApp } from "../../testing/fixtures";
import { alertmanagerWebhookHandler, listAlertsHandler } from "./webhook";

afterAll(closeTestDatabases);

const BINARY = ["prometheus-alertmanager", "alertmanager"].find(
  (name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0,
);
const requireBinary = process.env.SHIPLANE_REQUIRE_ALERTMANAGER === "1";

const firing = (name: string, labels: Record<string, string>, startsAt = "2026-03-02T10:00:00.123456789Z") => ({
  status: "firing",
  labels: { alertname: name, ...labels },
  annotations: { summary: `${name} summary` },
  startsAt,
  endsAt: "0001-01-01T00:00:00Z",
  generatorURL: "http://prometheus:9090/graph",
  fingerprint: `fp-${name}`,
});
const notification = (status: string, alerts: unknown[]) => ({
  version: "4",
  status,
  receiver: "shiplane",
  groupKey: "{}:{}",
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: "http://am",
  truncatedAlerts: 0,
  alerts,
});

describeOnEveryDatabase("Alertmanager alerts", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let steps: ReturnType<typeof stepScripts>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    token = (await ctx.caller.settings.createToken({ project: "shiplane", scopes: ["alerts:write", "items:read"] }))
      .token;
    steps = stepScripts();
  });
  afterEach(() => steps.cleanup());
  const post = (body: unknown, bearer = token) =>
    alertmanagerWebhookHandler(
      "shiplane",
      new Request("http://x/", {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}` },
        body: JSON.stringify(body),
      }),
      async () => ctx.app,
    );
  const list = async (query = "") =>
    (
      await (
        await listAlertsHandler(
          "shiplane",
          new Request(`http://x/?${query}`, { headers: { authorization: `Bearer ${token}` } }),
          async () => ctx.app,
        )
      ).json()
    ).alerts;

  it("stores each alert by fingerprint and start, takes each alert's own status, and ignores repeats", async () => {
    const critical = firing("HighErrorRate", { severity: "critical", environment: "live" });
    const first = await post(
      notification("firing", [critical, firing("DiskFilling", { severity: "warning", env: "test" })]),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 2, fired: 2, resolved: 0, unchanged: 0 });
    expect(await (await post(notification("firing", [critical]))).json()).toMatchObject({ unchanged: 1, fired: 0 });
    const stored = await list("status=firing");
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "HighErrorRate",
          severity: "critical",
          environment: "live",
          endsAt: null,
          startsAt: "2026-03-02T10:00:00.123Z",
          annotations: { summary: "HighErrorRate summary" },
        }),
        expect.objectContaining({ name: "DiskFilling", severity: "warning", environment: "test" }),
      ]),
    );
    // The critical alert on live holds promotions, naming it.
    await environmentsFor(ctx, steps);
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    await expect(ctx.caller.release.promote({ releaseId })).rejects.toThrow(
      /Critical alert "HighErrorRate" is firing on live/,
    );
    // A group still "firing" may carry a resolved alert: its own status counts.
    const resolved = { ...critical, status: "resolved", endsAt: "2026-03-02T10:20:00Z" };
    expect(
      await (
        await post(notification("firing", [resolved, firing("DiskFilling", { severity: "warning", env: "test" })]))
      ).json(),
    ).toMatchObject({ resolved: 1, unchanged: 1 });
    expect((await list("status=firing")).map((a: { name: string }) => a.name)).toEqual(["DiskFilling"]);
    expect(await list("status=resolved")).toEqual([
      expect.objectContaining({ name: "HighErrorRate", endsAt: "2026-03-02T10:20:00.000Z" }),
    ]);
    expect((await ctx.caller.release.checkPromotion({ releaseId })).decision.allowed).toBe(true);
  });

  it("reads the environment from the label the project names", async () => {
    await ctx.caller.release.setPolicy({ project: "shiplane", alertEnvironmentLabel: "stage" });
    await expect(
      ctx.caller.release.setPolicy({ project: "shiplane", alertEnvironmentLabel: "not a label" }),
    ).rejects.toThrow(/Prometheus label name/);
    await post(notification("firing", [firing("A", { stage: "live", environment: "test" })]));
    expect(await list()).toEqual([expect.objectContaining({ name: "A", environment: "live" })]);
    expect((await ctx.caller.release.overview({ project: "shiplane" })).policy.alertEnvironmentLabels).toEqual([
      "stage",
      "environment",
      "env",
    ]);
  });

  it("refuses a bad token, a wrong scope and a malformed payload, storing nothing", async () => {
    const reader = (await ctx.caller.settings.createToken({ project: "shiplane", scopes: ["items:read"] })).token;
    expect((await post(notification("firing", [firing("A", {})]), "nope")).status).toBe(401);
    expect((await post(notification("firing", [firing("A", {})]), reader)).status).toBe(403);
    const wrongVersion = await post({ ...notification("firing", [firing("A", {})]), version: "3" });
    expect(wrongVersion.status).toBe(400);
    expect((await wrongVersion.json()).error.message).toMatch(/version "4"/);
    expect((await post(notification("firing", [{ ...firing("A", {}), startsAt: "yesterday" }]))).status).toBe(400);
    const badEnd = await post(notification("resolved", [{ ...firing("A", {}), status: "resolved", endsAt: "soon" }]));
    expect(badEnd.status).toBe(400);
    expect((await badEnd.json()).error.message).toMatch(/endsAt: an RFC 3339 time/);
    expect(await list()).toEqual([]);
  });

  it("rolls a blue-green environment back when a critical alert fires soon after a switch, naming the alert", async () => {
    await environmentsFor(ctx, steps, { live: { autoRollback: { withinMinutes: 30 } } });
    for (const version of ["1.3.0", "1.4.0"]) {
      const { releaseId } = await releaseWithCards(ctx, version, [`Story ${version}`]);
      await ctx.caller.release.deploy({ releaseId, environment: "test" });
      await settle(ctx.app);
      await ctx.caller.release.promote({ releaseId });
      await settle(ctx.app);
    }
    expect(steps.read("live-current")).toBe("blue");
    // A warning does not roll back; a critical alert five minutes after the switch does.
    const soon = new Date(ctx.app.now().getTime() + 5 * 60_000).toISOString();
    await post(notification("firing", [firing("SlowPages", { severity: "warning", environment: "live" }, soon)]));
    await settle(ctx.app);
    expect(steps.read("live-current")).toBe("blue");
    await post(notification("firing", [firing("CheckoutDown", { severity: "critical", environment: "live" }, soon)]));
    await settle(ctx.app);
    expect(steps.read("live-current")).toBe("green");
    const view = await ctx.caller.release.overview({ project: "shiplane" });
    const rollback = view.releases.find((r) => r.version === "1.3.0")!.cells[1].deployment!;
    const detail = await ctx.caller.release.deployment({ id: rollback.id });
    expect(detail).toMatchObject({ purpose: "rollback", triggeredBy: "system", status: "succeeded" });
    expect(detail.events[0]).toMatchObject({
      type: "rollback.requested",
      payload: {
        alert: "CheckoutDown",
        reason: expect.stringMatching(/"CheckoutDown" fired 5 min after 1.4.0 went live/),
      },
    });
  });

  it.skipIf(!BINARY && !requireBinary)("takes notifications from a real Alertmanager", async () => {
    if (!BINARY)
      throw new Error(
        "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager), and this run requires it.",
      );
    // The receiver: a local HTTP server in front of the webhook handler.
    const receiver = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const response = await alertmanagerWebhookHandler(
        "shiplane",
        new Request("http://x/", {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
        async () => ctx.app,
      );
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    registerCleanup(() => new Promise((resolve) => receiver.close(() => resolve())));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/alertmanager/shiplane`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-am-"));
    fs.writeFileSync(
      path.join(dir, "alertmanager.yml"),
      `route:
  receiver: shiplane
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: shiplane
    webhook_configs:
      - url: ${receiverUrl}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${token}
`,
    );
    const port = 19093 + Math.floor(Math.random() * 500);
    const am: ChildProcess = spawn(
      BINARY,
      [
        `--config.file=${dir}/alertmanager.yml`,
        `--storage.path=${dir}/data`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--cluster.listen-address=",
      ],
      { stdio: "ignore" },
    );
    registerCleanup(async () => {
      am.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const api = `http://127.0.0.1:${port}/api/v2`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${api}/status`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const startsAt = new Date().toISOString();
    const alert = {
      labels: { alertname: "CheckoutErrors", severity: "critical", environment: "live" },
      annotations: { summary: "Checkout 5xx above 5%" },
      startsAt,
      generatorURL: "http://prometheus/graph",
    };
    expect(
      (
        await fetch(`${api}/alerts`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([alert]),
        })
      ).ok,
    ).toBe(true);
    const waitFor = async (status: string) => {
      for (let i = 0; i < 100; i++) {
        const alerts = await list(`status=${status}`);
        if (alerts.length) return alerts;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`Alertmanager's ${status} notification did not arrive`);
    };
    const [stored] = await waitFor("firing");
    expect(stored).toMatchObject({
      name: "CheckoutErrors",
      severity: "critical",
      environment: "live",
      endsAt: null,
      annotations: { summary: "Checkout 5xx above 5%" },
    });
    expect(stored.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Resolve it: Alertmanager sends the resolved notification with the same fingerprint and start.
    const endsAt = new Date().toISOString();
    expect(
      (
        await fetch(`${api}/alerts`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([{ ...alert, endsAt }]),
        })
      ).ok,
    ).toBe(true);
    const [resolved] = await waitFor("resolved");
    expect(resolved).toMatchObject({ id: stored.id, name: "CheckoutErrors" });
    expect(await list("status=firing")).toEqual([]);
  });
});
