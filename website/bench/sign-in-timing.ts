import { performance } from "node:perf_hooks";
import type { Browser, Page } from "playwright-core";

export interface Learner {
  name: string;
  email: string;
  password: string;
}

/** Registers `learner` through the site's form (with background answers), then signs the browser out. */
export async function registerLearner(browser: Browser, siteUrl: string, learner: Learner): Promise<void> {
  const context = await browser.newContext({ baseURL: siteUrl });
  const page = await context.newPage();
  await page.goto("/register?next=/profile");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByLabel("Software background").selectOption("intermediate");
  await page.getByLabel("Simulation on my computer").check();
  // The profile is created from the registration answers right after sign-up. The profile page shows those
  // answers before the PUT lands, so wait for the PUT itself: closing the browser earlier can cancel it.
  const profileSaved = page.waitForResponse(
    (response) =>
      response.request().method() === "PUT" && new URL(response.url()).pathname === "/v1/profiles/me",
  );
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/profile");
  const saved = await profileSaved;
  if (!saved.ok()) throw new Error(`saving the registration's profile failed: ${saved.status()}`);
  await profileShown(page);
  await context.close();
}

/**
 * Milliseconds from the click on "Sign in" (on /login?next=/profile, form filled) until the profile page shows
 * the learner's saved data, in a fresh browser profile each time (no cached session or token).
 */
export async function timeSignInToProfile(
  browser: Browser,
  siteUrl: string,
  learner: Learner,
): Promise<number> {
  const context = await browser.newContext({ baseURL: siteUrl });
  const page = await context.newPage();
  await page.goto("/login?next=/profile", { waitUntil: "networkidle" });
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  const button = page.getByRole("button", { name: "Sign in" });
  const started = performance.now();
  await button.click();
  await page.waitForFunction(() => {
    const select = Array.from(document.querySelectorAll("label")).find(
      (label) => label.textContent === "Software background",
    );
    const field = select && document.getElementById(select.htmlFor);
    return field instanceof HTMLSelectElement && field.value === "intermediate";
  });
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

/** Resolves once the profile page shows the saved software background (checked on every animation frame). */
async function profileShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const labels = Array.from(document.querySelectorAll("label"));
    const label = labels.find((candidate) => candidate.textContent === "Software background");
    const field = label && document.getElementById(label.htmlFor);
    return field instanceof HTMLSelectElement && field.value === "intermediate";
  });
}
