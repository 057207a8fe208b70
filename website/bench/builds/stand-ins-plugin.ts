import { fileURLToPath } from "node:url";
import type { Plugin } from "@docusaurus/types";

const standIn = (file: string) => fileURLToPath(new URL(`./stand-ins/${file}`, import.meta.url));

/** What the site loses in a reference build: accounts (with everything that lives in them), or only progress. */
export type Removed = "accounts" | "progress";

/** Theme components wrapped for reading progress, back to the theme's own. */
const PROGRESS_ALIASES = {
  "@theme/DocItem/Footer": standIn("DocItemFooter.tsx"),
  "@theme/DocSidebarItem/Link": standIn("DocSidebarItemLink.tsx"),
};

const ACCOUNTS_ALIASES = {
  "@theme/Root": standIn("Root.tsx"),
  "@theme/MDXComponents": standIn("MDXComponents.tsx"),
  "@theme/NavbarItem/ComponentTypes": standIn("ComponentTypes.tsx"),
  // Reading progress lives in the accounts' providers; its theme wrappers go with them.
  ...PROGRESS_ALIASES,
};

/**
 * Swaps the site's own parts for the minimal stand-ins of `stand-ins/`, which keep every chapter's content and
 * every route (so webpack splits the chunks the same way): the reference the benchmark compares the site with.
 * Modules are swapped by the end of their path (relative and `@site/` imports alike).
 */
export function standInsPlugin(removed: Removed): Plugin {
  const replacements: [RegExp, string][] = [
    [/ReadingProgressProvider\.js$/, standIn("ReadingProgressProvider.tsx")],
    ...(removed === "accounts"
      ? ([
          [/auth[\\/]AuthProvider\.js$/, standIn("AuthProvider.tsx")],
          [/profile[\\/]ProfileProvider\.js$/, standIn("ProfileProvider.tsx")],
        ] as [RegExp, string][])
      : []),
  ];
  return {
    name: `textbook-bench-without-${removed}`,
    configureWebpack: (config, _isServer, { currentBundler }) => ({
      // Webpack's persistent cache does not notice changed aliases (webpack/webpack#13627): without a cache of
      // its own, this build would reuse the site's resolutions and measure the same bundle.
      ...(config.cache && typeof config.cache === "object" && "name" in config.cache
        ? { cache: { ...config.cache, name: `${config.cache.name}-without-${removed}` } }
        : {}),
      plugins: replacements.map(
        ([pattern, file]) => new currentBundler.instance.NormalModuleReplacementPlugin(pattern, file),
      ),
      resolve: { alias: removed === "accounts" ? ACCOUNTS_ALIASES : PROGRESS_ALIASES },
    }),
  };
}
