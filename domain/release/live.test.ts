import { expect, it } from "vitest";
import { liveDeployRefusal } from "./live";

const release = { id: 7, version: "1.4.0" };

it("refuses a plain deploy to a live environment, saying to promote, and nothing else", () => {
  expect(liveDeployRefusal({ name: "production", kind: "live" }, release, "deploy")).toMatch(
    /production is live: it changes only through promotion.*Promote 1\.4\.0 instead.*\/api\/v1\/releases\/7\/promote/,
  );
  expect(liveDeployRefusal({ name: "production", kind: "live" }, release, "promote")).toBeNull();
  expect(liveDeployRefusal({ name: "production", kind: "live" }, release, "rollback")).toBeNull();
  expect(liveDeployRefusal({ name: "staging", kind: "test" }, release, "deploy")).toBeNull();
});
