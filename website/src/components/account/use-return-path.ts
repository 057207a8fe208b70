import { useLocation } from "@docusaurus/router";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { isLocalPath } from "@site/src/lib/local-path.js";

/**
 * Where to send the learner after signing in or registering: the `next` query parameter when it is a path on
 * this site; the home page when `next` is anything else (never another origin, so the parameter cannot redirect
 * anywhere else); `fallback` when there is none.
 */
export function useReturnPath(fallback = "/docs/intro"): string {
  const { search } = useLocation();
  const defaultPath = useBaseUrl(fallback);
  const homePage = useBaseUrl("/");
  const next = new URLSearchParams(search).get("next");
  if (next === null || next === "") return defaultPath;
  return isLocalPath(next) ? next : homePage;
}
