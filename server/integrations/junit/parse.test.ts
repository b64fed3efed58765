import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createJUnitReader, parseJUnit } from "./parse";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("JUnit reports from common reporters", () => {
  it.each([
    ["node-test-runner.xml", { passed: 2, failed: 1, skipped: 1 }],
    ["vitest.xml", { passed: 2, failed: 1, skipped: 1 }],
    ["playwright.xml", { passed: 2, failed: 1, skipped: 1 }],
    ["jest-junit.xml", { passed: 2, failed: 1, skipped: 1 }],
    ["pytest.xml", { passed: 2, failed: 2, skipped: 1 }],
    ["surefire.xml", { passed: 2, failed: 1, skipped: 1 }],
  ])("%s", (name, totals) => {
    const report = parseJUnit(fixture(name));
    expect({ passed: report.passed, failed: report.failed, skipped: report.skipped }).toEqual(totals);
    expect(report.cases).toHaveLength(totals.passed + totals.failed + totals.skipped);
    const failing = report.cases.find((c) => c.status === "failed")!;
    expect(failing.message).toBeTruthy();
  });

  it("keeps each case's name, class, duration and failure message", () => {
    const report = parseJUnit(fixture("pytest.xml"));
    expect(report.cases[1]).toEqual({
      name: "test_remove_item",
      className: "tests.test_cart",
      durationMs: 3,
      status: "failed",
      message: "AssertionError: assert 1 == 2",
      flaky: false,
    });
    expect(report.cases[4]).toMatchObject({
      name: "test_payment",
      status: "failed",
      message: expect.stringMatching(/Connection refused/),
    });
    expect(parseJUnit(fixture("surefire.xml")).cases.find((c) => c.name === "computesTotal")).toMatchObject({
      status: "passed",
      flaky: true,
    });
    expect(parseJUnit(fixture("jest-junit.xml")).cases[1].message).toMatch(/^Error: expect\(received\)/);
  });

  it("reads a report fed in chunks as it arrives", () => {
    const xml = fixture("playwright.xml");
    const reader = createJUnitReader();
    for (let i = 0; i < xml.length; i += 97) reader.write(xml.slice(i, i + 97));
    expect(reader.close().cases).toHaveLength(4);
  });

  it("says where malformed XML breaks and refuses what is not JUnit", () => {
    expect(() => parseJUnit("<testsuite><testcase name='a'></testsuite>")).toThrow(/malformed at line 1, column \d+/);
    expect(() => parseJUnit("<html><body>502 Bad Gateway</body></html>")).toThrow(
      /not a JUnit report: its root element is <html>/,
    );
    expect(() => parseJUnit("")).toThrow(/empty/);
    expect(() => parseJUnit("<testsuites><testsuite><testcase name='a'/>")).toThrow(/ends too early|malformed/);
  });
});
