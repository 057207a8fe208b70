import { describe, expect, it } from "vitest";
import { isTranslatedSource } from "../../src/lib/translation-status.js";

const URDU = { currentLocale: "ur", defaultLocale: "en" };

describe("whether a chapter is shown translated", () => {
  it("counts a chapter whose source is in the locale's i18n folder as translated", () => {
    expect(isTranslatedSource("@site/i18n/ur/docusaurus-plugin-content-docs/current/intro.md", URDU)).toBe(
      true,
    );
  });

  it("counts the English file Docusaurus falls back to as untranslated", () => {
    expect(isTranslatedSource("@site/docs/05-humanoid-control/02-balance-and-zmp.mdx", URDU)).toBe(false);
  });

  it("does not take another locale's translation for this one's", () => {
    expect(isTranslatedSource("@site/i18n/fr/docusaurus-plugin-content-docs/current/intro.md", URDU)).toBe(
      false,
    );
  });

  it("counts every chapter of the default locale as the original", () => {
    expect(isTranslatedSource("@site/docs/intro.md", { currentLocale: "en", defaultLocale: "en" })).toBe(
      true,
    );
  });
});
