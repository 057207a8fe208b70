import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Preset from "@docusaurus/preset-classic";
import type { Config } from "@docusaurus/types";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { readBuildEnvironment } from "./config/build-environment.js";
import { chaptersPlugin } from "./config/chapters-plugin.js";
import { katexAssetsPlugin, katexStylesheetPath } from "./config/katex-assets-plugin.js";
import { localeDevServerPlugin } from "./config/locale-dev-server-plugin.js";
import { additionalCodeLanguages, codeTheme, codeThemePlugin } from "./config/prism-themes.js";
import { remarkKatexStylesheet } from "./config/remark-katex-stylesheet.js";
import { remarkMermaidImages } from "./config/remark-mermaid-images.js";
import { remarkTranslatedLinks } from "./config/remark-translated-links.js";
import { searchOptions } from "./config/search-options.js";
import { webpackPlugin } from "./config/webpack-plugin.js";

const require = createRequire(import.meta.url);

const build = readBuildEnvironment();
const DEFAULT_LOCALE = "en";
const SITE_DIR = dirname(fileURLToPath(import.meta.url));

const config: Config = {
  title: "Physical AI & Humanoid Robotics",
  tagline:
    "From the embodied-intelligence loop to a voice-commanded humanoid, one hands-on module at a time.",
  favicon: "img/favicon.svg",
  url: build.siteUrl,
  baseUrl: build.baseUrl,
  trailingSlash: false,
  onBrokenLinks: "throw",
  onBrokenAnchors: "warn",
  markdown: { hooks: { onBrokenMarkdownLinks: "throw" } },
  themes: [["@easyops-cn/docusaurus-search-local", searchOptions]],
  future: { v4: { removeLegacyPostBuildHeadAttribute: true } },
  // The Urdu edition is built under /ur/; README "The Urdu edition" explains translations and the notice.
  i18n: {
    defaultLocale: DEFAULT_LOCALE,
    locales: ["en", "ur"],
    localeConfigs: {
      en: { label: "English", direction: "ltr", htmlLang: "en" },
      ur: { label: "اردو", direction: "rtl", htmlLang: "ur" },
    },
  },
  // The only way build-time settings reach the browser; read them with useServiceUrls().
  customFields: {
    authUrl: build.authUrl,
    profileApiUrl: build.profileApiUrl,
  },
  plugins: [
    webpackPlugin,
    katexAssetsPlugin,
    codeThemePlugin,
    chaptersPlugin,
    ...(build.urDevServerUrl ? [localeDevServerPlugin({ locale: "ur", url: build.urDevServerUrl })] : []),
  ],
  presets: [
    [
      "classic",
      {
        docs: {
          routeBasePath: "docs",
          sidebarPath: "./sidebars.ts",
          showLastUpdateTime: false,
          // Maths in LaTeX ($…$ inline, $$…$$ display), typeset at build time; see remark-katex-stylesheet.ts.
          // Links between translated and untranslated chapters, in the other editions: see the plugin.
          beforeDefaultRemarkPlugins:
            build.locale && build.locale !== DEFAULT_LOCALE
              ? [[remarkTranslatedLinks, { siteDir: SITE_DIR, locale: build.locale }]]
              : [],
          remarkPlugins: [
            remarkMath,
            [remarkKatexStylesheet, { href: `${build.baseUrl}${katexStylesheetPath}` }],
            // Diagrams are drawn ahead of time and committed (diagrams/render-diagrams.ts): no Mermaid runtime.
            [remarkMermaidImages, { baseUrl: build.baseUrl }],
          ],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        theme: {
          customCss: [
            "./src/css/custom.css",
            // The Urdu edition's font, served by the site (readers' systems often lack one with Urdu's letters).
            // Only the Urdu pages name it (custom.css), so English pages never download its files.
            require.resolve("@fontsource/noto-naskh-arabic/arabic-400.css"),
            require.resolve("@fontsource/noto-naskh-arabic/arabic-700.css"),
          ],
        },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    image: "img/social-card.svg",
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: true } },
    navbar: {
      title: "Physical AI",
      logo: { alt: "Physical AI & Humanoid Robotics", src: "img/logo.svg" },
      items: [
        { type: "docSidebar", sidebarId: "textbook", position: "left", label: "Textbook" },
        { type: "doc", docId: "glossary", position: "left", label: "Glossary" },
        { type: "localeDropdown", position: "right" },
        { type: "custom-account", position: "right" },
      ],
    },
    footer: {
      style: "dark",
      links: [
        {
          title: "Textbook",
          items: [
            { label: "Start here", to: "/docs/intro" },
            { label: "ROS 2", to: "/docs/category/ros-2" },
            { label: "Glossary", to: "/docs/glossary" },
          ],
        },
        {
          title: "Licence",
          items: [
            { label: "Text: CC BY 4.0", href: "https://creativecommons.org/licenses/by/4.0/" },
            { label: "Code: MIT", href: "https://opensource.org/license/mit" },
          ],
        },
        {
          title: "Your account",
          items: [
            { label: "Create an account", to: "/register" },
            { label: "Sign in", to: "/login" },
            { label: "Learner profile", to: "/profile" },
          ],
        },
      ],
      copyright: `Physical AI & Humanoid Robotics · a self-hostable open textbook · ${new Date().getFullYear()} · text under CC BY 4.0, code under the MIT licence`,
    },
    prism: {
      // One theme whose colours are CSS variables set per colour mode (config/prism-themes.ts).
      theme: codeTheme,
      darkTheme: codeTheme,
      additionalLanguages: additionalCodeLanguages,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
