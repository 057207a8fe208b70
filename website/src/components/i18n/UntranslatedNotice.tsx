import Translate from "@docusaurus/Translate";
import styles from "./i18n.module.css";

/**
 * Says, in the reader's language, that the chapter below is the English original, not yet translated. A note
 * (not an `aside`, which inside `main` breaks axe's landmark rules); the search index skips it, since it is on
 * every untranslated chapter and says nothing about the chapter.
 */
export function UntranslatedNotice() {
  return (
    <div
      role="note"
      className={`alert alert--info ${styles.untranslated}`}
      data-untranslated-notice=""
      data-search-ignore=""
    >
      <Translate id="i18n.untranslated.notice">
        This chapter has not been translated yet: you are reading the English original.
      </Translate>
    </div>
  );
}
