import { useServiceUrls } from "@site/src/lib/service-urls.js";
import { fetchSignInProviders, type SignInProvider } from "@site/src/lib/sign-in-providers.js";
import { useEffect, useState } from "react";

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
