import type { ReactNode } from "react";
import type { ProfileState } from "../../../src/components/profile/ProfileProvider.js";

// Build without accounts (bench/builds): no profile is ever loaded.
const IDLE: ProfileState = {
  status: "idle",
  current: null,
  api: null,
  update: () => undefined,
  reload: () => undefined,
};

export function ProfileProvider({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function useProfile(): ProfileState {
  return IDLE;
}
