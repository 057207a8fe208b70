import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.js";
import { accessibilityViolations, countRemovals, newReaderPage } from "./support/reader-page.js";
import { type Stack, startStack } from "./support/start-stack.js";

// What a reader expects of a textbook: search, typeset maths, every lab whatever the profile, a clean print,
// pages without accessibility violations, and sign-in and profile editing with the keyboard alone.
const BALANCE = "/docs/humanoid-control/balance-and-zmp";
const PATIENTLY = { timeout: 15_000 };
const ROBOTICIST = {
  name: "Marc Raibert",
  email: "reader-roboticist@example.com",
  password: "hopping-robot-1986",
};
const KEYBOARD = {
  name: "Keyboard Reader",
  email: "reader-keyboard@example.com",
  password: "tab-tab-enter-2026",
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

/** Registers `learner`, an experienced developer who can run labs on each of `labHardware` (checkbox labels). */
async function register(page: Page, learner: typeof ROBOTICIST, labHardware: string[]): Promise<void> {
  await page.goto("/register?next=%2Fprofile");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByLabel("Software background").selectOption("advanced");
  for (const choice of labHardware) await page.getByLabel(choice).check();
  // The profile is saved right after sign-up; closing the page before that PUT lands would cancel it.
  const profileSaved = page.waitForResponse(
    (response) =>
      response.request().method() === "PUT" && new URL(response.url()).pathname === "/v1/profiles/me",
  );
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/profile");
  expect((await profileSaved).ok()).toBe(true);
}

/** The site's pages whose static HTML has a simulation lab, as paths. */
async function chaptersWithSimulationLabs(): Promise<string[]> {
  const files = await readdir(join(stack.buildDir, "docs"), { recursive: true });
  const paths: string[] = [];
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const html = await readFile(join(stack.buildDir, "docs", file), "utf8");
    if (html.includes('data-lab-kind="simulation"')) {
      paths.push(
        `/${relative(stack.buildDir, join(stack.buildDir, "docs", file)).replace(/(\/index)?\.html$/, "")}`,
      );
    }
  }
  return paths.sort();
}

/** Presses Tab until `target` has the focus (at most 60 times); fails if it never does. */
async function tabTo(page: Page, target: ReturnType<Page["getByLabel"]>): Promise<void> {
  const element = await target.elementHandle();
  if (!element) throw new Error("No such element to tab to");
  for (let presses = 0; presses < 60; presses += 1) {
    if (await element.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the element");
}

describe("a reader in Chromium", () => {
  it("searches the book offline: the index loads on first use, and 'zero moment point' opens the balance chapter", async () => {
    const { context, page } = await newPage();
    const indexRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("search-index")) indexRequests.push(request.url());
    });
    await page.goto("/docs/intro");
    await page.waitForLoadState("networkidle");
    expect(indexRequests).toEqual([]);

    const search = page.getByRole("searchbox", { name: "Search" }).or(page.getByLabel("Search")).first();
    await search.click();
    await search.pressSequentially("zero moment point", { delay: 20 });
    const suggestion = page
      .getByRole("option")
      .filter({ hasText: /balance/i })
      .first();
    await suggestion.waitFor();
    expect(indexRequests.length).toBeGreaterThan(0);
    await suggestion.click();
    await page.waitForURL((url) => url.pathname === BALANCE);
    await page
      .getByRole("heading", { level: 1 })
      .filter({ hasText: /balance/i })
      .waitFor();
    await context.close();
  });

  it("reads the balance chapter's equations typeset by KaTeX, with the stylesheet served by the site", async () => {
    const { context, page } = await newPage();
    // The stylesheet stays in the page while it hydrates. In the head, react-helmet dropped it and added it back
    // mid-hydration: the maths flashed unstyled and the page was styled and laid out again (BENCHMARKS.md, "website").
    const removed = await countRemovals(page, 'link[href$="katex.min.css"]');
    const stylesheets: string[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("katex.min.css"))
        stylesheets.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(BALANCE);
    await page.locator(".katex-display").first().waitFor();
    expect(await page.locator(".katex-display").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".katex-display .katex-html").first().isVisible()).toBe(true);
    // KaTeX's own CSS clips the MathML copy to 1 px; without the stylesheet the equation would show twice.
    const mathmlWidth = async () => (await page.locator(".katex-mathml").first().boundingBox())?.width;
    await expect.poll(mathmlWidth, PATIENTLY).toBeLessThanOrEqual(1);
    expect([...new Set(stylesheets)]).toEqual([
      `200 ${stack.websiteUrl}/katex/${await katexVersion()}/katex.min.css`,
    ]);
    expect(await page.locator("pre code", { hasText: "x_zmp =" }).count()).toBe(0);
    const toggle = page.getByRole("button", { name: /Switch between dark and light mode/ });
    await expect.poll(() => toggle.isEnabled(), PATIENTLY).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await removed()).toBe(0);

    await page.goto("/docs/intro");
    expect(await page.locator('link[href$="katex.min.css"]').count()).toBe(0);
    await context.close();
  });

  it("sees a chapter's diagram as the drawing of their colour mode, and the page runs no Mermaid", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
      const page = await context.newPage();
      const scripts: Promise<string>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") scripts.push(response.text());
      });
      await page.goto("/docs/ros2/nodes-and-topics");
      const shown = page.locator(".mermaid-diagram img:visible");
      await expect.poll(() => shown.count(), PATIENTLY).toBe(1);
      await shown.scrollIntoViewIfNeeded();
      expect(await shown.getAttribute("src")).toMatch(new RegExp(`\\.${colorScheme}\\.svg$`));
      expect(await shown.getAttribute("alt")).toContain("object_detector");
      await expect
        .poll(
          () => shown.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth),
          PATIENTLY,
        )
        .toBeGreaterThan(0);
      await page.waitForLoadState("networkidle");
      // "flowchart-v2" is in Mermaid's flowchart renderer, which the site no longer ships.
      expect((await Promise.all(scripts)).some((source) => source.includes("flowchart-v2"))).toBe(false);
      await context.close();
    }
  });

  // Docusaurus's own CodeBlock rendered every code block a second time after hydration (about 2.4 s of Lighthouse's
  // blocking time on this chapter); the site's renders it once, coloured by CSS variables (config/prism-themes.ts).
  it("renders a chapter's code once, in their colour mode's colours from the start, and recolours it in place", async () => {
    // A keyword has a colour in both themes; a number only in the light one (in dark it has the code's own).
    const KEYWORD = { light: "rgb(0, 0, 159)", dark: "rgb(189, 147, 249)" };
    const NUMBER = { light: "rgb(26, 122, 120)", dark: "rgb(248, 248, 242)" };
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const removed = await countRemovals(page, ".token-line");
      await page.goto("/docs/ros2/nodes-and-topics");
      // The colour-mode switch is enabled once the page has hydrated.
      const toggle = page.getByRole("button", { name: /Switch between dark and light mode/ });
      await expect.poll(() => toggle.isEnabled(), PATIENTLY).toBe(true);
      await page.waitForLoadState("networkidle");
      const keyword = page.locator(".language-python .token.keyword").first();
      const number = page.locator(".language-python .token.number").first();
      const colours = async () => ({
        keyword: await keyword.evaluate((element) => getComputedStyle(element).color),
        number: await number.evaluate((element) => getComputedStyle(element).color),
      });
      expect(await colours()).toEqual({ keyword: KEYWORD[colorScheme], number: NUMBER[colorScheme] });
      expect(await page.locator(".token-line").count()).toBeGreaterThan(100);
      expect(await removed()).toBe(0);
      // The switch cycles through the system's, light and dark modes: on to the other one.
      const other = colorScheme === "light" ? "dark" : "light";
      for (
        let click = 0;
        click < 3 && (await page.locator("html").getAttribute("data-theme")) !== other;
        click++
      ) {
        await toggle.click();
      }
      expect(await page.locator("html").getAttribute("data-theme")).toBe(other);
      expect(await colours()).toEqual({ keyword: KEYWORD[other], number: NUMBER[other] });
      expect(await removed()).toBe(0);
      await context.close();
    }
  });

  it("keeps every simulation lab, the capstone's included, for a learner with a robot, and adds the real-robot one", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage();
    await register(page, ROBOTICIST, ["A GPU workstation or a Jetson", "A real robot or kit"]);
    const chapters = await chaptersWithSimulationLabs();
    expect(chapters).toEqual(
      expect.arrayContaining(["/docs/capstone/capstone-project", "/docs/capstone/milestones-and-rubric"]),
    );
    for (const chapter of chapters) {
      await page.goto(chapter);
      // Once the profile is applied, the real-robot variant says it was added for this reader.
      await page
        .getByText("Added for you: your profile says you have a real robot or kit.")
        .first()
        .waitFor();
      const simulationLabs = page.locator('section[data-lab-kind="simulation"]');
      const inHtml =
        (await readFile(join(stack.buildDir, `${chapter}.html`), "utf8").catch(() => "")).split(
          'data-lab-kind="simulation"',
        ).length - 1;
      expect({ chapter, shown: await simulationLabs.count() }).toEqual({
        chapter,
        shown: Math.max(inHtml, 1),
      });
      for (const lab of await simulationLabs.all()) expect(await lab.isVisible()).toBe(true);
      expect(
        await page.getByText("Every reader sees this lab: a computer is all it needs.").first().isVisible(),
      ).toBe(true);
    }
    await page.goto("/docs/capstone/milestones-and-rubric");
    await page.locator("section", { hasText: "Final evaluation in simulation" }).first().waitFor();
    await context.close();
  });

  it("prints a chapter without the navbar, sidebar or switches, and the PDF holds the chapter's text", async () => {
    const { context, page } = await newPage();
    await page.goto("/docs/ros2/nodes-and-topics");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.navbar").isVisible()).toBe(false);
    expect(await page.locator(".theme-doc-sidebar-container").isVisible()).toBe(false);
    expect(
      await page
        .locator('[role="switch"]')
        .first()
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    const pdf = await page.pdf({ format: "A4" });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Nodes and Topics");
    expect(flat).toContain("Lab: drive turtlesim to a goal");
    expect(flat).toContain("Lab: drive a differential-drive robot");
    expect(flat).not.toContain("Show all variants");
    await context.close();
  });

  it("signs in and edits the profile with the keyboard alone", { timeout: 120_000 }, async () => {
    const { context: registering, page: first } = await newPage();
    await register(first, KEYBOARD, ["Simulation on my computer"]);
    await registering.close();

    const { context, page } = await newPage();
    await page.goto("/login?next=%2Fprofile");
    // Keys typed before hydration would be reset by React; Docusaurus marks the page once it has hydrated.
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: "attached" });
    await tabTo(page, page.getByLabel("E-mail"));
    await page.keyboard.type(KEYBOARD.email);
    await tabTo(page, page.getByLabel("Password", { exact: true }));
    await page.keyboard.type(KEYBOARD.password);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/profile");

    const goals = page.getByLabel("Learning goals");
    // The form fills in once the saved profile has loaded; typing before that would be replaced.
    await expect.poll(() => page.getByLabel("Software background").inputValue(), PATIENTLY).toBe("advanced");
    await tabTo(page, goals);
    await page.keyboard.type("Balance a humanoid on one foot.");
    await tabTo(page, page.getByRole("button", { name: "Save profile" }));
    await page.keyboard.press("Enter");
    await page.getByText("Your profile is saved.").waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel("Learning goals").inputValue(), PATIENTLY)
      .toBe("Balance a humanoid on one foot.");
    await context.close();
  });

  it("finds no accessibility violation with axe on the home page, a chapter, sign-in, registration and the profile", {
    timeout: 300_000,
  }, async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: stack.websiteUrl, colorScheme });
      const page = await context.newPage();
      for (const path of ["/", BALANCE, "/login", "/register"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        expect({ path, colorScheme, violations: await accessibilityViolations(page) }).toEqual({
          path,
          colorScheme,
          violations: [],
        });
      }
      await page.goto("/login?next=%2Fprofile");
      await page.getByLabel("E-mail").fill(ROBOTICIST.email);
      await page.getByLabel("Password").fill(ROBOTICIST.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/profile");
      await page.getByLabel("Learning goals").waitFor();
      expect({ colorScheme, violations: await accessibilityViolations(page) }).toEqual({
        colorScheme,
        violations: [],
      });
      await context.close();
    }
  });
});

async function katexVersion(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve("katex/package.json");
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}
