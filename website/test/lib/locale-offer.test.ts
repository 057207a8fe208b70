import { describe, expect, it } from "vitest";
import { offerDismissedKey, offeredLocale } from "../../src/lib/locale-offer.js";

const ENGLISH_SITE = { currentLocale: "en", defaultLocale: "en", locales: ["en", "ur"] };
const URDU_SITE = { ...ENGLISH_SITE, currentLocale: "ur" };

describe("the language offered to a reader", () => {
  it("offers Urdu on the English site to a profile that prefers Urdu, with or without a region", () => {
    expect(offeredLocale("ur", ENGLISH_SITE)).toBe("ur");
    expect(offeredLocale("ur-PK", ENGLISH_SITE)).toBe("ur");
    expect(offeredLocale(" UR ", ENGLISH_SITE)).toBe("ur");
  });

  it("offers nothing for the site's own language, a language the site lacks, or no profile", () => {
    expect(offeredLocale("en", ENGLISH_SITE)).toBeNull();
    expect(offeredLocale("pt-BR", ENGLISH_SITE)).toBeNull();
    expect(offeredLocale("urd", ENGLISH_SITE)).toBeNull();
    expect(offeredLocale(undefined, ENGLISH_SITE)).toBeNull();
    expect(offeredLocale("", ENGLISH_SITE)).toBeNull();
  });

  it("never offers the English site back to a reader of the Urdu one", () => {
    expect(offeredLocale("en", URDU_SITE)).toBeNull();
    expect(offeredLocale("ur", URDU_SITE)).toBeNull();
  });

  it("remembers a dismissal per offered language", () => {
    expect(offerDismissedKey("ur")).toBe("textbook:language-offer-dismissed:ur");
  });
});
