import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

export interface PageJavaScript {
  files: number;
  /** Bytes as built, and gzipped at level 9 (as a static host would precompress them). */
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a page runs, as Chromium fetches it: the entry scripts and every chunk the router and the
 * page's components load until the network is idle (Mermaid's lazily loaded renderer included, when the page
 * has a diagram). Chunks Docusaurus merely prefetches for the links in view are not counted. `siteUrl`
 * serves `buildDir`.
 */
export async function pageJavaScript(
  browser: Browser,
  siteUrl: string,
  buildDir: string,
  path: string,
): Promise<PageJavaScript> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    const executed = response.request().resourceType() === "script";
    if (executed && url.origin === siteUrl && url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  await page.goto(`${siteUrl}${path}`, { waitUntil: "networkidle" });
  // On a busy machine the entry scripts can take longer to run than networkidle's 500 ms, before the route's
  // chunks are even requested: wait until React has hydrated (Docusaurus then marks <html>), then for the
  // network to settle again (lazily loaded parts such as Mermaid's renderer start after hydration).
  await page.waitForSelector("html[data-has-hydrated='true']", { state: "attached" });
  await page.waitForLoadState("networkidle");
  await context.close();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const script of scripts) {
    const content = await readFile(join(buildDir, script));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: scripts.size, rawBytes, gzipBytes };
}

/** Whether a page's static HTML already holds `texts` (it is server-rendered, not filled in by JavaScript). */
export async function htmlContains(buildDir: string, htmlPath: string, texts: string[]): Promise<boolean> {
  const html = await readFile(join(buildDir, htmlPath), "utf8");
  return texts.every((text) => html.includes(text));
}
