import { useDoc } from "@docusaurus/plugin-content-docs/client";
import type { WrapperProps } from "@docusaurus/types";
import useDocusaurusContext from "@docusaurus/useDocusaurusContext";
import { UntranslatedNotice } from "@site/src/components/i18n/UntranslatedNotice.js";
import { isTranslatedSource } from "@site/src/lib/translation-status.js";
import type ContentType from "@theme/DocItem/Content";
import Content from "@theme-original/DocItem/Content";

type Props = WrapperProps<typeof ContentType>;

/**
 * The chapter's content, wrapped (not ejected). In another locale, a chapter not translated yet is the English
 * file (Docusaurus's fallback): it gets a notice in the reader's language above it, and is marked `lang="en"`
 * and left to right, so screen readers pronounce it as English and its punctuation stays in place.
 */
export default function ContentWrapper(props: Props) {
  const { metadata } = useDoc();
  const { i18n } = useDocusaurusContext();
  if (isTranslatedSource(metadata.source, i18n)) return <Content {...props} />;
  return (
    <>
      <UntranslatedNotice />
      <div lang={i18n.defaultLocale} dir={i18n.localeConfigs[i18n.defaultLocale]?.direction ?? "ltr"}>
        <Content {...props} />
      </div>
    </>
  );
}
