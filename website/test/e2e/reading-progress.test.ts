import { createTestDatabase } from "@textbook/migrations/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "./support/browser.js";
import { type Stack, startStack } from "./support/start-stack.js";

// Reading progress following one learner: from an anonymous visit into the account, and to a second browser.
const CHAPTER = { path: "/docs/ros2/services-and-actions", docId: "ros2/services-and-actions" };
const FINISHED = { path: "/docs/simulation/gazebo", docId: "simulation/gazebo" };
const MARKED = { path: "/docs/ros2/qos", docId: "ros2/qos" };
const LEARNER = {
  name: "Katherine Johnson",
  email: "katherine@example.com",
  password: "orbital-mechanics-1962",
};
const PATIENTLY = { timeout: 15_000 };

interface LocalEntry {
  docId: string;
  fraction: number;
  anchor: string | null;
  completed: boolean;
}

interface AccountChapter {
  docId: string;
  fraction: number;
  anchor: string | null;
  completedAt: string | null;
}

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([createTestDatabase().then(startStack), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A fresh browser profile that records every layout shift the pages make (window.__layoutShift). */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.websiteUrl });
  context.setDefaultTimeout(15_000);
  await context.addInitScript(() => {
    const record = window as unknown as { __layoutShift: number; __sidebarShift: number };
    record.__layoutShift = 0;
    record.__sidebarShift = 0;
    type Shift = PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        record.__layoutShift += entry.value;
        const inSidebar = (entry.sources ?? []).some((source) =>
          source.node instanceof Element
            ? source.node.closest(".theme-doc-sidebar-container") !== null
            : false,
        );
        if (inSidebar) record.__sidebarShift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  contexts.push(context);
  return context.newPage();
}

/** Layout shift of the sidebar only: a chapter's own figures and diagrams may settle as they load. */
const sidebarShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sidebarShift: number }).__sidebarShift);
const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);

/** Scrolls so that `share` of the chapter's text is above the bottom of the window. */
async function readChapterTo(page: Page, share: number): Promise<void> {
  await page.evaluate((share) => {
    const text = document.querySelector(".theme-doc-markdown") as HTMLElement;
    const top = text.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top + text.offsetHeight * share - window.innerHeight);
  }, share);
}

const localProgress = (page: Page) =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem("textbook:progress") ?? "{}") as Record<string, LocalEntry>,
  );

/** The learner's progress as the profile-api holds it, asked from the page with the learner's session. */
async function accountProgress(page: Page): Promise<AccountChapter[]> {
  return page.evaluate(
    async ({ authUrl, profileApiUrl }) => {
      const { token } = (await (
        await fetch(`${authUrl}/api/auth/token`, { credentials: "include" })
      ).json()) as {
        token: string;
      };
      const response = await fetch(`${profileApiUrl}/v1/progress`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as { chapters: AccountChapter[] }).chapters;
    },
    { authUrl: stack.authUrl, profileApiUrl: stack.profileApiUrl },
  );
}

const sidebarItem = (page: Page, path: string) =>
  page.locator(`.theme-doc-sidebar-menu li:has(> a[href="${path}"])`);
const tickOf = (page: Page, path: string) =>
  sidebarItem(page, path).evaluate(
    (item) => getComputedStyle(item.querySelector("a") as Element, "::after").content,
  );

describe("reading progress in Chromium", () => {
  let anonymous: Page;
  let expectedAnchor: string;

  it("keeps a reader's progress in the browser before they have an account", async () => {
    anonymous = await newPage();
    await anonymous.goto(CHAPTER.path);
    await anonymous.waitForSelector("html[data-has-hydrated='true']", { state: "attached" });
    await readChapterTo(anonymous, 0.5);
    await expect
      .poll(async () => (await localProgress(anonymous))[CHAPTER.docId]?.fraction ?? 0, PATIENTLY)
      .toBeGreaterThan(0.45);
    const entry = (await localProgress(anonymous))[CHAPTER.docId];
    expect(entry?.completed).toBe(false);
    expect(entry?.fraction).toBeLessThan(0.6);
    // The furthest heading passed: one that exists in the chapter, above the middle of the text.
    expectedAnchor = String(entry?.anchor);
    expect(await anonymous.locator(`.theme-doc-markdown [id="${expectedAnchor}"]`).count()).toBe(1);

    // The home page offers to continue there, in a slot kept for it: nothing on the page moves.
    await anonymous.goto("/");
    const link = anonymous.locator("header").getByTestId("continue-reading").getByRole("link");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`${CHAPTER.path}#${expectedAnchor}`);
    expect(await layoutShift(anonymous)).toBeLessThan(0.01);
  });

  it("merges that progress into the account at registration, and clears it from the browser", async () => {
    await anonymous.goto("/register?next=/");
    await anonymous.getByLabel("Name").fill(LEARNER.name);
    await anonymous.getByLabel("E-mail").fill(LEARNER.email);
    await anonymous.getByLabel("Password").fill(LEARNER.password);
    await anonymous.getByRole("button", { name: "Create account" }).click();
    await anonymous.waitForURL((url) => url.pathname === "/");
    await expect
      .poll(() => accountProgress(anonymous), PATIENTLY)
      .toEqual([
        expect.objectContaining({ docId: CHAPTER.docId, anchor: expectedAnchor, completedAt: null }),
      ]);
    const [stored] = await accountProgress(anonymous);
    expect(stored?.fraction).toBeGreaterThan(0.45);
    await expect
      .poll(
        () =>
          anonymous.evaluate(() =>
            Object.keys(localStorage).filter((key) => key.startsWith("textbook:progress")),
          ),
        PATIENTLY,
      )
      .toEqual([]);
  });

  it("shows 'Continue where you left off' in a second browser, linking to that heading", async () => {
    const second = await newPage();
    await second.goto("/login?next=/");
    await second.getByLabel("E-mail").fill(LEARNER.email);
    await second.getByLabel("Password").fill(LEARNER.password);
    await second.getByRole("button", { name: "Sign in" }).click();
    await second.waitForURL((url) => url.pathname === "/");
    // Offered after signing in (a fixed notice) and on the home page (in a slot kept for it).
    await expect.poll(() => second.getByTestId("continue-reading").count(), PATIENTLY).toBe(2);
    const link = second.locator("header").getByTestId("continue-reading").getByRole("link");
    expect(await link.getAttribute("href")).toBe(`${CHAPTER.path}#${expectedAnchor}`);

    await second.goto("/");
    await second.locator("header").getByTestId("continue-reading").waitFor();
    await screenshot(second, "home-continue-reading");
    await second.locator("header").getByTestId("continue-reading").getByRole("link").click();
    await second.waitForURL((url) => url.pathname === CHAPTER.path && url.hash === `#${expectedAnchor}`);
  }, 60_000);

  it("marks a chapter complete at its end, and with 'Mark as done', with ticks in the sidebar", async () => {
    const reader = await newPage();
    await reader.goto(`/login?next=${encodeURIComponent(FINISHED.path)}`);
    await reader.getByLabel("E-mail").fill(LEARNER.email);
    await reader.getByLabel("Password").fill(LEARNER.password);
    await reader.getByRole("button", { name: "Sign in" }).click();
    await reader.waitForURL((url) => url.pathname === FINISHED.path);
    await reader.waitForSelector("html[data-has-hydrated='true']", { state: "attached" });
    expect(await tickOf(reader, FINISHED.path)).toBe("none");

    await readChapterTo(reader, 1.05);
    await expect.poll(() => tickOf(reader, FINISHED.path), PATIENTLY).toContain("✓");
    expect(await reader.getByRole("button", { name: "✓ Done" }).isDisabled()).toBe(true);

    // Loaded afresh, the sidebar gets its tick once the account's progress has arrived: nothing in it moves.
    await reader.goto("/");
    await reader.goto(FINISHED.path);
    await expect.poll(() => tickOf(reader, FINISHED.path), PATIENTLY).toContain("✓");
    expect(await sidebarShift(reader)).toBeLessThan(0.001);

    await reader.goto(MARKED.path);
    await reader.waitForSelector("html[data-has-hydrated='true']", { state: "attached" });
    // Pressed where it stands, without scrolling to it: scrolling to the footer reaches the chapter's end, which
    // marks the chapter complete by itself (above) and races the click. Unscrolled, only the button can tick it.
    await reader
      .getByRole("button", { name: "Mark as done" })
      .evaluate((button: HTMLButtonElement) => button.click());
    await expect.poll(() => tickOf(reader, MARKED.path), PATIENTLY).toContain("✓");
    expect(await tickOf(reader, CHAPTER.path)).toBe("none");
    await screenshot(reader, "sidebar-ticks", { viewport: true });

    // Both reach the account: sent within 15 s, or at once when the page is hidden (here: another page opens).
    await reader.goto("/");
    await expect
      .poll(
        async () =>
          (await accountProgress(reader))
            .filter((c) => c.completedAt !== null)
            .map((c) => c.docId)
            .sort(),
        {
          timeout: 20_000,
        },
      )
      .toEqual([MARKED.docId, FINISHED.docId].sort());
  }, 90_000);

  it("lists progress per module on /account/progress, and forgets it with 'Reset my progress'", async () => {
    const page = await newPage();
    await page.goto("/login?next=/account/progress");
    await page.getByLabel("E-mail").fill(LEARNER.email);
    await page.getByLabel("Password").fill(LEARNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/account/progress");
    const ros2 = page.getByRole("region", { name: "ROS 2" });
    await expect.poll(() => ros2.getByText(/^1 of \d+ chapters done$/).count(), PATIENTLY).toBe(1);
    await screenshot(page, "reading-progress");
    await page.getByRole("button", { name: "Reset my progress" }).click();
    await page.getByRole("button", { name: "Yes, reset my progress" }).click();
    await expect.poll(() => accountProgress(page), PATIENTLY).toEqual([]);
    await expect.poll(() => ros2.getByText(/^0 of \d+ chapters done$/).count(), PATIENTLY).toBe(1);
  }, 60_000);
});
