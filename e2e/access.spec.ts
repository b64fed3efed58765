import { expect, test, type Browser } from "@playwright/test";
import { ciToken, releasedStory, trpc, useDemoSteps } from "./delivery";
import { createProject } from "./fixtures";
import { PEOPLE, storageOf } from "./people";

test.describe.configure({ timeout: 90_000 });

const [MEMBER, RELEASE_MANAGER] = PEOPLE;

async function signedInAs(browser: Browser, key: string, baseURL: string) {
  const context = await browser.newContext({
    storageState: storageOf(key),
    baseURL,
    extraHTTPHeaders: { Origin: baseURL },
  });
  return { context, page: await context.newPage() };
}

test("a member cannot promote to live, and a release manager can", async ({ page, browser, baseURL }) => {
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const version = `${Math.floor(Date.now() / 1000) % 100000}.1.0`;
  const { releaseId } = await releasedStory(page, project, token, "Saved carts", version);
  for (const person of [MEMBER, RELEASE_MANAGER])
    await trpc(page.request, "member.setRole", { project, email: person.email, role: person.role });
  const deployed = await page.request.post(`/api/v1/releases/${releaseId}/deploy`, {
    headers: { authorization: `Bearer ${token}` },
    data: { environment: "test" },
  });
  expect(deployed.status()).toBe(202);

  const member = await signedInAs(browser, MEMBER.key, baseURL!);
  await member.page.goto(`/p/${project}/releases`);
  const row = (p: typeof page) => p.getByRole("row", { name: `Release ${version}` });
  await expect(row(member.page).getByRole("link", { name: `${version} on test: verified` })).toBeVisible({
    timeout: 30_000,
  });
  const memberPromote = row(member.page).getByRole("button", { name: "Promote…" });
  await expect(memberPromote).toBeDisabled();
  // The reason is the button's description, and shows on keyboard focus (and on a tap), not on hover only.
  const reason = "Only release managers and above can do this; your role here is member.";
  await expect(memberPromote).toHaveAccessibleDescription(reason);
  await memberPromote.focus();
  await expect(member.page.getByRole("tooltip").filter({ hasText: reason })).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Account menu" })).toContainText("member");
  // The API says the same to the member's session.
  const refused = await member.page.request.post(`/api/v1/releases/${releaseId}/promote`, { data: {} });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/needs the release-manager role; your role here is member/);
  await member.context.close();

  const manager = await signedInAs(browser, RELEASE_MANAGER.key, baseURL!);
  await manager.page.goto(`/p/${project}/releases`);
  await row(manager.page).getByRole("button", { name: "Promote…" }).click();
  const dialog = manager.page.getByRole("dialog", { name: `Promote ${version} to live?` });
  await dialog.getByRole("button", { name: `Promote ${version}` }).click();
  await expect(row(manager.page).getByRole("link", { name: `${version} on live: live` })).toBeVisible({
    timeout: 30_000,
  });
  await manager.context.close();

  await page.goto(`/p/${project}/audit?action=promotion.requested`);
  await expect(page.getByRole("row", { name: new RegExp(`${RELEASE_MANAGER.email}.*Promotion`) })).toBeVisible();
});

test("an admin invites someone by link; they choose a password and land in the project with their role", async ({
  page,
  browser,
  baseURL,
}) => {
  const project = await createProject(page.request);
  const email = `guest-${Date.now()}@e2e.test`;
  await page.goto(`/p/${project}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\//);

  const guest = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByText("You are invited to")).toContainText("as viewer");
  await guestPage.getByLabel("Name").fill("Gil Guest");
  await guestPage.getByLabel("Password").fill("guest-password");
  await guestPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/p/${project}$`));
  await expect(guestPage.getByRole("button", { name: "New idea" })).toBeDisabled();
  // The link works once.
  await guestPage.goto(link);
  await expect(guestPage.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();
  await guest.close();

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();
});

test("the sign-in page refuses a wrong password without saying whether the email exists, and signing out ends the session", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/p/anything");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(MEMBER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/p\/anything/);
  await expect(page.getByRole("heading", { name: /There is no project/ })).toBeVisible();
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/trpc/project.list")).status()).toBe(401);
  await context.close();
});

test("a session that ends while a page is open sends the person to sign in, and back after", async ({
  page,
  browser,
  baseURL,
}) => {
  const project = await createProject(page.request);
  await trpc(page.request, "member.setRole", { project, email: MEMBER.email, role: "member" });
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const signedIn = await context.request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL! },
    data: { email: MEMBER.email, password: MEMBER.password },
  });
  expect(signedIn.ok()).toBe(true);
  const member = await context.newPage();
  await member.goto(`/p/${project}/members`);
  await expect(member.getByRole("row", { name: new RegExp(MEMBER.email) })).toBeVisible();
  // Signed out elsewhere (another tab, or an admin disabling the account).
  await context.request.post("/api/auth/sign-out", { headers: { origin: baseURL! }, data: {} });
  await member.getByRole("link", { name: "Metrics" }).click();
  await expect(member).toHaveURL(/\/login\?next=/);
  await member.getByLabel("Email").fill(MEMBER.email);
  await member.getByLabel("Password").fill(MEMBER.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(new RegExp(`/p/${project}/metrics`));
  await context.close();
});

test("an open board follows its session and role: a role change reloads it, a sign-out elsewhere asks to sign in", async ({
  page,
  browser,
  baseURL,
}) => {
  const project = await createProject(page.request);
  await trpc(page.request, "member.setRole", { project, email: MEMBER.email, role: "member" });
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const signedIn = await context.request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL! },
    data: { email: MEMBER.email, password: MEMBER.password },
  });
  expect(signedIn.ok()).toBe(true);
  const member = await context.newPage();
  await member.goto(`/p/${project}`);
  const newIdea = member.getByRole("button", { name: "New idea" });
  await expect(newIdea).toBeEnabled();
  await expect(member.getByLabel("Live updates on")).toBeVisible();
  // An admin makes the member a viewer: within seconds the open board says so and drops what a viewer cannot do.
  await trpc(page.request, "member.setRole", { project, email: MEMBER.email, role: "viewer" });
  await expect(member.getByText("Your role in this project changed to viewer")).toBeVisible({ timeout: 10_000 });
  await expect(newIdea).toBeDisabled();
  await expect(member.getByLabel("Live updates on")).toBeVisible();
  // Signed out in another tab: the open board's stream ends and the page asks to sign in again.
  await context.request.post("/api/auth/sign-out", { headers: { origin: baseURL! }, data: {} });
  await expect(member).toHaveURL(/\/login\?next=/, { timeout: 10_000 });
  await context.close();
});

test("a shared link to a filtered board with an open card survives sign-in: path, query and hash", async ({
  page,
  browser,
  baseURL,
}) => {
  const project = await createProject(page.request);
  await trpc(page.request, "member.setRole", { project, email: MEMBER.email, role: "member" });
  const created = await page.request.post(`/api/v1/projects/${project}/items`, {
    data: { title: "Checkout copy", kind: "story", owner: "ana" },
  });
  const item = (await created.json()) as { id: number };
  const link = `/p/${project}?q=check&owner=ana&item=${item.id}#history`;
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest).toHaveURL(/\/login\?next=/);
  await guest.getByLabel("Email").fill(MEMBER.email);
  await guest.getByLabel("Password").fill(MEMBER.password);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest).toHaveURL(`${baseURL}${link}`);
  await expect(guest.getByLabel("Search cards")).toHaveValue("check");
  await expect(guest.getByRole("dialog", { name: /Checkout copy/ })).toBeVisible();
  await context.close();
});
