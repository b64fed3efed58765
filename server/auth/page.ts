import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getApp } from "../app";
import { needsSetup } from "../services/users";
import { currentUser, type SignedInUser } from "./session";

/** For pages: the signed-in person, or a redirect to the first-run setup or to the sign-in page. */
export async function requireSignedIn(returnTo: string): Promise<SignedInUser> {
  const app = await getApp();
  const user = await currentUser(app, await headers());
  if (user) return user;
  if (await needsSetup(app)) redirect("/setup");
  redirect(`/login?next=${encodeURIComponent(returnTo)}`);
}
