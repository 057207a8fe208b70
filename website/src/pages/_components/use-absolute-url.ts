import useBaseUrl from "@docusaurus/useBaseUrl";
import { useCallback } from "react";

/**
 * A function giving the absolute URL of a page of this site, for links the auth-server puts in e-mails. It
 * uses the origin the learner is on (known only in the browser, so call it from event handlers).
 */
export function useAbsoluteUrl(path: string): () => string {
  const pathWithBase = useBaseUrl(path);
  return useCallback(() => new URL(pathWithBase, window.location.origin).toString(), [pathWithBase]);
}
