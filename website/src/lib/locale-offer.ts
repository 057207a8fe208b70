/**
 * The site locale to offer a reader whose profile names `preferredLanguage` (a language tag such as `ur` or
 * `ur-PK`), or null. Only readers of the default locale are offered another: every profile has a preferred
 * language (`en` unless the learner chose one), so offering the default edition back would nag everyone who
 * opens the Urdu site on purpose.
 */
export function offeredLocale(
  preferredLanguage: string | null | undefined,
  site: { currentLocale: string; defaultLocale: string; locales: readonly string[] },
): string | null {
  if (!preferredLanguage || site.currentLocale !== site.defaultLocale) return null;
  const tag = preferredLanguage.trim().toLowerCase();
  const locale = site.locales.find((candidate) => {
    const code = candidate.toLowerCase();
    return tag === code || tag.startsWith(`${code}-`);
  });
  return locale && locale !== site.currentLocale ? locale : null;
}

/** The localStorage key that remembers a reader turned down the offer of `locale`. */
export function offerDismissedKey(locale: string): string {
  return `textbook:language-offer-dismissed:${locale}`;
}
