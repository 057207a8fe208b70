/**
 * The textbook without reading progress: the benchmark's reference for what progress adds to a chapter page
 * (`docusaurus build --config bench/builds/docusaurus.without-progress.config.ts`).
 */
import type { Config } from "@docusaurus/types";
import site from "../../docusaurus.config.js";
import { standInsPlugin } from "./stand-ins-plugin.js";

export default {
  ...site,
  // Compared with the shipped build's English pages only: the Urdu edition would double the build for nothing.
  i18n: { ...site.i18n, locales: ["en"] },
  plugins: [...(site.plugins ?? []), () => standInsPlugin("progress")],
} satisfies Config;
