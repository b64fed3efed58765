import { afterEach, expect, it } from "vitest";
import { isPrivateAddress, resolveWebhookHost, webhookUrlProblem } from "./webhook-address";

const allowed = process.env.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS;
afterEach(() => {
  if (allowed === undefined) delete process.env.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS;
  else process.env.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS = allowed;
});

it("knows loopback, link-local, private and multicast addresses in both families", () => {
  for (const ip of [
    "127.0.0.1",
    "10.2.3.4",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "100.64.0.1",
  ])
    expect(isPrivateAddress(ip), ip).toBe(true);
  for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
    expect(isPrivateAddress(ip), ip).toBe(false);
});

it("refuses private webhook URLs unless the instance allows them", async () => {
  process.env.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS = "0";
  expect(webhookUrlProblem("http://169.254.169.254/latest/meta-data")).toMatch(/link-local or private address/);
  expect(webhookUrlProblem("http://localhost:8080/hook")).toMatch(/private address/);
  expect(webhookUrlProblem("http://[::1]/hook")).toMatch(/private address/);
  expect(webhookUrlProblem("https://deploy.example.com/hook")).toBeNull();
  await expect(resolveWebhookHost("http://127.0.0.1:9/hook")).rejects.toThrow(/may not call those/);
  process.env.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS = "1";
  expect(webhookUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
  await expect(resolveWebhookHost("http://127.0.0.1:9/hook")).resolves.toEqual({ address: "127.0.0.1", family: 4 });
});
