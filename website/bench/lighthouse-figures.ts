import { type BenchFigure, median, medianFigure } from "@textbook/dev-tools/bench-result";
import { type LighthouseBrowser, lighthouseScores } from "./lighthouse-scores.js";
import type { Learner } from "./sign-in-timing.js";

/** Pages whose performance is scored (issue 17 item 6): the home page and chapters with a diagram. */
export const PERFORMANCE_PAGES = [
  { path: "/", goal: 90 },
  { path: "/docs/ros2/nodes-and-topics", goal: 85 },
  { path: "/docs/humanoid-control/balance-and-zmp", goal: 85 },
];

/** Pages whose accessibility is scored in every locale (issue 17 item 5); /profile signed in. */
export const ACCESSIBILITY_PAGES = ["/", "/docs/humanoid-control/balance-and-zmp", "/login", "/register"];
const SIGNED_IN_PAGE = "/profile";

/** A page's Lighthouse performance in `runs` runs, as shipped and in the build without accounts. */
export interface PerformanceRow {
  path: string;
  goal: number;
  shipped: number[];
  shippedTbtMs: number[];
  withoutAccounts: number[];
  withoutAccountsTbtMs: number[];
}

/** A page's Lighthouse accessibility score in one locale, with the audits that failed. */
export interface AccessibilityRow {
  locale: string;
  path: string;
  score: number;
  failed: string[];
}

/** Scores PERFORMANCE_PAGES `runs` times on both builds, alternating them so that load changes hit both alike. */
export async function performanceRows(
  browser: LighthouseBrowser,
  sites: { shippedUrl: string; withoutAccountsUrl: string },
  runs: number,
  log: (line: string) => void,
): Promise<PerformanceRow[]> {
  const rows: PerformanceRow[] = [];
  for (const { path, goal } of PERFORMANCE_PAGES) {
    const row: PerformanceRow = {
      path,
      goal,
      shipped: [],
      shippedTbtMs: [],
      withoutAccounts: [],
      withoutAccountsTbtMs: [],
    };
    for (let run = 0; run < runs; run++) {
      const shipped = await lighthouseScores(browser, `${sites.shippedUrl}${path}`, {
        categories: ["performance"],
      });
      const without = await lighthouseScores(browser, `${sites.withoutAccountsUrl}${path}`, {
        categories: ["performance"],
      });
      row.shipped.push(shipped.performance ?? Number.NaN);
      row.shippedTbtMs.push(shipped.totalBlockingTimeMs);
      row.withoutAccounts.push(without.performance ?? Number.NaN);
      row.withoutAccountsTbtMs.push(without.totalBlockingTimeMs);
      log(
        `Lighthouse performance ${path}, run ${run + 1}: ${shipped.performance} (without accounts ${without.performance})`,
      );
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Scores ACCESSIBILITY_PAGES in every locale (the default one at the root, the others under `/<locale>`), then
 * signs `learner` in through the auth-server's API in Lighthouse's browser and scores /profile in each locale.
 */
export async function accessibilityRows(
  browser: LighthouseBrowser,
  site: { websiteUrl: string; authUrl: string },
  locales: { defaultLocale: string; locales: string[] },
  learner: Learner,
): Promise<AccessibilityRow[]> {
  const prefix = (locale: string) => (locale === locales.defaultLocale ? "" : `/${locale}`);
  const score = async (locale: string, path: string, keepStorage: boolean): Promise<AccessibilityRow> => {
    const url = `${site.websiteUrl}${prefix(locale)}${path}`;
    const scores = await lighthouseScores(browser, url, { categories: ["accessibility"], keepStorage });
    // A page that sent the reader elsewhere (/profile to /login when signed out) would score the wrong page.
    if (new URL(scores.finalUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse was sent from ${url} to ${scores.finalUrl}`);
    }
    return {
      locale,
      path,
      score: scores.accessibility ?? Number.NaN,
      failed: scores.failedAccessibilityAudits,
    };
  };
  const rows: AccessibilityRow[] = [];
  for (const locale of locales.locales) {
    for (const path of ACCESSIBILITY_PAGES) rows.push(await score(locale, path, false));
  }
  // Signed in last: Lighthouse clears a page's storage before scoring it unless told not to, and cookies on
  // `localhost` are shared by every port, the auth-server's session cookie included.
  const signIn = await browser.context.request.post(`${site.authUrl}/api/auth/sign-in/email`, {
    data: { email: learner.email, password: learner.password },
    headers: { origin: site.websiteUrl },
  });
  if (!signIn.ok()) throw new Error(`signing in for the profile page failed: ${signIn.status()}`);
  for (const locale of locales.locales) rows.push(await score(locale, SIGNED_IN_PAGE, true));
  return rows;
}

/** The bench-result figures of both kinds of rows. */
export function lighthouseBenchFigures(
  performance: PerformanceRow[],
  accessibility: AccessibilityRow[],
): BenchFigure[] {
  return [
    ...performance.map((row) => ({
      ...medianFigure(
        {
          measure: `Lighthouse performance (mobile, simulated throttling) of ${row.path}`,
          goal: `≥ ${row.goal}`,
          unit: "score",
        },
        row.shipped,
        (value: number) => value >= row.goal,
      ),
      sides: [
        { label: "as shipped", value: median(row.shipped) },
        { label: "without accounts", value: median(row.withoutAccounts) },
      ],
      sidesUnit: "score",
    })),
    ...accessibility.map((row) => ({
      measure: `Lighthouse accessibility of ${row.path} (${row.locale})`,
      goal: "100",
      value: row.score,
      unit: "score",
      met: row.score === 100,
      runs: 1,
    })),
  ];
}
