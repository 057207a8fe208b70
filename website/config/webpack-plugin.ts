import type { LoadContext, Plugin } from "@docusaurus/types";

/** The site's adjustments to Docusaurus's webpack configuration. */
export function webpackPlugin(context: LoadContext): Plugin {
  return {
    name: "textbook-webpack",
    configureWebpack: () => ({
      module: {
        rules: [
          // This package is "type": "module", which makes webpack parse Docusaurus's generated route registry
          // as strict ESM and leave its `require.resolveWeak` calls unbundled (webpack/webpack#15775).
          { test: /\.js$/, include: [context.generatedFilesDir], type: "javascript/auto" },
        ],
      },
      resolve: {
        // Client code imports `./file.js` for `./file.tsx`, the ESM convention of the rest of the repository
        // (and of TypeScript's NodeNext resolution); webpack resolves only the literal extension by default.
        extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      },
    }),
  };
}
