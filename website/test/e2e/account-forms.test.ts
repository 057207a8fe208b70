import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.js";
import { type Stack, startStack } from "./support/start-stack.js";

// The account forms share one submit hook: the same failure reads the same everywhere, and the focus goes to it.
const UNAVAILABLE =
  "Sign-in is unavailable right now: the account service cannot be reached. The textbook still works; try again in a few minutes.";
const LEARNER = { name: "Hedy Lamarr", email: "hedy.forms@example.com", password: "frequency-hopping-1942" };

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([createTestDatabase().then(startStack), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Each form filled in correctly, so that only the auth-server can make it fail. */
const FORMS: { path: string; fill: (page: Page) => Promise<void>; submit: string }[] = [
  {
    path: "/login",
    fill: async (page) => {
      await page.getByLabel("E-mail").fill(LEARNER.email);
      await page.getByLabel("Password").fill(LEARNER.password);
    },
    submit: "Sign in",
  },
  {
    path: "/register",
    fill: async (page) => {
      await page.getByLabel("Name").fill(LEARNER.name);
      await page.getByLabel("E-mail").fill(LEARNER.email);
      await page.getByLabel("Password").fill(LEARNER.password);
    },
    submit: "Create account",
  },
  {
    path: "/forgot-password",
    fill: (page) => page.getByLabel("E-mail").fill(LEARNER.email),
    submit: "Send the reset link",
  },
];

describe("the account forms in Chromium", () => {
  it("give the same understandable alert, with the focus on it, on sign-in, registration and forgot-password while the auth-server is down", {
    timeout: 120_000,
  }, async () => {
    await stack.stopAuthServer();
    const context = await browser.newContext({ baseURL: stack.websiteUrl });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    for (const form of FORMS) {
      await page.goto(form.path);
      // Keys typed before hydration would be reset by React; Docusaurus marks the page once it has hydrated.
      await page.locator('html[data-has-hydrated="true"]').waitFor({ state: "attached" });
      await form.fill(page);
      await page.getByRole("button", { name: form.submit, exact: true }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect({ path: form.path, alert: (await alert.textContent())?.trim() }).toEqual({
        path: form.path,
        alert: UNAVAILABLE,
      });
      await expect
        .poll(() => alert.evaluate((node) => node === document.activeElement), { timeout: 10_000 })
        .toBe(true);
      // The learner's answers stay in the form, and it can be sent again.
      expect(await page.getByLabel("E-mail").inputValue()).toBe(LEARNER.email);
      expect(await page.getByRole("button", { name: form.submit, exact: true }).isEnabled()).toBe(true);
    }
    await context.close();
  });
});
