import type { ReactNode } from "react";
import type { ProfileState } from "../components/profile/ProfileProvider.js";

// Benchmark baseline (TEXTBOOK_ACCOUNTS=off): no profile is ever loaded.
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
