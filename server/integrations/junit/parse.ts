import { SaxesParser } from "saxes";
import { DomainError } from "../../../domain/errors";

export type CaseStatus = "passed" | "failed" | "skipped";

export interface TestCaseResult {
  name: string;
  className: string | null;
  durationMs: number;
  status: CaseStatus;
  message: string | null;
  /** Reported as flaky by the runner itself (Surefire's flakyFailure / flakyError, a rerun that passed). */
  flaky: boolean;
}

export interface JUnitReport {
  cases: TestCaseResult[];
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

const MESSAGE_MAX = 4000;
/** The most cases one report may hold; past it the cases are only counted, for the refusal. */
export const MAX_CASES = 200_000;

/**
 * A streaming JUnit XML reader for the dialects in use (pytest, Surefire/Ant, jest-junit,
 * Vitest, Mocha, Playwright, Node's test runner, JUnit 5 console, NUnit's JUnit output).
 * Totals come from counting <testcase> elements, never from summary attributes (reporters
 * disagree about them). Memory stays bounded: only each case's fields and a capped message.
 */
export function createJUnitReader() {
  const parser = new SaxesParser({ position: true });
  const cases: TestCaseResult[] = [];
  let root: string | null = null;
  let current: TestCaseResult | null = null;
  let inResult: "failure" | "error" | "skipped" | "flaky" | null = null;
  let messageText = "";
  let failure: Error | null = null;
  let empty = true;
  let counted = 0;

  parser.on("opentag", (tag) => {
    const name = tag.name;
    const attr = (key: string) => {
      const value = tag.attributes[key];
      return typeof value === "string" ? value : null;
    };
    if (root === null) {
      root = name;
      if (name !== "testsuites" && name !== "testsuite") {
        failure = new DomainError(
          "VALIDATION",
          `This is not a JUnit report: its root element is <${name}>, not <testsuites> or <testsuite>.`,
        );
      }
      return;
    }
    if (name === "testcase") {
      const seconds = Number.parseFloat(attr("time") ?? "0");
      current = {
        name: attr("name") ?? "(unnamed)",
        className: attr("classname") ?? attr("class"),
        durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0,
        status: "passed",
        message: null,
        flaky: false,
      };
      return;
    }
    if (!current) return;
    if (name === "failure" || name === "error") {
      current.status = "failed";
      inResult = name;
      messageText = attr("message") ?? "";
    } else if (name === "skipped") {
      if (current.status !== "failed") current.status = "skipped";
      inResult = "skipped";
      messageText = attr("message") ?? "";
    } else if (name === "flakyFailure" || name === "flakyError" || name === "rerunFailure" || name === "rerunError") {
      current.flaky = true;
      inResult = "flaky";
      messageText = attr("message") ?? "";
    }
  });
  parser.on("text", (text) => {
    if (inResult && inResult !== "flaky" && messageText.length < MESSAGE_MAX)
      messageText += messageText ? "" : text.trim();
  });
  parser.on("cdata", (text) => {
    if (inResult && inResult !== "flaky" && !messageText) messageText = text.trim();
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "testcase" && current) {
      counted += 1;
      if (counted <= MAX_CASES) cases.push(current);
      current = null;
    } else if (current && inResult && tag.name !== "testcase") {
      if (inResult !== "flaky" && !current.message) current.message = messageText.slice(0, MESSAGE_MAX) || null;
      inResult = null;
      messageText = "";
    }
  });
  parser.on("error", (error) => {
    failure ??= new DomainError(
      "VALIDATION",
      `The XML is malformed at line ${parser.line}, column ${parser.column}: ${error.message.replace(/^\d+:\d+: /, "")}`,
    );
  });

  return {
    write(chunk: string) {
      if (empty && chunk.trim()) empty = false;
      if (failure) return;
      try {
        parser.write(chunk);
      } catch (error) {
        failure ??= new DomainError(
          "VALIDATION",
          `The XML is malformed at line ${parser.line}, column ${parser.column}: ${(error as Error).message.replace(/^\d+:\d+: /, "")}`,
        );
      }
    },
    close(): JUnitReport {
      if (empty) throw new DomainError("VALIDATION", "The body is empty: send a JUnit XML report.");
      if (!failure) {
        try {
          parser.close();
        } catch (error) {
          failure ??= new DomainError(
            "VALIDATION",
            `The XML ends too early: ${(error as Error).message.replace(/^\d+:\d+: /, "")}`,
          );
        }
      }
      if (failure) throw failure;
      if (counted > MAX_CASES)
        throw new DomainError(
          "REPORT.TOO_LARGE",
          `The report has ${counted.toLocaleString("en")} test cases; one report takes at most ${MAX_CASES.toLocaleString("en")}. Split it by suite and send each part.`,
          { cases: counted, limit: MAX_CASES },
        );
      return summarise(cases);
    },
  };
}

export function summarise(cases: TestCaseResult[]): JUnitReport {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let durationMs = 0;
  for (const c of cases) {
    if (c.status === "passed") passed++;
    else if (c.status === "failed") failed++;
    else skipped++;
    durationMs += c.durationMs;
  }
  return { cases, passed, failed, skipped, durationMs };
}

export function parseJUnit(xml: string): JUnitReport {
  const reader = createJUnitReader();
  reader.write(xml);
  return reader.close();
}
