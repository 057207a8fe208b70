import type { ReactNode } from "react";
import type { AuthState } from "../../../src/components/auth/AuthProvider.js";

// Build without accounts (bench/builds): pages still build, but nobody can sign in and no auth code ships.
const SIGNED_OUT = {
  client: null,
  status: "signed-out",
  user: null,
  sessionId: null,
  refresh: async () => undefined,
} as unknown as AuthState;

export function AuthProvider({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function useAuth(): AuthState {
  return SIGNED_OUT;
}
