import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { WEBSITE_DIR } from "./build-site.js";

export const SCREENSHOT_DIR = join(WEBSITE_DIR, "test-results/screenshots");

/** Debian's Chromium (CHROMIUM_PATH, else `/usr/bin/chromium`), which the e2e suites and the benchmark share. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless, with nothing that talks to the network on its own (the benchmark's Lighthouse browser adds a port). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium, headless, with nothing that talks to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/**
 * Saves a screenshot as test-results/screenshots/<name>.png (git-ignored), for a person to look at: the whole
 * page, or with `viewport` only what is in view (chapters are long).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { viewport?: boolean } = {},
): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // A full-page shot of a scrolled page draws the sticky navbar midway down.
  if (!options.viewport) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: !options.viewport });
}
