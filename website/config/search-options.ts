import type { PluginOptions } from "@easyops-cn/docusaurus-search-local";

/**
 * The languages the search index is built for, one per site locale (lunr-languages codes; "en" needs nothing
 * extra). A new locale adds its code here, and the plugin builds one index per locale at build time. Urdu (`ur`)
 * is not here: lunr-languages has no Urdu, and the plugin sets Lunr up once for every locale of a build, so the
 * Urdu index uses the English pipeline (README, "The Urdu edition").
 */
export const SEARCH_LANGUAGES: string[] = ["en"];

/**
 * Offline, self-hosted full-text search over the chapters and the glossary: the index is a static file written
 * at build time, and the search bar fetches it (and its worker) the first time the reader hovers or focuses it,
 * never with every page.
 */
export const searchOptions = {
  language: SEARCH_LANGUAGES,
  indexDocs: true,
  docsRouteBasePath: "docs",
  indexBlog: false,
  indexPages: false,
  // The file name carries the docs' content hash, so a reader's cache never serves an old index.
  hashed: "filename",
  searchBarPosition: "right",
  explicitSearchResultPath: true,
  // The personalisation switches repeat on every page and say nothing about the chapter.
  ignoreCssSelectors: ["[data-search-ignore]"],
} satisfies PluginOptions;
