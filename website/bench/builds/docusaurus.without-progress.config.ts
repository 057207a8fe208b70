/**
 * The textbook without reading progress: the benchmark's reference for what progress adds to a chapter page
 * (`docusaurus build --config bench/builds/docusaurus.without-progress.config.ts`).
 */
import type { Config } from "@docusaurus/types";
import site from "../../docusaurus.config.js";
import { standInsPlugin } from "./stand-ins-plugin.js";

export default {
  ...site,
  plugins: [...(site.plugins ?? []), () => standInsPlugin("progress")],
} satisfies Config;
