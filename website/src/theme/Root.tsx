import type { ReactNode } from "react";
import { AuthProvider } from "../components/auth/AuthProvider.js";
import { ProfilePersonalisation } from "../components/personalisation/ProfilePersonalisation.js";
import { ProfileProvider } from "../components/profile/ProfileProvider.js";

/** Wraps every page in the auth state, the learner's profile and what personalisation derives from it. */
export default function Root({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <ProfileProvider>
        <ProfilePersonalisation>{children}</ProfilePersonalisation>
      </ProfileProvider>
    </AuthProvider>
  );
}
