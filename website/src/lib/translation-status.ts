/**
 * Whether a doc page of `locale` shows a translation: its source (the docs plugin's `metadata.source`, such as
 * `@site/i18n/ur/docusaurus-plugin-content-docs/current/intro.md`) lies under that locale's `i18n/` folder.
 * An untranslated chapter's source stays `@site/docs/…`: Docusaurus falls back to the English file.
 * The default locale's pages are always the original, so they count as translated.
 */
export function isTranslatedSource(
  source: string,
  site: { currentLocale: string; defaultLocale: string },
): boolean {
  if (site.currentLocale === site.defaultLocale) return true;
  return source.startsWith(`@site/i18n/${site.currentLocale}/`);
}
