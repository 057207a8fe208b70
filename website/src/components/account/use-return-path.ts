import { useLocation } from "@docusaurus/router";
import useBaseUrl from "@docusaurus/useBaseUrl";

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

/** A same-origin path: starts with one "/", not "//" or "/\" (which browsers treat as another host). */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path);
}
