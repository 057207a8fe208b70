import { translate } from "@docusaurus/Translate";
import { useAlternatePageUtils } from "@docusaurus/theme-common/internal";
import useDocusaurusContext from "@docusaurus/useDocusaurusContext";
import { useEffect, useState } from "react";
import { offerDismissedKey, offeredLocale } from "../../lib/locale-offer.js";
import { useProfile } from "../profile/ProfileProvider.js";
import styles from "./i18n.module.css";

/**
 * Offers a signed-in learner whose profile prefers another of the site's languages (Urdu) this page in that
 * language: a small box under the navbar, until they follow it or dismiss it (remembered in localStorage).
 * The offer is written in the offered language, marked with its `lang` and direction.
 */
export function LanguageOffer() {
  const { siteConfig, i18n } = useDocusaurusContext();
  const { current } = useProfile();
  const { createUrl } = useAlternatePageUtils();
  const locale = offeredLocale(current?.profile.preferredLanguage, i18n);
  // null until read in the browser: the server-rendered page never has the offer.
  const [dismissed, setDismissed] = useState<boolean | null>(null);
  useEffect(() => {
    if (!locale) return;
    setDismissed(readDismissed(offerDismissedKey(locale)));
  }, [locale]);
  if (!locale || dismissed !== false) return null;

  const config = i18n.localeConfigs[locale];
  const href = createUrl({ locale, fullyQualified: config?.url !== siteConfig.url });
  const dismiss = () => {
    try {
      localStorage.setItem(offerDismissedKey(locale), "1");
    } catch {
      // Storage refused (private mode, quota): the offer still goes away for this page.
    }
    setDismissed(true);
  };
  return (
    <aside
      className={styles.offer}
      aria-label={translate({ id: "i18n.offer.label", message: "Other language" })}
      data-language-offer={locale}
    >
      <p className={styles.offerText} lang={config?.htmlLang ?? locale} dir={config?.direction}>
        {offerText(locale)}{" "}
        <a href={href} target="_self" hrefLang={config?.htmlLang ?? locale}>
          {offerLinkText(locale)}
        </a>
      </p>
      <button
        type="button"
        className="clean-btn close"
        aria-label={translate({ id: "i18n.offer.dismiss", message: "Dismiss the language offer" })}
        onClick={dismiss}
      >
        ×
      </button>
    </aside>
  );
}

function readDismissed(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

// The offer speaks the language it offers, whatever the locale of the page it appears on.
const OFFER: Record<string, { text: string; link: string }> = {
  ur: { text: "آپ کے پروفائل میں پسندیدہ زبان اردو ہے۔", link: "یہ صفحہ اردو میں پڑھیں" },
};

function offerText(locale: string): string {
  return OFFER[locale]?.text ?? "";
}

function offerLinkText(locale: string): string {
  return OFFER[locale]?.link ?? locale;
}
