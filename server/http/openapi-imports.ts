import { scoped } from "./openapi-security";

type Describe = (description: string) => unknown;

/** Moving in: a Trello board or a Pivotal Tracker project, imported with its history. */
export function importPaths(error: Describe) {
  const query = (name: string, description: string, schema: unknown = { type: "string" }) => ({
    name,
    in: "query",
    required: false,
    schema,
    description,
  });
  return {
    "/api/v1/projects/{project}/imports": {
      parameters: [
        { name: "project", in: "path", required: true, schema: { type: "string" } },
        {
          name: "source",
          in: "query",
          required: true,
          schema: { type: "string", enum: ["trello", "pivotal"] },
          description: "trello: a board's JSON export; pivotal: a project's CSV export",
        },
        query("dryRun", "true: the report only, nothing written", { type: "string", enum: ["true", "false"] }),
        query("archived", "Trello: archived cards and closed lists go to the Archive", {
          type: "string",
          enum: ["true", "false"],
        }),
        query("map", 'Trello: "List name=stage", repeatable', { type: "array", items: { type: "string" } }),
      ],
      post: {
        summary: "Import a Trello board or a Pivotal Tracker CSV (up to 50 MB) with its history, all or nothing",
        security: scoped("admin"),
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", description: "A Trello board export" } },
            "text/csv": { schema: { type: "string", description: "A Pivotal Tracker CSV export" } },
          },
        },
        responses: {
          "200": {
            description:
              "A dry run's report: { dryRun, created, updated, unchanged, perStage, skipped, history, warnings }",
          },
          "201": { description: "The import's report, as for a dry run" },
          "400": error("Not a Trello board, or a CSV without Id and Title columns (says what is missing)"),
          "401": error("No valid token"),
          "403": error("The token lacks admin"),
          "404": error("No such project"),
          "413": error("Over 50 MB"),
        },
      },
    },
    "/api/v1/projects/{project}/export": {
      parameters: [
        { name: "project", in: "path", required: true, schema: { type: "string" } },
        query("format", "json (default): every card with its history; csv: one row per card", {
          type: "string",
          enum: ["json", "csv"],
        }),
      ],
      get: {
        summary: "Export every card of the project, the archive too",
        security: scoped("items:read"),
        responses: {
          "200": {
            description:
              "JSON { format, exportedAt, project, cards: [{ key, title, stage, owner, labels, estimate, createdAt, reachedLiveAt, source, history }] }, or CSV (Key, Title, Stage, Owner, Labels, Estimate, Created, Reached Live)",
          },
          "400": error("An unknown format"),
          "401": error("No valid token"),
          "403": error("The token lacks items:read"),
          "404": error("No such project"),
        },
      },
    },
  };
}
