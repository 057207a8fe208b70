import { useLocation } from "@docusaurus/router";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { isLocalPath } from "../../lib/local-path.js";

/**
 * Where to send the learner after signing in or registering: the `next` query parameter when it is a path on
 * this site (never another origin, so the parameter cannot redirect anywhere else), else `fallback`.
 */
export function useReturnPath(fallback = "/docs/intro"): string {
  const { search } = useLocation();
  const defaultPath = useBaseUrl(fallback);
  const next = new URLSearchParams(search).get("next");
  return next && isLocalPath(next) ? next : defaultPath;
}
