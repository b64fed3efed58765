import { z } from "zod";
import { STAGE_KEYS, type StageKey } from "../../domain/funnel/stages";
import type { App } from "../app";
import { MAX_IMPORT_BYTES, planFile } from "../import/plan-file";
import { exportProject } from "../services/export-project";
import { importCards } from "../services/import-cards";
import { authorizeProject } from "./authorize";
import { parse, readText, respond } from "./respond";

const importQuery = z.object({
  source: z.enum(["trello", "pivotal"], 'source is "trello" (a board\'s JSON export) or "pivotal" (a CSV export)'),
  dryRun: z.enum(["true", "false"]).optional(),
  archived: z.enum(["true", "false"]).optional(),
  /** Trello: `map=List name=stage`, repeatable. */
  map: z
    .array(
      z
        .string()
        .max(300)
        .regex(new RegExp(`^.+=(${STAGE_KEYS.join("|")})$`), 'map is "List name=stage"'),
    )
    .max(100)
    .optional(),
});

/**
 * POST /api/v1/projects/{project}/imports?source=trello|pivotal[&dryRun=true][&archived=true][&map=…]
 * with the export file as the body (up to 50 MB) and an admin token: the import report.
 */
export function importHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    const { actor } = await authorizeProject(app, req, slug, "admin");
    const params = new URL(req.url).searchParams;
    const query = parse(importQuery, {
      source: params.get("source") ?? undefined,
      dryRun: params.get("dryRun") ?? undefined,
      archived: params.get("archived") ?? undefined,
      map: params.getAll("map").length ? params.getAll("map") : undefined,
    });
    const { text } = await readText(req, MAX_IMPORT_BYTES);
    const map: Record<string, StageKey> = {};
    for (const pair of query.map ?? [])
      map[pair.slice(0, pair.lastIndexOf("="))] = pair.slice(pair.lastIndexOf("=") + 1) as StageKey;
    const plan = planFile(query.source, text, { map, archived: query.archived === "true" });
    const dryRun = query.dryRun === "true";
    const report = await importCards(app, actor, { project: slug, plan, dryRun });
    return Response.json(report, { status: dryRun ? 200 : 201 });
  });
}

const exportQuery = z.object({ format: z.enum(["json", "csv"], 'format is "json" or "csv"') });

/** GET /api/v1/projects/{project}/export?format=json|csv (items:read): every card, to take out. */
export function exportHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    await authorizeProject(app, req, slug, "items:read");
    const { format } = parse(exportQuery, { format: new URL(req.url).searchParams.get("format") ?? "json" });
    const body = await exportProject(app, { project: slug, format });
    const file = `${slug}-${app.now().toISOString().slice(0, 10)}.${format}`;
    const headers = { "content-disposition": `attachment; filename="${file}"` };
    return format === "csv"
      ? new Response(body as string, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } })
      : Response.json(body, { headers });
  });
}
