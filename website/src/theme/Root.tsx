import type { ReactNode } from "react";
import { AuthProvider } from "../components/auth/AuthProvider.js";
import { LanguageOffer } from "../components/i18n/LanguageOffer.js";
import { ProfilePersonalisation } from "../components/personalisation/ProfilePersonalisation.js";
import { ProfileProvider } from "../components/profile/ProfileProvider.js";
import { ReadingProgressProvider } from "../components/progress/ReadingProgressProvider.js";

/**
 * Wraps every page in the auth state, the learner's profile, reading progress and personalisation, and adds
 * the offer of the learner's preferred language (it needs the profile, and appears on every page).
 */
export default function Root({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <ProfileProvider>
        <ReadingProgressProvider>
          <ProfilePersonalisation>{children}</ProfilePersonalisation>
        </ReadingProgressProvider>
        <LanguageOffer />
      </ProfileProvider>
    </AuthProvider>
  );
}
