import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Stack } from "./start-stack.js";

/** A fresh browser profile on the stack's site (its own cookies and storage), with the suite's 15 s patience. */
export async function newReaderPage(
  browser: Browser,
  stack: Stack,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: stack.websiteUrl });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Every rule axe finds broken on the page as it stands, one line each (rule id and the elements), for `toEqual([])`. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

/**
 * Counts, from before the page's own scripts run, the elements matching `selector` that leave the page, or that an
 * element leaving it contains. A page that hydrates without rendering anything again removes none of them. Call it
 * before `page.goto`; the function it returns reads the count.
 */
export async function countRemovals(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.addInitScript((watched) => {
    const counter = window as unknown as { removedMatches: number };
    counter.removedMatches = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.removedNodes)) {
          if (node instanceof Element && (node.matches(watched) || node.querySelector(watched)))
            counter.removedMatches++;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  return () => page.evaluate(() => (window as unknown as { removedMatches: number }).removedMatches);
}
