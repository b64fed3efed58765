import type { App } from "../app";

/** 200 once the database is open and migrated; 503 with the cause otherwise. */
export async function health(appSource: () => Promise<App>): Promise<Response> {
  try {
    const app = await appSource();
    return Response.json({ status: "ok", db: app.database.dialect });
  } catch (error) {
    return Response.json(
      { status: "unavailable", error: { code: "DB.UNAVAILABLE", message: (error as Error).message } },
      { status: 503 },
    );
  }
}
