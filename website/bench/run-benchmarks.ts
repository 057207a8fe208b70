/**
 * The website's benchmarks (`npm run bench -w website`): what accounts and personalisation cost a chapter page
 * in JavaScript, what reading progress adds to it (issue 19), and how long a learner waits from "Sign in" to their
 * profile, and Lighthouse's performance (home page, chapters with a diagram; both builds) and accessibility
 * (home, a chapter, sign-in, registration, the signed-in profile; every locale of the site) scores. Builds the site three times (as shipped, and from the two reference configurations of `builds/`: without
 * accounts, and without reading progress), runs both services on a scratch database (BENCH_DATABASE_URL's
 * server, else an embedded PostgreSQL), and drives Debian's Chromium. BENCH_SIGN_INS sets the number of timed
 * sign-ins (default 7), BENCH_LIGHTHOUSE_RUNS the Lighthouse runs per page and build (default 3). Writes bench-results/website.json; exits 1 when a budget of issue 5 is exceeded.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBenchDatabase } from "@textbook/dev-tools/bench-database";
import {
  medianFigure,
  median as medianOf,
  postgresVersion,
  writeBenchResult,
} from "@textbook/dev-tools/bench-result";
import { freePort } from "@textbook/dev-tools/free-port";
import site from "../docusaurus.config.js";
import { launchChromium } from "../test/e2e/support/browser.js";
import { buildSite } from "../test/e2e/support/build-site.js";
import { buildEnvironment, chooseServiceUrls } from "../test/e2e/support/service-urls.js";
import { startStack } from "../test/e2e/support/start-stack.js";
import { serveStatic } from "../test/e2e/support/static-server.js";
import { htmlContains, pageJavaScript } from "./chapter-javascript.js";
import {
  type AccessibilityRow,
  accessibilityRows,
  lighthouseBenchFigures,
  type PerformanceRow,
  performanceRows,
} from "./lighthouse-figures.js";
import { startLighthouseBrowser } from "./lighthouse-scores.js";
import { progressJavaScript } from "./progress-javascript.js";
import { registerLearner, timeSignInToProfile } from "./sign-in-timing.js";

const WITHOUT_ACCOUNTS_CONFIG = "bench/builds/docusaurus.without-accounts.config.ts";
const WITHOUT_PROGRESS_CONFIG = "bench/builds/docusaurus.without-progress.config.ts";
const CHAPTERS = ["/docs/ros2/nodes-and-topics", "/docs/intro"];
const JS_BUDGET_BYTES = 30 * 1024;
const PROGRESS_BUDGET_BYTES = 5 * 1024;
const SIGN_IN_BUDGET_MS = 1500;
const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  // Chromium first: on a machine without it the bench stops here, before it starts a database server it would
  // then have to stop.
  const browser = await launchChromium();
  const workDir = await mkdtemp(join(tmpdir(), "website-bench-"));
  log("building the site with accounts and starting the services (one build)…");
  let database: Awaited<ReturnType<typeof createBenchDatabase>> | null = null;
  let stack: Awaited<ReturnType<typeof startStack>> | null = null;
  try {
    database = await createBenchDatabase(process.env.BENCH_DATABASE_URL, "website");
    const postgres = await postgresVersion(database.url);
    const urls = await chooseServiceUrls();
    const shippedDir = join(workDir, "shipped");
    await buildSite(shippedDir, buildEnvironment(urls));
    stack = await startStack(database, { site: { ...urls, buildDir: shippedDir } });
    log(
      "building the site without accounts and personalisation (builds/docusaurus.without-accounts.config.ts)…",
    );
    const baselineDir = join(workDir, "baseline");
    await buildSite(baselineDir, {}, WITHOUT_ACCOUNTS_CONFIG);
    const baselinePort = await freePort();
    const baseline = await serveStatic(baselineDir, baselinePort);
    const baselineUrl = `http://localhost:${baselinePort}`;

    const rows: string[] = [];
    // The chapter to which accounts add the most JavaScript: the one the budget is checked against.
    let worst = { chapter: "", added: Number.NEGATIVE_INFINITY, withAccounts: 0, without: 0 };
    for (const chapter of CHAPTERS) {
      const withAccounts = await pageJavaScript(browser, stack.websiteUrl, stack.buildDir, chapter);
      const without = await pageJavaScript(browser, baselineUrl, baselineDir, chapter);
      const added = withAccounts.gzipBytes - without.gzipBytes;
      if (added > worst.added)
        worst = { chapter, added, withAccounts: withAccounts.gzipBytes, without: without.gzipBytes };
      rows.push(
        `| ${chapter} | ${withAccounts.files} / ${kb(withAccounts.gzipBytes)} | ${without.files} / ${kb(without.gzipBytes)} | **${kb(added)}** (${kb(withAccounts.rawBytes - without.rawBytes)} raw) |`,
      );
    }

    log("building the site without reading progress (builds/docusaurus.without-progress.config.ts)…");
    const withoutProgressDir = join(workDir, "without-progress");
    await buildSite(withoutProgressDir, {}, WITHOUT_PROGRESS_CONFIG);
    const progress = await progressJavaScript(browser, stack, withoutProgressDir, CHAPTERS);
    const staticText = await htmlContains(stack.buildDir, "docs/ros2/nodes-and-topics.html", [
      "Nodes and Topics",
      "Python primer: classes and callbacks",
      "Lab: drive a differential-drive robot to a goal",
    ]);

    log(`timing ${SIGN_INS} sign-ins…`);
    const learner = { name: "Grace Hopper", email: "grace@example.com", password: "cobol-compiler-1959" };
    await registerLearner(browser, stack.websiteUrl, learner);
    const times: number[] = [];
    for (let i = 0; i < SIGN_INS; i++)
      times.push(await timeSignInToProfile(browser, stack.websiteUrl, learner));

    log(`Lighthouse: performance (${LIGHTHOUSE_RUNS} runs per page and build), then accessibility…`);
    const lighthouse = await startLighthouseBrowser();
    // The locales the site builds, from its configuration: a new locale is scored without editing this file.
    const defaultLocale = site.i18n?.defaultLocale ?? "en";
    const configured = (site.i18n?.locales ?? [defaultLocale]).filter((locale) => typeof locale === "string");
    const locales = { defaultLocale, locales: configured };
    let performance: Awaited<ReturnType<typeof performanceRows>>;
    let accessibility: Awaited<ReturnType<typeof accessibilityRows>>;
    try {
      const sites = { shippedUrl: stack.websiteUrl, withoutAccountsUrl: baselineUrl };
      performance = await performanceRows(lighthouse, sites, LIGHTHOUSE_RUNS, log);
      accessibility = await accessibilityRows(lighthouse, stack, locales, learner);
    } finally {
      await lighthouse.close();
      await baseline.close();
    }

    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    const slowest = sorted.at(-1) ?? Number.NaN;

    console.log(
      "| chapter page | with accounts: files / gzip JS | without: files / gzip JS | added by accounts + personalisation |",
    );
    console.log("| --- | --- | --- | --- |");
    for (const row of rows) console.log(row);
    console.log(
      `\nChapter HTML holds the chapter text and every variant (static rendering): ${staticText ? "yes" : "NO"}`,
    );
    console.log(
      `\nClick on "Sign in" → profile shown, ${SIGN_INS} fresh browser profiles: median ${median.toFixed(0)} ms, max ${slowest.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
    );
    console.log(
      `\nJavaScript (gzip) reading progress adds to ${progress.chapter}: ${kb(progress.added)} (budget 5 KB)`,
    );
    printLighthouse(performance, accessibility);
    const withinBudget =
      worst.added <= JS_BUDGET_BYTES &&
      progress.added <= PROGRESS_BUDGET_BYTES &&
      median < SIGN_IN_BUDGET_MS &&
      staticText &&
      performance.every((row) => medianOf(row.shipped) >= row.goal) &&
      accessibility.every((row) => row.score === 100);
    console.log(
      `\nBudgets (≤ 30 KB gzip added, < 1.5 s sign-in → profile, static text, Lighthouse goals): ${withinBudget ? "met" : "NOT met"}`,
    );
    await writeBenchResult({
      workspace: "website",
      settings: `chapters ${CHAPTERS.join(", ")}; ${SIGN_INS} timed sign-ins in fresh browser profiles`,
      postgres,
      figures: [
        {
          measure: `JavaScript (gzip) that accounts and personalisation add to a chapter page (${worst.chapter}, the larger of ${CHAPTERS.length})`,
          goal: "≤ 30 KB",
          value: worst.added / 1024,
          unit: "KB",
          sides: [
            { label: "with accounts", value: worst.withAccounts / 1024 },
            { label: "without", value: worst.without / 1024 },
          ],
          sidesUnit: "KB",
          met: worst.added <= JS_BUDGET_BYTES,
          // The builds are deterministic: measuring them again would give the same bytes.
          runs: 1,
        },
        {
          measure: `JavaScript (gzip) that reading progress adds to a chapter page (${progress.chapter}, the larger of ${CHAPTERS.length})`,
          goal: "≤ 5 KB",
          value: progress.added / 1024,
          unit: "KB",
          sides: [
            { label: "with progress", value: progress.withProgress / 1024 },
            { label: "without", value: progress.without / 1024 },
          ],
          sidesUnit: "KB",
          met: progress.added <= PROGRESS_BUDGET_BYTES,
          runs: 1,
        },
        medianFigure(
          {
            measure: 'click on "Sign in" → profile page showing the learner\'s data',
            goal: "< 1,500 ms",
            unit: "ms",
          },
          times,
          (ms) => ms < SIGN_IN_BUDGET_MS,
        ),
        ...lighthouseBenchFigures(performance, accessibility),
      ],
    });
    return withinBudget ? 0 : 1;
  } finally {
    await browser.close();
    // The stack drops the database when it closes; before it started, the database is dropped here.
    await (stack ? stack.close() : database?.drop());
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Prints the Lighthouse tables in BENCHMARKS.md's form (medians, each run's scores in brackets). */
function printLighthouse(performance: PerformanceRow[], accessibility: AccessibilityRow[]): void {
  const runs = (scores: number[]) => `${medianOf(scores)} (${scores.join(", ")})`;
  const ms = (values: number[]) => `${medianOf(values).toFixed(0)} ms`;
  console.log(
    "\n| page | goal | performance as shipped | TBT | without accounts | TBT |\n| --- | --- | --- | --- | --- | --- |",
  );
  for (const row of performance) {
    console.log(
      `| ${row.path} | ≥ ${row.goal} | **${runs(row.shipped)}** | ${ms(row.shippedTbtMs)} | ${runs(row.withoutAccounts)} | ${ms(row.withoutAccountsTbtMs)} |`,
    );
  }
  console.log("\n| page | locale | accessibility | failed audits |\n| --- | --- | --- | --- |");
  for (const row of accessibility) {
    console.log(`| ${row.path} | ${row.locale} | **${row.score}** | ${row.failed.join(", ") || "none"} |`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
