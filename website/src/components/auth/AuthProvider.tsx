import { createContext, type ReactNode, useCallback, useContext, useMemo } from "react";
import { type AuthClient, createTextbookAuthClient } from "../../lib/auth-client.js";
import { useServiceUrls } from "../../lib/service-urls.js";

/** `unavailable`: the auth-server could not be asked (down, or answering with errors). */
export type AuthStatus = "loading" | "signed-in" | "signed-out" | "unavailable";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
}

export interface AuthState {
  client: AuthClient;
  status: AuthStatus;
  user: SignedInUser | null;
  /** Id of this browser's session, to mark it in the session list. */
  sessionId: string | null;
  /** Asks the auth-server again (after a sign-in done outside the client's own calls). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Provides the Better Auth client and this browser's session to the whole site. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { authUrl } = useServiceUrls();
  const client = useMemo(() => createTextbookAuthClient(authUrl), [authUrl]);
  return <SessionState client={client}>{children}</SessionState>;
}

function SessionState({ client, children }: { client: AuthClient; children: ReactNode }) {
  const { data, isPending, error, refetch } = client.useSession();
  const refresh = useCallback(() => refetch(), [refetch]);
  const value = useMemo((): AuthState => {
    const status: AuthStatus = isPending
      ? "loading"
      : data
        ? "signed-in"
        : error && error.status !== 401
          ? "unavailable"
          : "signed-out";
    const user = data ? pickUser(data.user) : null;
    return { client, status, user, sessionId: data?.session.id ?? null, refresh };
  }, [client, data, isPending, error, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function pickUser(user: SignedInUser): SignedInUser {
  return { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified };
}

/** The auth state; only inside the site's Root. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth() needs the AuthProvider of src/theme/Root.tsx.");
  return state;
}
