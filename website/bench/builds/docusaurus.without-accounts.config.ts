/**
 * The textbook without accounts and personalisation: the benchmark's reference for what they add to a chapter
 * page (`docusaurus build --config bench/builds/docusaurus.without-accounts.config.ts`).
 */
import type { Config } from "@docusaurus/types";
import site from "../../docusaurus.config.js";
import { standInsPlugin } from "./stand-ins-plugin.js";

export default {
  ...site,
  // Compared with the shipped build's English pages only: the Urdu edition would double the build for nothing.
  i18n: { ...site.i18n, locales: ["en"] },
  plugins: [...(site.plugins ?? []), () => standInsPlugin("accounts")],
} satisfies Config;
