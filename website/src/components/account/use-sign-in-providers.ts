import { useEffect, useState } from "react";
import { useServiceUrls } from "../../lib/service-urls.js";
import { fetchSignInProviders, type SignInProvider } from "../../lib/sign-in-providers.js";

/** `null` while asking or when the auth-server cannot be asked (the page's own notice says so). */
export function useSignInProviders(): SignInProvider[] | null {
  const { authUrl } = useServiceUrls();
  const [providers, setProviders] = useState<SignInProvider[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchSignInProviders(authUrl, controller.signal).then(setProviders, () => setProviders(null));
    return () => controller.abort();
  }, [authUrl]);
  return providers;
}
