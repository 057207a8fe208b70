import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type AuthClient, deferredAuthClient, loadAuthClient } from "../../lib/auth-client.js";
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

type Session = Pick<AuthState, "status" | "user" | "sessionId" | "refresh">;

/**
 * Provides the Better Auth client and this browser's session to the whole site. Better Auth is loaded after
 * the page (`loadAuthClient`): until then the status is `loading`, and `client` already takes calls (they wait
 * for it). If it cannot be loaded, sign-in is `unavailable`, as when the auth-server is down.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { authUrl } = useServiceUrls();
  const client = useMemo(() => deferredAuthClient(authUrl), [authUrl]);
  const [loaded, setLoaded] = useState<AuthClient | "failed" | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    let stale = false;
    setLoaded(null);
    loadAuthClient(authUrl).then(
      (real) => !stale && setLoaded(() => real),
      () => !stale && setLoaded("failed"),
    );
    return () => {
      stale = true;
    };
  }, [authUrl]);
  const value = useMemo((): AuthState => {
    if (session && loaded !== "failed") return { client, ...session };
    // Before Better Auth has arrived, a refresh waits for it and then has its session asked for again.
    const refresh = () => loadAuthClient(authUrl).then((real) => real.$store.notify("$sessionSignal"));
    const status = loaded === "failed" ? "unavailable" : "loading";
    return { client, status, user: null, sessionId: null, refresh };
  }, [authUrl, client, loaded, session]);
  // The session is read by a sibling of the page, so that the page's tree stays the same when Better Auth arrives.
  return (
    <AuthContext.Provider value={value}>
      {loaded && loaded !== "failed" ? <SessionReader client={loaded} onChange={setSession} /> : null}
      {children}
    </AuthContext.Provider>
  );
}

/** Reads the session with Better Auth's `useSession()` hook and hands it to the AuthProvider. */
function SessionReader({ client, onChange }: { client: AuthClient; onChange: (session: Session) => void }) {
  const { data, isPending, error, refetch } = client.useSession();
  const refresh = useCallback(() => refetch(), [refetch]);
  useEffect(() => {
    const status: AuthStatus = isPending
      ? "loading"
      : data
        ? "signed-in"
        : error && error.status !== 401
          ? "unavailable"
          : "signed-out";
    const user = data ? pickUser(data.user) : null;
    onChange({ status, user, sessionId: data?.session.id ?? null, refresh });
  }, [data, isPending, error, refresh, onChange]);
  return null;
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
