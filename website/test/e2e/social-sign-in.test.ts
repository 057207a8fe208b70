import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  type MockIdentityProvider,
  startMockIdentityProvider,
} from "@textbook/auth-server/testing/mock-identity-provider";
import { mailsTo } from "@textbook/auth-server/testing/outbox";
import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { createSupabaseSchema, insertSupabaseUsers } from "@textbook/scripts/testing/supabase-fixture";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "./support/browser.js";
import { type Stack, startStack } from "./support/start-stack.js";

// oauth2-mock-server is the school's OpenID provider; its authorize endpoint answers at once, as the person
// `provider.signInAs` names. The auth-server requires verified e-mail addresses, as in production.
const PROVIDER = { id: "school", name: "Springfield University" };
const CONTINUE = `Continue with ${PROVIDER.name}`;
const CHAPTER = "/docs/ros2/nodes-and-topics";
const PATIENTLY = { timeout: 10_000 };
const MIGRATED = {
  id: "5b0c2f9e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
  email: "lin@springfield.edu",
  subject: "springfield-0042",
  fullName: "Lin Migrated",
};
const MIGRATE_CLI = join(
  dirname(createRequire(import.meta.url).resolve("@textbook/scripts/testing/supabase-fixture")),
  "../../src/migrate-supabase/cli.ts",
);

let provider: MockIdentityProvider;
let stack: Stack;
let pool: pg.Pool;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Moves a Supabase user whose only login is the school's provider into `target`, with the migration command. */
async function migrateSupabaseUser(target: TestDatabase): Promise<void> {
  const source = await createTestDatabase({ migrated: false });
  try {
    await createSupabaseSchema(source.url);
    await insertSupabaseUsers(source.url, [
      {
        id: MIGRATED.id,
        email: MIGRATED.email,
        emailIdentity: false,
        identities: [{ provider: PROVIDER.id, subject: MIGRATED.subject, email: MIGRATED.email }],
        profile: {
          full_name: MIGRATED.fullName,
          software_background: "intermediate",
          hardware_background: "advanced",
          programming_languages: ["Rust", "C++"],
          learning_goals: "Balance a biped.",
        },
      },
    ]);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", MIGRATE_CLI, "--yes"], {
        env: { ...process.env, SUPABASE_DB_URL: source.url, DATABASE_URL_UNPOOLED: target.url },
        stdio: "ignore",
      });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    expect(code).toBe(0);
  } finally {
    await source.drop();
  }
}

beforeAll(async () => {
  provider = await startMockIdentityProvider();
  const database = await createTestDatabase();
  pool = createPool({ connectionString: database.url, max: 1 });
  await migrateSupabaseUser(database);
  [stack, browser] = await Promise.all([
    startStack(database, {
      authEnv: {
        OIDC_PROVIDER_ID: PROVIDER.id,
        OIDC_PROVIDER_NAME: PROVIDER.name,
        OIDC_DISCOVERY_URL: provider.discoveryUrl,
        OIDC_CLIENT_ID: "textbook",
        OIDC_CLIENT_SECRET: "mock-secret",
        REQUIRE_EMAIL_VERIFICATION: "true",
      },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await pool?.end();
  await stack?.close();
  await provider?.stop();
});

/** A fresh browser profile (cookies, storage): one learner. */
async function freshPage(colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return context.newPage();
}

/** Presses the provider's button on the sign-in page on the way to `next`, the provider answering as `person`. */
async function continueWithProvider(
  page: Page,
  person: Parameters<MockIdentityProvider["signInAs"]>[0],
  next: string,
): Promise<void> {
  provider.signInAs(person);
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole("button", { name: CONTINUE }).click();
}

const navbar = (page: Page) => page.locator("nav.navbar");
const signedInUserId = (page: Page) =>
  page.evaluate(async (authUrl) => {
    const response = await fetch(`${authUrl}/api/auth/get-session`, { credentials: "include" });
    const body = (await response.json()) as { user?: { id: string } } | null;
    return body?.user?.id ?? null;
  }, stack.authUrl);

describe("sign-in with the school's OpenID provider, in Chromium", () => {
  it("offers the provider on the sign-in and registration pages, in light and dark mode", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await freshPage(scheme);
      for (const path of ["/login", "/register"]) {
        await page.goto(path);
        await page.getByRole("button", { name: CONTINUE }).waitFor();
        await page.waitForLoadState("networkidle");
        await screenshot(page, `${path.slice(1)}-with-provider-${scheme}`);
      }
    }
  });

  it("never asks for the provider list on a chapter page", async () => {
    const page = await freshPage();
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/auth/providers")) asked.push(request.url());
    });
    await page.goto(CHAPTER);
    await page.waitForLoadState("networkidle");
    expect(asked).toEqual([]);
    await page.goto("/login");
    await page.getByRole("button", { name: CONTINUE }).waitFor();
    expect(asked).toHaveLength(1);
  });

  it("takes a new learner through the provider and the background questions back to their chapter", async () => {
    const page = await freshPage();
    provider.signInAs({
      sub: "grace-1",
      email: "grace@springfield.edu",
      name: "Grace Hopper",
      email_verified: true,
    });
    await page.goto(`/login?next=${encodeURIComponent(CHAPTER)}`);
    await page.getByRole("button", { name: CONTINUE }).click();

    await page.waitForURL((url) => url.pathname === "/welcome");
    await expect.poll(() => page.getByLabel("Name").inputValue(), PATIENTLY).toBe("Grace Hopper");
    await page.getByLabel("Software background").selectOption("advanced");
    await page.getByLabel("A GPU workstation or a Jetson").check();
    await page.getByLabel("Programming languages").fill("COBOL, Python");
    await screenshot(page, "welcome-background-questions-light");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.waitForURL((url) => url.pathname === CHAPTER);
    await expect.poll(() => navbar(page).getByText("Grace Hopper").isVisible(), PATIENTLY).toBe(true);
    await page.goto("/profile");
    await expect.poll(() => page.getByLabel("Software background").inputValue(), PATIENTLY).toBe("advanced");
    expect(await page.getByLabel("Programming languages").inputValue()).toBe("COBOL, Python");
    expect(await page.getByLabel("A GPU workstation or a Jetson").isChecked()).toBe(true);
  });

  it("signs a migrated learner in through the button to the same account and the migrated profile", async () => {
    const page = await freshPage();
    provider.signInAs({ sub: MIGRATED.subject, email: MIGRATED.email, name: "Lin", email_verified: true });
    await page.goto(`/login?next=${encodeURIComponent("/profile")}`);
    await page.getByRole("button", { name: CONTINUE }).click();

    // A learner with a profile skips the questions.
    await page.waitForURL((url) => url.pathname === "/profile");
    await expect.poll(() => page.getByLabel("Name").inputValue(), PATIENTLY).toBe(MIGRATED.fullName);
    expect(await page.getByLabel("Software background").inputValue()).toBe("intermediate");
    expect(await page.getByLabel("Learning goals").inputValue()).toBe("Balance a biped.");
    expect(await signedInUserId(page)).toBe(MIGRATED.id);
    const { rows } = await pool.query(`SELECT id FROM "user" WHERE email = $1`, [MIGRATED.email]);
    expect(rows).toEqual([{ id: MIGRATED.id }]);
  });

  it("gives no session for an existing account when the provider has not verified the e-mail", async () => {
    const page = await freshPage();
    provider.signInAs({ sub: "impostor-1", email: MIGRATED.email, name: "Impostor", email_verified: false });
    await page.goto(`/login?next=${encodeURIComponent("/profile")}`);
    await page.getByRole("button", { name: CONTINUE }).click();

    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.has("error"));
    await page.getByText("An account with this e-mail address already exists").waitFor();
    expect(await signedInUserId(page)).toBeNull();
    await expect
      .poll(() => navbar(page).getByRole("link", { name: "Sign in" }).isVisible(), PATIENTLY)
      .toBe(true);
    const { rows } = await pool.query(`SELECT "accountId" FROM account WHERE "userId" = $1`, [MIGRATED.id]);
    expect(rows).toEqual([{ accountId: MIGRATED.subject }]);
  });

  it("links the provider to a password account on the account page, and unlinks it again", async () => {
    const email = "ada@springfield.edu";
    const signUp = await fetch(`${stack.authUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.websiteUrl },
      body: JSON.stringify({ email, password: "analytical-engine", name: "Ada" }),
    });
    expect(signUp.status).toBe(200);
    await pool.query(`UPDATE "user" SET "emailVerified" = true WHERE email = $1`, [email]);

    const page = await freshPage();
    await page.goto(`/login?next=${encodeURIComponent("/account/sign-in-methods")}`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("analytical-engine");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/account/sign-in-methods");
    const row = (name: string) => page.getByRole("listitem", { name });
    await row("Password").getByText("Set").waitFor();
    await row(PROVIDER.name).getByText("Not linked").waitFor();

    provider.signInAs({ sub: "ada-at-school", email, name: "Ada", email_verified: true });
    await page.getByRole("button", { name: `Link ${PROVIDER.name}` }).click();
    await page.waitForURL((url) => url.searchParams.get("linked") === PROVIDER.id);
    await page.getByText(`${PROVIDER.name} now signs you in too.`).waitFor();
    await row(PROVIDER.name).getByText("Linked").waitFor();
    await screenshot(page, "sign-in-methods-linked-light");

    await page.getByRole("button", { name: `Unlink ${PROVIDER.name}` }).click();
    await row(PROVIDER.name).getByText("Not linked").waitFor();
    const { rows } = await pool.query(
      `SELECT a."providerId" FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ providerId: "credential" }]);
  });

  it("never unlinks the only way to sign in, and sets a first password through the e-mail", async () => {
    const page = await freshPage();
    const grace = {
      sub: "grace-1",
      email: "grace@springfield.edu",
      name: "Grace Hopper",
      email_verified: true,
    };
    await continueWithProvider(page, grace, "/account/sign-in-methods");
    await page.waitForURL((url) => url.pathname === "/account/sign-in-methods");
    const row = (name: string) => page.getByRole("listitem", { name });
    await row("Password").getByText("No password yet").waitFor();
    expect(await page.getByRole("button", { name: `Unlink ${PROVIDER.name}` }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Set a password" }).click();
    await page.getByText("We sent a link to grace@springfield.edu").waitFor();
    await expect
      .poll(async () => (await mailsTo(stack.outboxDir, "grace@springfield.edu")).length, PATIENTLY)
      .toBe(1);
    const link = (await mailsTo(stack.outboxDir, "grace@springfield.edu"))[0]?.link as string;
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("first-password-ever");
    await page.getByLabel("Repeat the new password").fill("first-password-ever");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect
      .poll(
        async () =>
          (
            await pool.query(
              `SELECT count(*)::int AS n FROM account a JOIN "user" u ON u.id = a."userId"
                WHERE u.email = 'grace@springfield.edu' AND a."providerId" = 'credential'`,
            )
          ).rows[0].n,
        PATIENTLY,
      )
      .toBe(1);
  });

  it("deletes an account without a password soon after signing in through the provider, asking no password", async () => {
    const page = await freshPage();
    const emmy = { sub: "emmy-7", email: "emmy@springfield.edu", name: "Emmy Noether", email_verified: true };
    await continueWithProvider(page, emmy, "/profile");
    await page.waitForURL((url) => url.pathname === "/welcome");
    await expect.poll(() => page.getByLabel("Name").inputValue(), PATIENTLY).toBe("Emmy Noether");
    await page.getByLabel("Software background").selectOption("beginner");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL((url) => url.pathname === "/profile");

    await page.getByRole("button", { name: "Delete my account…" }).click();
    await page.getByText("Your account has no password").waitFor();
    expect(await page.getByLabel("Your password, to confirm").count()).toBe(0);
    await page.getByRole("button", { name: "Delete my account permanently" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM "user" WHERE email = 'emmy@springfield.edu'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it("shows no provider section at all when the auth-server has none configured", async () => {
    const off = [
      "OIDC_PROVIDER_ID",
      "OIDC_PROVIDER_NAME",
      "OIDC_DISCOVERY_URL",
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
    ];
    await stack.restartAuthServer(Object.fromEntries(off.map((name) => [name, ""])));
    const page = await freshPage();
    const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/providers"));
    await page.goto("/login");
    expect(await (await answered).json()).toEqual({ providers: [] });
    await page.getByLabel("E-mail").waitFor();
    expect(await page.getByRole("button", { name: /^Continue with/ }).count()).toBe(0);
    expect(await page.getByText("or with your e-mail address").count()).toBe(0);
  });

  it("says sign-in is unavailable, and offers no provider, while the auth-server is down", async () => {
    await stack.stopAuthServer();
    const page = await freshPage();
    await page.goto("/login");
    await page.getByText("Sign-in is unavailable right now").first().waitFor();
    expect(await page.getByRole("button", { name: /^Continue with/ }).count()).toBe(0);
  });
});
