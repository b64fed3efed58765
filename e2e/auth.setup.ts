import { expect, request as newRequest, test as setup } from "@playwright/test";
import { ADMIN } from "../playwright.config";
import { trpc } from "./delivery";
import { PEOPLE, storageOf } from "./people";

/** Signs in once as the instance admin through the login page, and once as each other person through the API. */
setup("sign in as the admin, and as a member and a release manager", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.context().storageState({ path: storageOf("admin") });

  const existing = await trpc<{ email: string }[]>(page.request, "user.list", undefined, "query");
  for (const person of PEOPLE) {
    if (!existing.some((u) => u.email === person.email))
      await trpc(page.request, "user.create", { email: person.email, password: person.password, name: person.name });
    const context = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const signedIn = await context.post("/api/auth/sign-in/email", {
      data: { email: person.email, password: person.password },
    });
    expect(signedIn.ok(), await signedIn.text()).toBe(true);
    await context.storageState({ path: storageOf(person.key) });
    await context.dispose();
  }
});
