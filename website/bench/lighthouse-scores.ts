import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@textbook/dev-tools/free-port";
import lighthouse from "lighthouse";
import { type BrowserContext, chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/e2e/support/browser.js";

/** One Lighthouse run of one page. */
export interface LighthouseScores {
  /** 0–100, or null when the category was not run. */
  performance: number | null;
  accessibility: number | null;
  /** Total blocking time and largest contentful paint, simulated, in milliseconds. */
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  /** Ids of the accessibility audits that failed, for the report. */
  failedAccessibilityAudits: string[];
  /** The page's URL when Lighthouse finished (after any redirect), to check what was scored. */
  finalUrl: string;
}

/** Debian's Chromium with a DevTools port for Lighthouse, and the browser context its tabs open in. */
export interface LighthouseBrowser {
  /** The default context: cookies added here (a learner's session) are sent by the pages Lighthouse opens. */
  context: BrowserContext;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts Chromium (CHROMIUM_PATH, else `/usr/bin/chromium`) with a remote debugging port for Lighthouse. A
 * persistent context is the browser's default one, the one Lighthouse's tabs use.
 */
export async function startLighthouseBrowser(): Promise<LighthouseBrowser> {
  const port = await freePort();
  const profileDir = await mkdtemp(join(tmpdir(), "lighthouse-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: [`--remote-debugging-port=${port}`, ...CHROMIUM_ARGS],
  });
  return {
    context,
    port,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs Lighthouse 12 on `url` with its defaults (mobile: a Moto G Power's screen, simulated slow 4G and a 4×
 * slower CPU; the throttling is simulated from a trace, so a busy machine moves the figures less than it would
 * with real throttling, but still moves them). `keepStorage` keeps the browser's cookies (a signed-in page):
 * Lighthouse otherwise clears the origin's storage, and cookies on `localhost` ignore the port.
 */
export async function lighthouseScores(
  browser: LighthouseBrowser,
  url: string,
  options: { categories: ("performance" | "accessibility")[]; keepStorage?: boolean },
): Promise<LighthouseScores> {
  const result = await lighthouse(url, {
    port: browser.port,
    output: "json",
    logLevel: "error",
    onlyCategories: options.categories,
    disableStorageReset: options.keepStorage ?? false,
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError)
    throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => {
    const value = categories[id]?.score;
    return typeof value === "number" ? Math.round(value * 100) : null;
  };
  const failedAccessibilityAudits = (categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    totalBlockingTimeMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    largestContentfulPaintMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    failedAccessibilityAudits,
    finalUrl: result.lhr.finalDisplayedUrl,
  };
}
