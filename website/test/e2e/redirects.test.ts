import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.js";
import { type Stack, startStack } from "./support/start-stack.js";

// This file's own learner (every e2e file has its own database and e-mails).
const LEARNER = { name: "Grace Hopper", email: "grace.redirects@example.com", password: "compiler-a-0-1952" };
// The first example: a tab after the first slash, which URL parsers drop, leaving "//evil.example".
const HOSTILE_NEXT = "/\t/evil.example";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([createTestDatabase().then(startStack), launchChromium()]);
  const signUp = await fetch(`${stack.authUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.websiteUrl },
    body: JSON.stringify(LEARNER),
  });
  expect(signUp.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("redirects after signing in, in Chromium", () => {
  it("sends a learner whose ?next= names another site to the home page, never off the site", async () => {
    const context = await browser.newContext({ baseURL: stack.websiteUrl });
    context.setDefaultTimeout(10_000);
    const offSite: string[] = [];
    // Anything that would leave the site is recorded and stopped, so a regression cannot reach the network.
    await context.route(
      (url) =>
        url.origin !== new URL(stack.websiteUrl).origin &&
        !url.href.startsWith(stack.authUrl) &&
        !url.href.startsWith(stack.profileApiUrl),
      (route) => {
        offSite.push(route.request().url());
        return route.abort();
      },
    );
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(HOSTILE_NEXT)}`);
    await page.getByLabel("E-mail").fill(LEARNER.email);
    await page.getByLabel("Password").fill(LEARNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(new URL(stack.websiteUrl).origin);
    await expect
      .poll(() => page.locator("nav.navbar").getByText(LEARNER.name).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(offSite).toEqual([]);
    await context.close();
  });
});
