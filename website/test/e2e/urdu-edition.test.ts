import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "./support/browser.js";
import { accessibilityViolations, newReaderPage } from "./support/reader-page.js";
import { type Stack, startStack } from "./support/start-stack.js";

// The Urdu edition (`/ur/`): right to left, its interface in Urdu, untranslated chapters in English under a
// notice, its own search, and offered to learners whose profile prefers Urdu.
const BALANCE = "/docs/humanoid-control/balance-and-zmp";
const KINEMATICS = "/docs/humanoid-control/kinematics";
const NOTICE = "اس باب کا ابھی اردو میں ترجمہ نہیں ہوا";
const PATIENTLY = { timeout: 15_000 };
const URDU_READER = {
  name: "Urdu Reader",
  email: "urdu-reader@example.com",
  password: "right-to-left-2026",
};

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([createTestDatabase().then(startStack), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const newPage = () => newReaderPage(browser, stack);

/** The page's `<html>` language and direction. */
function languageOf(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    dir: document.documentElement.getAttribute("dir"),
  }));
}

/** Opens the navbar's language dropdown and picks `label`. */
async function switchLanguage(page: Page, label: string): Promise<void> {
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: "attached" });
  await page.locator(".navbar__items--right .dropdown").first().hover();
  await page.locator(".navbar__items--right .dropdown__menu").getByRole("link", { name: label }).click();
}

/** Registers the reader on the English site and sets the profile's preferred language to `ur`. */
async function registerPreferringUrdu(page: Page): Promise<void> {
  await page.goto("/register?next=%2Fprofile");
  await page.getByLabel("Name").fill(URDU_READER.name);
  await page.getByLabel("E-mail").fill(URDU_READER.email);
  await page.getByLabel("Password").fill(URDU_READER.password);
  await page.getByLabel("Simulation on my computer").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/profile");
  const language = page.getByLabel("Preferred language");
  await expect.poll(() => language.inputValue(), PATIENTLY).toBe("en");
  await language.fill("ur");
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByText("Your profile is saved.").waitFor();
}

describe("the Urdu edition in Chromium", () => {
  it("switches a chapter to Urdu from the navbar, right to left, and back to English", async () => {
    const { context, page } = await newPage();
    await page.goto("/docs/intro");
    expect(await languageOf(page)).toEqual({ lang: "en", dir: "ltr" });

    await switchLanguage(page, "اردو");
    await page.waitForURL((url) => url.pathname === "/ur/docs/intro");
    expect(await languageOf(page)).toEqual({ lang: "ur", dir: "rtl" });
    await page.getByRole("link", { name: "نصابی کتاب" }).first().waitFor();
    await screenshot(page, "ur-translated-chapter", { viewport: true });

    await switchLanguage(page, "English");
    await page.waitForURL((url) => url.pathname === "/docs/intro");
    expect(await languageOf(page)).toEqual({ lang: "en", dir: "ltr" });
    await context.close();
  });

  it("shows an untranslated chapter in English under a notice in Urdu, and a translated one without it", async () => {
    const { context, page } = await newPage();
    await page.goto("/ur/docs/intro");
    await page.getByRole("heading", { level: 1, name: "فزیکل اے آئی اور انسان نما روبوٹکس" }).waitFor();
    expect(await page.locator("[data-untranslated-notice]").count()).toBe(0);

    // A link from the translated chapter to an untranslated one stays in the Urdu edition.
    await page.locator("article").getByRole("link", { name: "انسان نما روبوٹ کا کنٹرول" }).first().click();
    await page.waitForURL((url) => url.pathname === `/ur${KINEMATICS}`);
    const notice = page.locator("[data-untranslated-notice]");
    await notice.waitFor();
    expect(await notice.textContent()).toContain(NOTICE);
    const english = page.locator('article div[lang="en"][dir="ltr"]');
    expect(await english.getByRole("heading", { level: 1 }).textContent()).toMatch(/kinematics/i);
    expect(await languageOf(page)).toEqual({ lang: "ur", dir: "rtl" });
    await screenshot(page, "ur-untranslated-chapter", { viewport: true });

    await page.goto(BALANCE);
    expect(await page.locator("[data-untranslated-notice]").count()).toBe(0);
    await context.close();
  });

  it("keeps code and maths left to right inside a right-to-left chapter", async () => {
    const { context, page } = await newPage();
    await page.goto("/ur/docs/intro");
    const directions = await page.locator("article .markdown").evaluate((markdown) => {
      // Elements as the chapters produce them, so the site's stylesheet decides their direction.
      markdown.insertAdjacentHTML(
        "beforeend",
        '<pre id="rtl-probe-code"><code>x = 1</code></pre><span class="katex-display" id="rtl-probe-math"><span class="katex">x</span></span>',
      );
      const direction = (selector: string) => {
        const element = markdown.querySelector(selector);
        return element ? getComputedStyle(element).direction : null;
      };
      return {
        paragraph: direction("p"),
        code: direction("#rtl-probe-code"),
        codeText: direction("#rtl-probe-code code"),
        maths: direction("#rtl-probe-math"),
        inlineMaths: direction("#rtl-probe-math .katex"),
      };
    });
    expect(directions).toEqual({
      paragraph: "rtl",
      code: "ltr",
      codeText: "ltr",
      maths: "ltr",
      inlineMaths: "ltr",
    });
    await context.close();
  });

  it("searches the Urdu edition from its own search bar, labelled in Urdu", async () => {
    const { context, page } = await newPage();
    const indexRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("search-index")) indexRequests.push(new URL(request.url()).pathname);
    });
    await page.goto("/ur/docs/intro");
    const search = page
      .getByRole("searchbox", { name: "تلاش کریں" })
      .or(page.getByLabel("تلاش کریں"))
      .first();
    await search.click();
    await search.pressSequentially("zero moment point", { delay: 20 });
    const suggestion = page
      .getByRole("option")
      .filter({ hasText: /balance/i })
      .first();
    await suggestion.waitFor();
    expect(indexRequests.length).toBeGreaterThan(0);
    expect(indexRequests.every((path) => path.startsWith("/ur/"))).toBe(true);
    await suggestion.click();
    await page.waitForURL((url) => url.pathname === `/ur${BALANCE}`);
    await page.locator("[data-untranslated-notice]").waitFor();
    await context.close();
  });

  it("offers the Urdu site to a learner whose profile prefers Urdu, and remembers a dismissal", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await newPage();
    await registerPreferringUrdu(page);

    await page.goto("/docs/intro");
    const offer = page.getByRole("complementary", { name: "Other language" });
    await offer.waitFor();
    const link = offer.getByRole("link", { name: "یہ صفحہ اردو میں پڑھیں" });
    expect(await link.getAttribute("href")).toBe("/ur/docs/intro");
    expect({ axe: await accessibilityViolations(page) }).toEqual({ axe: [] });
    await link.click();
    await page.waitForURL((url) => url.pathname === "/ur/docs/intro");
    expect(await languageOf(page)).toEqual({ lang: "ur", dir: "rtl" });
    // Only readers of the English site are offered another edition.
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: "attached" });
    expect(await page.locator("[data-language-offer]").count()).toBe(0);

    await page.goto("/docs/glossary");
    await offer.waitFor();
    await offer.getByRole("button", { name: "Dismiss the language offer" }).click();
    await expect.poll(() => offer.count(), PATIENTLY).toBe(0);
    const profileLoaded = page.waitForResponse(
      (response) =>
        response.request().method() === "GET" && new URL(response.url()).pathname === "/v1/profiles/me",
    );
    await page.reload();
    expect((await profileLoaded).ok()).toBe(true);
    await page.waitForLoadState("networkidle");
    // Proving an absence: the offer appeared within this time of the profile loading before the dismissal.
    await page.waitForTimeout(1000);
    expect(await page.locator("[data-language-offer]").count()).toBe(0);
    await context.close();
  });

  it("finds no accessibility violation with axe on the Urdu home page, chapters, sign-in, registration and profile", {
    timeout: 300_000,
  }, async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
      const page = await context.newPage();
      for (const path of ["/ur/", "/ur/docs/intro", `/ur${BALANCE}`, "/ur/login", "/ur/register"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        expect({ path, colorScheme, violations: await accessibilityViolations(page) }).toEqual({
          path,
          colorScheme,
          violations: [],
        });
      }
      // Signed in on the English site: the session is the same on both editions.
      await page.goto("/login");
      await page.getByLabel("E-mail").fill(URDU_READER.email);
      await page.getByLabel("Password").fill(URDU_READER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      await page.goto("/ur/profile");
      await expect.poll(() => page.locator("form input").count(), PATIENTLY).toBeGreaterThan(3);
      await page.waitForLoadState("networkidle");
      expect({ colorScheme, violations: await accessibilityViolations(page) }).toEqual({
        colorScheme,
        violations: [],
      });
      await context.close();
    }
  });
});
