import { type ReactNode, useMemo } from "react";
import { useProfile } from "../profile/ProfileProvider.js";
import { PersonalisationProvider } from "./PersonalisationProvider.js";

/** Feeds the signed-in learner's background levels into personalisation. */
export function ProfilePersonalisation({ children }: { children: ReactNode }) {
  const { current } = useProfile();
  const software = current?.profile.softwareBackground ?? null;
  const hardware = current?.profile.hardwareBackground ?? null;
  const reader = useMemo(() => ({ software, hardware }), [software, hardware]);
  return <PersonalisationProvider reader={reader}>{children}</PersonalisationProvider>;
}
