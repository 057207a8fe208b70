import type { PrismTheme } from "prism-react-renderer";

/**
 * Code tokens' colours as CSS variables, so that one server-rendered page is right in both colour modes
 * (`config/prism-themes.ts` defines the variables' values per mode, `src/theme/CodeBlock/Line/Token` applies this).
 */

const kebab = (property: string) => property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The CSS custom property that holds one style property of one token type: `--code-keyword-font-style`. */
export const codeVariable = (type: string, property: string) => `--code-${type}-${kebab(property)}`;

const propertiesCache = new WeakMap<PrismTheme, Map<string, string[]>>();

/** The style properties a theme sets per token type. */
function propertiesByType(theme: PrismTheme): Map<string, string[]> {
  let byType = propertiesCache.get(theme);
  if (!byType) {
    byType = new Map();
    for (const entry of theme.styles) {
      for (const type of entry.types) {
        // Array.from, not a spread: the site's Babel build spreads loosely, which does not iterate a Set.
        byType.set(type, Array.from(new Set([...(byType.get(type) ?? []), ...Object.keys(entry.style)])));
      }
    }
    propertiesCache.set(theme, byType);
  }
  return byType;
}

/**
 * The inline style of a token of these types (outermost first, as prism-react-renderer lists them) under a theme
 * whose styles are variables (`codeTheme`). prism-react-renderer merges the types' styles in order, so the last
 * type that sets a property wins; in a colour mode where that type leaves it unset, an earlier type's value shows.
 * Each property is therefore a chain of fallbacks, `var(--code-attr-value-color, var(--code-tag-color))`, which
 * picks the last type whose variable the current mode defines. `undefined` for plain text.
 */
export function tokenStyle(theme: PrismTheme, types: readonly string[]): Record<string, string> | undefined {
  if (types.length === 1 && types[0] === "plain") return undefined;
  const byType = propertiesByType(theme);
  const style: Record<string, string> = {};
  for (const type of types) {
    for (const property of byType.get(type) ?? []) {
      const previous = style[property];
      const variable = codeVariable(type, property);
      style[property] = previous === undefined ? `var(${variable})` : `var(${variable}, ${previous})`;
    }
  }
  return Object.keys(style).length > 0 ? style : undefined;
}
