import type * as Preset from "@docusaurus/preset-classic";
import type { Config } from "@docusaurus/types";
import { themes as prismThemes } from "prism-react-renderer";
import { accountsOffPlugin } from "./config/accounts-off-plugin.js";
import { readBuildEnvironment } from "./config/build-environment.js";
import { chaptersPlugin } from "./config/chapters-plugin.js";
import { progressOffPlugin } from "./config/progress-off-plugin.js";
import { webpackPlugin } from "./config/webpack-plugin.js";

const build = readBuildEnvironment();

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
  markdown: { mermaid: true, hooks: { onBrokenMarkdownLinks: "throw" } },
  themes: ["@docusaurus/theme-mermaid"],
  future: { v4: { removeLegacyPostBuildHeadAttribute: true } },
  i18n: { defaultLocale: "en", locales: ["en"] },
  // The only way build-time settings reach the browser; read them with useServiceUrls().
  customFields: {
    authUrl: build.authUrl,
    profileApiUrl: build.profileApiUrl,
  },
  plugins: [
    webpackPlugin,
    chaptersPlugin,
    ...(build.accounts ? [] : [accountsOffPlugin]),
    ...(build.progress ? [] : [progressOffPlugin]),
  ],
  presets: [
    [
      "classic",
      {
        docs: { routeBasePath: "docs", sidebarPath: "./sidebars.ts", showLastUpdateTime: false },
        blog: false,
        theme: { customCss: "./src/css/custom.css" },
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
          title: "Your account",
          items: [
            { label: "Create an account", to: "/register" },
            { label: "Sign in", to: "/login" },
            { label: "Learner profile", to: "/profile" },
          ],
        },
      ],
      copyright: `Physical AI & Humanoid Robotics · a self-hostable open textbook · ${new Date().getFullYear()}`,
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ["bash", "python", "yaml", "json", "cpp", "cmake"],
    },
    mermaid: { theme: { light: "neutral", dark: "dark" } },
  } satisfies Preset.ThemeConfig,
};

export default config;
