import { freePort } from "@textbook/dev-tools/free-port";
import type { Browser } from "playwright-core";
import { serveStatic } from "../test/e2e/support/static-server.js";
import { pageJavaScript } from "./chapter-javascript.js";

/** What reading progress adds to the chapter that gains the most: gzipped JavaScript with and without it. */
export interface ProgressJavaScript {
  chapter: string;
  added: number;
  withProgress: number;
  without: number;
}

/**
 * Compares each chapter of the site as shipped (`site`) with the same site built with TEXTBOOK_PROGRESS=off
 * (`withoutDir`): the provider, the chapter tracker, "Mark as done" and the sidebar ticks, all in one figure.
 */
export async function progressJavaScript(
  browser: Browser,
  site: { websiteUrl: string; buildDir: string },
  withoutDir: string,
  chapters: string[],
): Promise<ProgressJavaScript> {
  const port = await freePort();
  const server = await serveStatic(withoutDir, port);
  const withoutUrl = `http://localhost:${port}`;
  let worst: ProgressJavaScript = {
    chapter: "",
    added: Number.NEGATIVE_INFINITY,
    withProgress: 0,
    without: 0,
  };
  try {
    for (const chapter of chapters) {
      const withProgress = await pageJavaScript(browser, site.websiteUrl, site.buildDir, chapter);
      const without = await pageJavaScript(browser, withoutUrl, withoutDir, chapter);
      const added = withProgress.gzipBytes - without.gzipBytes;
      if (added > worst.added) {
        worst = { chapter, added, withProgress: withProgress.gzipBytes, without: without.gzipBytes };
      }
    }
  } finally {
    await server.close();
  }
  return worst;
}
