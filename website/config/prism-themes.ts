import { type PrismTheme, themes } from "prism-react-renderer";

// prism-react-renderer's GitHub and Dracula themes colour comments and numbers below WCAG AA's 4.5:1 on their
// own backgrounds (2.6–3.0:1, flagged by Lighthouse and axe). These are the same themes with those colours
// darkened (light) or lightened (dark) to at least 4.8:1, same hues.
const REPLACEMENTS: Record<string, string> = {
  "#999988": "#636356",
  "#36acaa": "#1a7a78",
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

/** The code themes of the site, light and dark. */
export const codeThemes = {
  light: withReadableColours(themes.github),
  dark: withReadableColours(themes.dracula),
};
