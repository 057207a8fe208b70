import { type PrismTheme, themes } from "prism-react-renderer";

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

/** The code themes of the site, light and dark. */
export const codeThemes = {
  light: withReadableColours(themes.github),
  dark: withReadableColours(themes.dracula),
};
