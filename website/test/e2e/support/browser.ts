import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { WEBSITE_DIR } from "./build-site.js";

export const SCREENSHOT_DIR = join(WEBSITE_DIR, "test-results/screenshots");

/** Debian's Chromium, headless, with nothing that talks to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
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
