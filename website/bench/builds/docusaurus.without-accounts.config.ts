/**
 * The textbook without accounts and personalisation: the benchmark's reference for what they add to a chapter
 * page (`docusaurus build --config bench/builds/docusaurus.without-accounts.config.ts`).
 */
import type { Config } from "@docusaurus/types";
import site from "../../docusaurus.config.js";
import { standInsPlugin } from "./stand-ins-plugin.js";

export default {
  ...site,
  plugins: [...(site.plugins ?? []), () => standInsPlugin("accounts")],
} satisfies Config;
