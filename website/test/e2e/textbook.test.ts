import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import { lastMail, mailsTo } from "@textbook/auth-server/testing/outbox";
import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "./support/browser.js";
import { type Stack, startStack } from "./support/start-stack.js";

// One build, one stack and one browser for the whole journey of a learner, step by step.
const CHAPTER = "/docs/ros2/nodes-and-topics";
// expect.poll gives up after 1 s by default; a loaded CI machine needs longer for a round trip or two.
const PATIENTLY = { timeout: 10_000 };
const LEARNER = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine-1843" };

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([createTestDatabase().then(startStack), launchChromium()]);
  context = await newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A fresh browser profile (cookies, storage) on the site; Playwright's waits end well before the test's. */
async function newContext(colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
  const created = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
  created.setDefaultTimeout(10_000);
  return created;
}

const navbar = (target: Page) => target.locator("nav.navbar");

/** The page follows the browser's dark scheme, and axe finds no text without enough contrast on it. */
async function expectDarkAndLegible(target: Page): Promise<void> {
  expect(await target.locator("html").getAttribute("data-theme")).toBe("dark");
  const { violations } = await new AxeBuilder({ page: target }).withRules(["color-contrast"]).analyze();
  expect(
    violations.flatMap((violation) =>
      violation.nodes.map((node) => `${target.url()} ${node.target.join(" ")}: ${node.failureSummary}`),
    ),
  ).toEqual([]);
}
const section = (target: Page, title: string) => target.locator("section", { hasText: title });

async function signIn(target: Page, email: string, password: string, next = "/profile"): Promise<void> {
  await target.goto(`/login?next=${encodeURIComponent(next)}`);
  await target.getByLabel("E-mail").fill(email);
  await target.getByLabel("Password").fill(password);
  await target.getByRole("button", { name: "Sign in" }).click();
  await target.waitForURL((url) => url.pathname === next);
}

describe("a learner in Chromium", () => {
  it("registers with background answers and lands signed in, with the name in the navbar", async () => {
    await page.goto(`/register?next=${encodeURIComponent(CHAPTER)}`);
    await page.getByLabel("Name").fill(LEARNER.name);
    await page.getByLabel("E-mail").fill(LEARNER.email);
    await page.getByLabel("Password").fill(LEARNER.password);
    await page.getByLabel("Software background").selectOption("beginner");
    await page.getByLabel("Simulation on my computer").check();
    await page.getByLabel("Programming languages").fill("Python, Bash");
    await page.getByLabel("Learning goals").fill("Make a humanoid fetch a cup.");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "register-light");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === CHAPTER);
    await expect.poll(() => navbar(page).getByText(LEARNER.name).isVisible(), PATIENTLY).toBe(true);
  });

  it("sees the beginner's primer and the simulation lab in a chapter, with a switch to show all variants", async () => {
    await page.goto(CHAPTER);
    await section(page, "Python primer: classes and callbacks").waitFor();
    await page.getByText("is meant for another background").first().waitFor();
    expect(await section(page, "Under the hood: executors").count()).toBe(0);
    expect(await section(page, "Lab: drive turtlesim to a goal").isVisible()).toBe(true);
    expect(await section(page, "Lab: drive a differential-drive robot").count()).toBe(0);
    await section(page, "Lab: drive turtlesim to a goal").scrollIntoViewIfNeeded();
    await screenshot(page, "chapter-beginner-light", { viewport: true });

    await page.getByLabel("Show all variants").first().check();
    await section(page, "Lab: drive a differential-drive robot").waitFor();
    await section(page, "Under the hood: executors").waitFor();
    await page.getByLabel("Show all variants").first().uncheck();
    await expect
      .poll(() => section(page, "Lab: drive a differential-drive robot").count(), PATIENTLY)
      .toBe(0);
  });

  it("edits the profile and sees the change persist across a reload", async () => {
    await page.goto("/profile");
    await page.getByLabel("Software background").selectOption("advanced");
    await page.getByLabel("A real robot or kit").check();
    await page.getByLabel("Robotics experience").fill("Built a line follower.");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Your profile is saved.").waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel("Software background").inputValue(), PATIENTLY).toBe("advanced");
    expect(await page.getByLabel("A real robot or kit").isChecked()).toBe(true);
    expect(await page.getByLabel("Robotics experience").inputValue()).toBe("Built a line follower.");
    expect(await page.getByLabel("Programming languages").inputValue()).toBe("Python, Bash");
    await screenshot(page, "profile-light");
  });

  it("then sees the advanced variants of the chapter", async () => {
    await page.goto(CHAPTER);
    // The static HTML holds every variant; the learner's show once the profile has loaded.
    await expect.poll(() => section(page, "Python primer: classes and callbacks").count(), PATIENTLY).toBe(0);
    expect(await section(page, "Lab: drive turtlesim to a goal").isVisible()).toBe(true);
    expect(await section(page, "Under the hood: executors").isVisible()).toBe(true);
    expect(await section(page, "Lab: drive a differential-drive robot").isVisible()).toBe(true);
  });

  it("is told about a conflicting edit from another tab, and keeps their own edit", async () => {
    const other = await context.newPage();
    await other.goto("/profile");
    await page.goto("/profile");
    // Both tabs hold the profile (and its ETag) before either saves; on a busy machine this tab's read could
    // otherwise arrive after the other tab's save, and there would be no conflict to tell about.
    await page.getByLabel("Learning goals").waitFor();
    await other.getByLabel("Learning goals").fill("Goals saved in the other tab.");
    await other.getByRole("button", { name: "Save profile" }).click();
    await other.getByText("Your profile is saved.").waitFor();

    await page.getByLabel("Learning goals").fill("Goals typed in this tab.");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("changed in another tab or device").waitFor();
    expect(await page.getByLabel("Learning goals").inputValue()).toBe("Goals typed in this tab.");
    expect(await page.getByText("Goals saved in the other tab.").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Save my version" }).click();
    await page.getByText("Your profile is saved.").waitFor();
    await other.reload();
    await expect
      .poll(() => other.getByLabel("Learning goals").inputValue(), PATIENTLY)
      .toBe("Goals typed in this tab.");
    await other.close();
  });

  it("revokes a session on another device, which is then signed out", async () => {
    const device = await newContext();
    const devicePage = await device.newPage();
    await signIn(devicePage, LEARNER.email, LEARNER.password);

    await page.goto("/account/sessions");
    await page.getByText("This device").waitFor();
    await expect.poll(() => page.locator("li", { hasText: "Last seen" }).count(), PATIENTLY).toBe(2);
    await screenshot(page, "sessions-light");
    await page.getByRole("button", { name: "Sign out this session" }).click();
    await expect.poll(() => page.locator("li", { hasText: "Last seen" }).count(), PATIENTLY).toBe(1);

    await devicePage.goto("/profile");
    await devicePage.waitForURL((url) => url.pathname === "/login");
    await device.close();
  });

  it("signs out, and is sent to sign in when opening the profile", async () => {
    await page.goto("/");
    await screenshot(page, "home-signed-in-light");
    await navbar(page).getByRole("button", { name: LEARNER.name }).click();
    await navbar(page).getByRole("button", { name: "Sign out" }).click();
    await navbar(page).getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto("/profile");
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/profile");
    await screenshot(page, "login-light");
  });

  it("resets a forgotten password through the link in the local outbox", async () => {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(LEARNER.email);
    await page.getByRole("button", { name: "Send the reset link" }).click();
    await page.getByText("is on its way").waitFor();

    const reset = await lastMail(stack.outboxDir, LEARNER.email, "Reset", 0, PATIENTLY.timeout);
    await page.goto(reset.link);
    await page.waitForURL((url) => url.pathname === "/reset-password" && url.searchParams.has("token"));
    LEARNER.password = "difference-engine-1822";
    await page.getByLabel("New password", { exact: true }).fill(LEARNER.password);
    await page.getByLabel("Repeat the new password").fill(LEARNER.password);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByText("Your password is changed").waitFor();

    await signIn(page, LEARNER.email, LEARNER.password);
    await navbar(page).getByText(LEARNER.name).waitFor();
  });

  // axe reads every element's colours on six pages: minutes, not seconds, on a loaded machine.
  it("shows every page a learner visits in dark mode, with legible contrast (screenshots for review)", {
    timeout: 300_000,
  }, async () => {
    const dark = await newContext("dark");
    const darkPage = await dark.newPage();
    for (const [path, name] of [
      ["/", "home-dark"],
      ["/register", "register-dark"],
      ["/login", "login-dark"],
    ] as const) {
      await darkPage.goto(path);
      await darkPage.waitForLoadState("networkidle");
      await expectDarkAndLegible(darkPage);
      await screenshot(darkPage, name);
    }
    await signIn(darkPage, LEARNER.email, LEARNER.password);
    await darkPage.getByLabel("Software background").waitFor();
    await expectDarkAndLegible(darkPage);
    await screenshot(darkPage, "profile-dark");
    await darkPage.goto("/account/sessions");
    await darkPage.getByText("This device").waitFor();
    await expectDarkAndLegible(darkPage);
    await screenshot(darkPage, "sessions-dark");
    await darkPage.goto(CHAPTER);
    await darkPage
      .getByText("Added for you: your profile says you have a real robot or kit.")
      .first()
      .waitFor();
    await section(darkPage, "Lab: drive a differential-drive robot").scrollIntoViewIfNeeded();
    await expectDarkAndLegible(darkPage);
    await screenshot(darkPage, "chapter-advanced-dark", { viewport: true });
    await dark.close();
  });

  it("finds the account menu in the navbar's drawer on a phone, which closes on the way to a page", async () => {
    const phone = await browser.newContext({
      baseURL: stack.websiteUrl,
      viewport: { width: 390, height: 844 },
    });
    phone.setDefaultTimeout(10_000);
    const phonePage = await phone.newPage();
    await signIn(phonePage, LEARNER.email, LEARNER.password, "/");
    await phonePage.getByRole("button", { name: "Toggle navigation bar" }).click();
    const drawer = phonePage.locator(".navbar-sidebar");
    await drawer.getByText(LEARNER.name).waitFor();
    await drawer.getByRole("link", { name: "Sessions" }).waitFor();
    await drawer.getByRole("button", { name: "Sign out" }).waitFor();
    await phonePage.waitForTimeout(500); // the drawer slides in; let it settle for the screenshot
    await screenshot(phonePage, "menu-phone-light", { viewport: true });
    await drawer.getByRole("link", { name: "Sessions" }).click();
    await phonePage.getByText("This device").waitFor();
    await expect.poll(() => phonePage.locator(".navbar-sidebar--show").count(), PATIENTLY).toBe(0);
    await phone.close();
  });

  it("verifies the e-mail address through the outbox link when required, then exports the data and leaves", async () => {
    await stack.restartAuthServer({ REQUIRE_EMAIL_VERIFICATION: "true" });
    const newcomer = await newContext();
    const grace = await newcomer.newPage();
    const email = "grace@example.com";
    await grace.goto("/register");
    await grace.getByLabel("Name").fill("Grace Hopper");
    await grace.getByLabel("E-mail").fill(email);
    await grace.getByLabel("Password").fill("cobol-compiler-1959");
    await grace.getByLabel("Software background").selectOption("advanced");
    await grace.getByLabel("A real robot or kit").check();
    await grace.getByRole("button", { name: "Create account" }).click();
    await grace.getByText("Your account is created").waitFor();
    await expect.poll(() => mailsTo(stack.outboxDir, email), PATIENTLY).toHaveLength(1);

    // Signing in before verifying is explained, and sends a fresh link that also leads back to the site.
    await grace.goto("/login");
    await grace.getByLabel("E-mail").fill(email);
    await grace.getByLabel("Password").fill("cobol-compiler-1959");
    await grace.getByRole("button", { name: "Sign in" }).click();
    await grace.getByText("not verified yet").waitFor();
    await expect.poll(() => mailsTo(stack.outboxDir, email), PATIENTLY).toHaveLength(2);
    await grace.goto(String((await mailsTo(stack.outboxDir, email)).at(-1)?.link));
    await grace.waitForURL((url) => url.pathname === "/verify-email");
    await grace.getByText("Your e-mail address is verified").waitFor();
    await navbar(grace).getByText("Grace Hopper").waitFor();
    await grace.goto(CHAPTER);
    await grace.getByText("Added for you: your profile says you have a real robot or kit.").first().waitFor();

    // Grace also takes her data with her, then leaves.
    await grace.goto("/profile");
    const [download] = await Promise.all([
      grace.waitForEvent("download"),
      grace.getByRole("button", { name: "Export my data" }).click(),
    ]);
    const exported = await readFile(String(await download.path()), "utf8");
    expect(exported).toContain("Grace Hopper");
    await grace.getByRole("button", { name: "Delete my account…" }).click();
    await grace.getByLabel("Your password, to confirm").fill("cobol-compiler-1959");
    await grace.getByRole("button", { name: "Delete my account permanently" }).click();
    await grace.getByText("Your account and your learner profile have been deleted.").waitFor();
    await newcomer.close();
  });

  it("reads a chapter normally while the auth-server is down, and is told sign-in is unavailable", async () => {
    await stack.stopAuthServer();
    const offline = await newContext();
    const reader = await offline.newPage();
    await reader.goto(CHAPTER);
    await reader.getByRole("heading", { level: 1, name: "Nodes and Topics" }).waitFor();
    await section(reader, "Lab: drive turtlesim to a goal").waitFor();
    await navbar(reader).getByRole("link", { name: "Sign in" }).waitFor();
    await reader.goto("/login");
    await reader.getByText("Sign-in is unavailable right now").waitFor();
    await screenshot(reader, "login-auth-down-light");
    await offline.close();
  });
});
