import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { fetchAccessToken } from "../../lib/auth-client.js";
import { clearPendingProfile, readPendingProfile } from "../../lib/pending-profile.js";
import {
  createProfileApiClient,
  type ProfileApiClient,
  type VersionedProfile,
} from "../../lib/profile-api-client.js";
import { useServiceUrls } from "../../lib/service-urls.js";
import { createTokenSource } from "../../lib/token-source.js";
import { useAuth } from "../auth/AuthProvider.js";

/** `absent`: signed in but no profile yet; `unavailable`: the profile-api could not be asked. */
export type ProfileStatus = "idle" | "loading" | "ready" | "absent" | "unavailable";

export interface ProfileState {
  status: ProfileStatus;
  current: VersionedProfile | null;
  /** The profile-api client for the signed-in learner (null when signed out). */
  api: ProfileApiClient | null;
  /** Takes the answer of a write as the current profile, so every page sees it at once. */
  update: (next: VersionedProfile | null) => void;
  reload: () => void;
}

const ProfileContext = createContext<ProfileState | null>(null);

/** Loads the signed-in learner's profile once per session and shares it (personalisation, navbar, pages). */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const { profileApiUrl } = useServiceUrls();
  const { client, status: authStatus, user } = useAuth();
  const userId = authStatus === "signed-in" ? (user?.id ?? null) : null;
  const api = useMemo(() => {
    if (!userId) return null;
    const tokens = createTokenSource({ fetchToken: () => fetchAccessToken(client) });
    return createProfileApiClient(profileApiUrl, tokens);
  }, [client, profileApiUrl, userId]);
  const [status, setStatus] = useState<ProfileStatus>("idle");
  const [current, setCurrent] = useState<VersionedProfile | null>(null);
  const [attempt, setAttempt] = useState(0);
  const email = user?.email;

  // `attempt` is only a trigger: reload() bumps it to run the load again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the effect on purpose
  useEffect(() => {
    setCurrent(null);
    if (!api || !email) {
      setStatus("idle");
      return;
    }
    let stale = false;
    setStatus("loading");
    loadOrCreate(api, email).then(
      (loaded) => {
        if (stale) return;
        setCurrent(loaded);
        setStatus(loaded ? "ready" : "absent");
      },
      () => {
        if (!stale) setStatus("unavailable");
      },
    );
    return () => {
      stale = true;
    };
  }, [api, email, attempt]);

  const update = useCallback((next: VersionedProfile | null) => {
    setCurrent(next);
    setStatus(next ? "ready" : "absent");
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(
    () => ({ status, current, api, update, reload }),
    [status, current, api, update, reload],
  );
  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>;
}

/** The learner's profile, creating it from answers kept at registration when this is the first sign-in. */
async function loadOrCreate(api: ProfileApiClient, email: string): Promise<VersionedProfile | null> {
  const loaded = await api.getProfile();
  if (loaded) return loaded;
  const pending = readPendingProfile(email);
  if (!pending) return null;
  const created = await api.putProfile(pending);
  clearPendingProfile();
  return created;
}

/** The shared profile state; only inside the site's Root. */
export function useProfile(): ProfileState {
  const state = useContext(ProfileContext);
  if (!state) throw new Error("useProfile() needs the ProfileProvider of src/theme/Root.tsx.");
  return state;
}
