import path from "node:path";
import { expect, it } from "vitest";
import { apiRouter, apiRoutes } from "./api-routes";

const route = apiRouter(apiRoutes(path.resolve(import.meta.dirname, "..", "..")));

it("answers unknown /api/ paths 404 and unknown methods 405 with what the route allows", () => {
  expect(route("/api/v1/nothing-here", "GET")).toEqual({ status: 404 });
  expect(route("/api/v1/items/12/move", "POST")).toBeNull();
  expect(route("/api/v1/items/12/move", "DELETE")).toEqual({ status: 405, allow: "POST" });
  expect(route("/api/v1/projects/demo/items", "PUT")).toEqual({ status: 405, allow: "GET, POST" });
  expect(route("/api/health", "HEAD")).toBeNull();
  expect(route("/api/trpc/board.get", "GET")).toBeNull();
  expect(route("/api/auth/sign-in/email", "POST")).toBeNull();
  expect(route("/p/demo", "GET")).toBeNull();
});
