import type { Database } from "../../db/client";
import { registerCleanup } from "../../db/testing";
import { createApp } from "../compose";
import { LOCAL_OPERATOR, type Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { createCaller } from "../trpc/root";

/** A test clock that only moves when told to. */
export function fakeClock(start = new Date("2026-03-02T09:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** An app on the given database with a fake clock, a tRPC caller acting as `actor`, and a demo project. */
export async function testApp(database: Database, actor: Actor = LOCAL_OPERATOR) {
  const clock = fakeClock();
  const app: App = createApp(database, clock.now);
  registerCleanup(async () => {
    await app.runner.close();
    await app.notifier.close();
  });
  const caller = createCaller({ app, actor });
  const project = await caller.project.create({
    name: "Shiplane",
    slug: "shiplane",
    keyPrefix: "SL",
    repo: "acme/shiplane",
  });
  return { app, clock, caller, project, as: (other: Actor) => createCaller({ app, actor: other }) };
}
