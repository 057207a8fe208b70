import type { Plugin } from "@docusaurus/types";
import { type PrismTheme, themes } from "prism-react-renderer";
import { codeVariable } from "../src/lib/code-token-style.js";

// prism-react-renderer's GitHub and Dracula themes colour some tokens (comments, numbers, strings, keywords,
// functions) below WCAG AA's 4.5:1 on their own backgrounds (2.6–4.3:1, flagged by Lighthouse and axe). These
// are the same themes with those colours darkened (light) or lightened (dark) to at least 4.7:1, same hues.
const REPLACEMENTS: Record<string, string> = {
  "#999988": "#636356",
  "#36acaa": "#1a7a78",
  "#e3116c": "#c70f5f",
  "#00a4db": "#0072a3",
  "#d73a49": "#c5303f",
  "rgb(98, 114, 164)": "#8b9bd0",
};

function withReadableColours(theme: PrismTheme): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((style) => {
      const colour = style.style.color;
      const replacement = colour ? REPLACEMENTS[colour] : undefined;
      return replacement ? { ...style, style: { ...style.style, color: replacement } } : style;
    }),
  };
}

/** The languages highlighted beyond those prism-react-renderer's Prism bundles (Docusaurus's `additionalLanguages`). */
export const additionalCodeLanguages = ["bash", "python", "yaml", "json", "cpp", "cmake"];

/** The code themes of the site, light and dark: the colours a reader sees in each colour mode. */
export const codeThemes = {
  light: withReadableColours(themes.github),
  dark: withReadableColours(themes.dracula),
};

type Style = Record<string, string | number>;

/**
 * A theme's style for each token type, as prism-react-renderer resolves it (its `themeToDict`: the entries in
 * order, a later one overriding an earlier one's properties). `plain` is the code block's own colours. Neither of
 * the site's themes has per-language entries, which this does not handle.
 */
export function styleByType(theme: PrismTheme): Map<string, Style> {
  if (theme.styles.some((entry) => entry.languages)) {
    throw new Error("per-language entries in a code theme are not supported (config/prism-themes.ts)");
  }
  const byType = new Map<string, Style>([["plain", { ...(theme.plain as Style) }]]);
  for (const entry of theme.styles) {
    for (const type of entry.types) byType.set(type, { ...byType.get(type), ...(entry.style as Style) });
  }
  return byType;
}

/**
 * The one theme the site renders code with, in both colour modes: each token type's style properties (those
 * either theme sets) are CSS variables, whose values per colour mode are `codeThemeCss`. Docusaurus's theme renders
 * code blocks with the light theme on the server, so it renders every code block a second time, from scratch, once
 * the page has hydrated, for every reader (its `CodeBlock` changes a `key`), to give dark-mode readers their colours:
 * on a chapter with eight code blocks that was most of the page's blocking time (BENCHMARKS.md, "website"). With
 * the same inline styles in both modes, the server's HTML is right for either, and `src/theme/CodeBlock/index.tsx`
 * renders each block once. A token's style is a chain of these variables (`tokenStyle`, src/lib/code-token-style.ts),
 * applied by `src/theme/CodeBlock/Line/Token`.
 */
export const codeTheme: PrismTheme = (() => {
  const light = styleByType(codeThemes.light);
  const dark = styleByType(codeThemes.dark);
  const types = [...new Set([...light.keys(), ...dark.keys()])].filter((type) => type !== "plain");
  const variables = (type: string): Style => {
    const properties = new Set([...Object.keys(light.get(type) ?? {}), ...Object.keys(dark.get(type) ?? {})]);
    return Object.fromEntries(
      [...properties].map((property) => [property, `var(${codeVariable(type, property)})`]),
    );
  };
  return {
    plain: variables("plain"),
    styles: types.map((type) => ({ types: [type], style: variables(type) })),
  };
})();

/** One colour mode's values of the variables, as CSS declarations; a property the mode does not set is left out. */
function declarations(theme: PrismTheme): string {
  return [...styleByType(theme)]
    .flatMap(([type, style]) =>
      Object.entries(style).map(([property, value]) => `${codeVariable(type, property)}:${value};`),
    )
    .join("");
}

/**
 * The values of `codeTheme`'s variables in each colour mode (Docusaurus sets `data-theme` on `<html>` before the
 * page paints). The two rules never both apply, so a variable one mode leaves undefined is undefined in that mode
 * (custom properties inherit: a light value on `:root` would show through in dark mode), and a token's chain falls
 * back to an enclosing type's value or to `unset` (the code block's colour), as the theme itself would give.
 * Served in every page's `<head>` by `codeThemePlugin`.
 */
export const codeThemeCss = `:root:not([data-theme="dark"]){${declarations(codeThemes.light)}}:root[data-theme="dark"]{${declarations(codeThemes.dark)}}`;

/** Adds `codeThemeCss` to every page's `<head>`, before the site's stylesheets load. */
export function codeThemePlugin(): Plugin {
  return {
    name: "textbook-code-theme",
    injectHtmlTags: () => ({
      headTags: [{ tagName: "style", attributes: { "data-code-theme": "" }, innerHTML: codeThemeCss }],
    }),
  };
}
