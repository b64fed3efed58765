import { z } from "zod";
import type { App } from "../app";
import { currentUser } from "../auth/session";
import { acceptInvite, describeInvite } from "../services/members";
import { setUpFirstAdmin } from "../services/users";
import { fromAnotherSite } from "../auth/csrf";
import { DomainError } from "../../domain/errors";
import { ACCOUNT_LIMIT, parse, readObject, respond } from "./respond";

/** The account endpoints that come before a session: the first admin, and accepting an invitation. */

type AppSource = () => Promise<App>;
const password = z.string().min(1, "choose a password").max(200);

/** An account change another site's page sent (a form posting text/plain, say) is refused before anything is read. */
function refuseOtherSites(req: Request): void {
  if (fromAnotherSite(req))
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "This account change came from another site, so it was refused. Open Shiplane itself and try again.",
    );
}

export function setupHandler(req: Request, appSource: AppSource) {
  return respond(async () => {
    refuseOtherSites(req);
    const body = parse(
      z.object({ email: z.string().max(254), password, name: z.string().max(100).nullish() }),
      await readObject(req, ACCOUNT_LIMIT),
    );
    const user = await setUpFirstAdmin(await appSource(), body);
    return Response.json({ email: user.email, siteAdmin: true }, { status: 201 });
  });
}

export function describeInviteHandler(token: string, appSource: AppSource) {
  return respond(async () => Response.json(await describeInvite(await appSource(), token)));
}

export function acceptInviteHandler(token: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    refuseOtherSites(req);
    const app = await appSource();
    const body = parse(
      z.object({ password: password.nullish(), name: z.string().max(100).nullish() }),
      await readObject(req, ACCOUNT_LIMIT),
    );
    const user = await currentUser(app, req.headers);
    return Response.json(await acceptInvite(app, { token, signedInEmail: user?.email ?? null, ...body }));
  });
}
