import { fileURLToPath } from "node:url";
import type { Plugin } from "@docusaurus/types";

const baseline = (file: string) => fileURLToPath(new URL(`../src/baseline/${file}`, import.meta.url));

/** The webpack aliases that take reading progress out of a build (also used by the accounts-off build). */
export const PROGRESS_OFF_ALIASES = {
  "@theme/DocItem/Footer": baseline("DocItemFooter.tsx"),
  "@theme/DocSidebarItem/Link": baseline("DocSidebarItemLink.tsx"),
};

/** Every import of the progress provider (relative or `@site/`), replaced by the no-progress stand-in. */
export const PROGRESS_PROVIDER = /ReadingProgressProvider\.js$/;
export const PROGRESS_PROVIDER_BASELINE = baseline("ReadingProgressProvider.tsx");

/**
 * Builds the textbook without reading progress (TEXTBOOK_PROGRESS=off), for the benchmark that measures the
 * JavaScript progress adds to a chapter page: the provider becomes a pass-through and the two wrapped theme
 * components are the theme's own.
 */
export function progressOffPlugin(): Plugin {
  return {
    name: "textbook-progress-off",
    configureWebpack: (config, _isServer, { currentBundler }) => ({
      // As in accounts-off-plugin.ts: a cache of its own, or webpack reuses the normal build's resolutions.
      ...(config.cache && typeof config.cache === "object" && "name" in config.cache
        ? { cache: { ...config.cache, name: `${config.cache.name}-progress-off` } }
        : {}),
      plugins: [
        new currentBundler.instance.NormalModuleReplacementPlugin(
          PROGRESS_PROVIDER,
          PROGRESS_PROVIDER_BASELINE,
        ),
      ],
      resolve: { alias: PROGRESS_OFF_ALIASES },
    }),
  };
}
