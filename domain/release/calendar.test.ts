import { describe, expect, it } from "vitest";
import { activeFreeze, cronProblem, dueRun, nextRun } from "./calendar";

const at = (iso: string) => new Date(iso);

describe("schedules", () => {
  it("finds the run that is due, within the grace period only", () => {
    expect(dueRun("0 2 * * *", "UTC", at("2026-03-03T02:00:00Z"), 60_000)).toEqual(at("2026-03-03T02:00:00Z"));
    expect(dueRun("0 2 * * *", "UTC", at("2026-03-03T02:00:59Z"), 60_000)).toEqual(at("2026-03-03T02:00:00Z"));
    expect(dueRun("0 2 * * *", "UTC", at("2026-03-03T02:05:00Z"), 60_000)).toBeNull();
    expect(dueRun("0 2 * * *", "UTC", at("2026-03-03T01:59:00Z"), 60_000)).toBeNull();
  });

  it("tells the next run in the schedule's time zone", () => {
    expect(nextRun("0 2 * * *", "Europe/Berlin", at("2026-03-03T12:00:00Z"))).toEqual(at("2026-03-04T01:00:00Z"));
  });

  it("explains a bad expression or time zone", () => {
    expect(cronProblem("0 2 * * *")).toBeNull();
    expect(cronProblem("every night")).toMatch(/five-field cron expression/);
    expect(cronProblem("61 2 * * *")).toMatch(/not a valid schedule/);
    expect(cronProblem("0 2 * * *", "Mars/Olympus")).toMatch(/in Mars\/Olympus is not a valid schedule/);
  });
});

describe("freeze windows", () => {
  const friday = { cron: "0 16 * * 5", durationMinutes: 64 * 60, timezone: "UTC", note: "weekend" };
  it("is in force from each opening for its duration", () => {
    expect(activeFreeze([friday], at("2026-03-06T15:59:00Z"))).toBeNull();
    expect(activeFreeze([friday], at("2026-03-06T16:00:00Z"))).toMatchObject({
      window: friday,
      endsAt: at("2026-03-09T08:00:00Z"),
    });
    expect(activeFreeze([friday], at("2026-03-08T23:00:00Z"))?.endsAt).toEqual(at("2026-03-09T08:00:00Z"));
    expect(activeFreeze([friday], at("2026-03-09T08:00:00Z"))).toBeNull();
  });
});
