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
