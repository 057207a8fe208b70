import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { normalizeTokens, Prism, type PrismTheme } from "prism-react-renderer";
import { describe, expect, it } from "vitest";
import {
  additionalCodeLanguages,
  codeTheme,
  codeThemeCss,
  codeThemes,
  styleByType,
} from "../../config/prism-themes.js";
import { tokenStyle } from "../../src/lib/code-token-style.js";
import { WEBSITE_DIR } from "../e2e/support/build-site.js";

// The site renders code with one theme whose values are CSS variables (codeTheme), so that the server's HTML is
// right in both colour modes. These tests prove that every token of the book's code gets, in each mode, exactly the
// style the light or dark theme itself would give it.

type Style = Record<string, string | number>;

/** The style prism-react-renderer gives a token of these types (its getStyleForToken, for a non-empty token). */
function themeStyle(theme: PrismTheme, types: string[]): Style {
  const byType = styleByType(theme);
  if (types.length === 1 && types[0] === "plain") return {};
  const merged: Style = Object.assign({}, ...types.map((type) => byType.get(type) ?? {}));
  // As CSS text, the form the variables hold (opacity 0.7 is "0.7").
  return Object.fromEntries(Object.entries(merged).map(([property, value]) => [property, String(value)]));
}

/** A mode's variables, read back from the CSS the site serves. */
function variablesOf(mode: "light" | "dark"): Map<string, string> {
  // The two rules must exclude each other: a custom property set for both would leak light values into dark mode.
  const block =
    mode === "light"
      ? /^:root:not\(\[data-theme="dark"\]\)\{([^}]*)\}/
      : /:root\[data-theme="dark"\]\{([^}]*)\}$/;
  const body = block.exec(codeThemeCss)?.[1] ?? "";
  return new Map(
    body
      .split(";")
      .filter(Boolean)
      .map((declaration) => declaration.split(/:(.*)/s).slice(0, 2) as [string, string]),
  );
}

/** A CSS value of nested `var(--name, fallback)` resolved with a mode's variables; undefined when none is set. */
function resolve(value: string, variables: Map<string, string>): string | undefined {
  const match = /^var\((--[a-z-]+)(?:, (.*))?\)$/s.exec(value);
  if (!match) throw new Error(`${value} is not a variable`);
  const [, name = "", fallback] = match;
  return variables.get(name) ?? (fallback === undefined ? undefined : resolve(fallback, variables));
}

/** What the site's token component styles a token of these types with in a mode (tokenStyle, resolved). */
function resolvedStyle(types: string[], variables: Map<string, string>): Style {
  const resolved: Style = {};
  for (const [property, value] of Object.entries(tokenStyle(codeTheme, types) ?? {})) {
    const actual = resolve(value, variables);
    if (actual !== undefined) resolved[property] = actual;
  }
  return resolved;
}

/** Every fenced code block of the book's chapters (both editions), with its language. */
async function bookCode(): Promise<{ file: string; language: string; code: string }[]> {
  const blocks: { file: string; language: string; code: string }[] = [];
  for (const root of ["docs", "i18n"]) {
    const files = (await readdir(join(WEBSITE_DIR, root), { recursive: true })).filter((file) =>
      /\.mdx?$/.test(file),
    );
    for (const file of files) {
      const text = await readFile(join(WEBSITE_DIR, root, file), "utf8");
      for (const match of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) {
        blocks.push({ file: `${root}/${file}`, language: match[1] ?? "", code: match[2] ?? "" });
      }
    }
  }
  return blocks;
}

// The languages the site adds to prism-react-renderer's Prism, loaded as Docusaurus's theme does.
const require = createRequire(import.meta.url);
(globalThis as { Prism?: unknown }).Prism = Prism;
for (const language of additionalCodeLanguages) require(`prismjs/components/prism-${language}`);
delete (globalThis as { Prism?: unknown }).Prism;

describe("the code theme", () => {
  const modes = [
    ["light", codeThemes.light],
    ["dark", codeThemes.dark],
  ] as const;

  it.each(modes)("gives the code block itself the %s theme's colours", (mode, theme) => {
    const variables = variablesOf(mode);
    const plain = Object.fromEntries(
      Object.entries(codeTheme.plain).map(([property, value]) => [
        property,
        resolve(String(value), variables),
      ]),
    );
    expect(plain).toEqual(theme.plain);
  });

  it.each(modes)("gives every token of the book's code the %s theme's style", async (mode, theme) => {
    const variables = variablesOf(mode);
    const blocks = await bookCode();
    let tokens = 0;
    const highlighted = new Set<string>();
    for (const { file, language, code } of blocks) {
      const grammar = Prism.languages[language];
      if (!grammar) continue;
      highlighted.add(language);
      for (const line of normalizeTokens(Prism.tokenize(code, grammar))) {
        for (const token of line) {
          tokens++;
          expect(resolvedStyle(token.types, variables), `${file}: ${token.types.join(" ")}`).toEqual(
            themeStyle(theme, token.types),
          );
        }
      }
    }
    // The book has code in these languages: a parser or loader that found none would prove nothing.
    expect([...highlighted].sort()).toEqual(expect.arrayContaining(["bash", "python"]));
    expect(tokens).toBeGreaterThan(1000);
  });

  it("differs between the modes only through the variables: its inline styles are the same in both", () => {
    for (const entry of codeTheme.styles) {
      for (const value of Object.values(entry.style))
        expect(String(value)).toMatch(/^var\(--code-[a-z-]+\)$/);
    }
  });
});
