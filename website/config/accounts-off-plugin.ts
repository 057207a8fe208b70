import { fileURLToPath } from "node:url";
import type { Plugin } from "@docusaurus/types";
import {
  PROGRESS_OFF_ALIASES,
  PROGRESS_PROVIDER,
  PROGRESS_PROVIDER_BASELINE,
} from "./progress-off-plugin.js";

const baseline = (file: string) => fileURLToPath(new URL(`../src/baseline/${file}`, import.meta.url));

/**
 * Builds the textbook without accounts and personalisation, for the benchmark that measures what they add to
 * a chapter page: the swizzled theme components and the auth and profile providers are replaced by minimal
 * stand-ins that keep every chapter's content and every route (so webpack splits chunks the same way).
 */
export function accountsOffPlugin(): Plugin {
  return {
    name: "textbook-accounts-off",
    configureWebpack: (config, _isServer, { currentBundler }) => ({
      // Webpack's persistent cache does not notice changed aliases (webpack/webpack#13627): without a cache of
      // its own, this build would reuse the normal build's resolutions and measure the same bundle.
      ...(config.cache && typeof config.cache === "object" && "name" in config.cache
        ? { cache: { ...config.cache, name: `${config.cache.name}-accounts-off` } }
        : {}),
      plugins: [
        new currentBundler.instance.NormalModuleReplacementPlugin(
          /auth[\\/]AuthProvider\.js$/,
          baseline("AuthProvider.tsx"),
        ),
        new currentBundler.instance.NormalModuleReplacementPlugin(
          /profile[\\/]ProfileProvider\.js$/,
          baseline("ProfileProvider.tsx"),
        ),
        // Reading progress lives in the accounts' providers: the pages that show it get the no-progress stand-in.
        new currentBundler.instance.NormalModuleReplacementPlugin(
          PROGRESS_PROVIDER,
          PROGRESS_PROVIDER_BASELINE,
        ),
      ],
      resolve: {
        alias: {
          "@theme/Root": baseline("Root.tsx"),
          "@theme/MDXComponents": baseline("MDXComponents.tsx"),
          "@theme/NavbarItem/ComponentTypes": baseline("ComponentTypes.tsx"),
          // Reading progress lives in the accounts' providers; its theme wrappers go with them.
          ...PROGRESS_OFF_ALIASES,
        },
      },
    }),
  };
}
