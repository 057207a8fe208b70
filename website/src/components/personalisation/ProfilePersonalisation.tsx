import { labHardwareOf } from "@site/src/lib/learner-profile.js";
import type { ReaderLevels } from "@site/src/lib/personalisation.js";
import { forgetLevels, readRememberedLevels, rememberLevels } from "@site/src/lib/remembered-levels.js";
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useState } from "react";
import { useAuth } from "../auth/AuthProvider.js";
import { useProfile } from "../profile/ProfileProvider.js";
import { PersonalisationProvider } from "./PersonalisationProvider.js";
import { useCodeTabFromProfile } from "./use-code-tab-from-profile.js";

const UNKNOWN: ReaderLevels = { software: null, hardware: null, labHardware: null };

/**
 * Feeds the signed-in learner's background levels into personalisation: from the profile once it has loaded,
 * and until then from the levels this browser remembered last time (never for a signed-out reader).
 */
export function ProfilePersonalisation({ children }: { children: ReactNode }) {
  const { status: authStatus, user } = useAuth();
  const { current } = useProfile();
  const userId = user?.id ?? null;
  const [remembered, setRemembered] = useState<ReaderLevels | null>(null);
  // Before the first paint after hydration (the server-rendered HTML shows every variant).
  useLayoutEffect(() => {
    setRemembered(readRememberedLevels(userId));
  }, [userId]);

  const software = current?.profile.softwareBackground ?? null;
  const hardware = current?.profile.hardwareBackground ?? null;
  const labHardware = useMemo(() => (current ? labHardwareOf(current.profile) : null), [current]);
  useEffect(() => {
    if (current && userId) rememberLevels(userId, { software, hardware, labHardware });
    if (authStatus === "signed-out") forgetLevels();
  }, [current, userId, software, hardware, labHardware, authStatus]);

  useCodeTabFromProfile(current?.profile.programmingLanguages ?? null);

  const reader = useMemo((): ReaderLevels => {
    if (current) return { software, hardware, labHardware };
    if (authStatus === "signed-out") return UNKNOWN;
    return remembered ?? UNKNOWN;
  }, [current, software, hardware, labHardware, authStatus, remembered]);
  return <PersonalisationProvider reader={reader}>{children}</PersonalisationProvider>;
}
