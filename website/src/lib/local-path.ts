/**
 * Whether `path` stays on this site: it starts with one "/" and not "//" or "/\" (which browsers read as
 * another host), so a `?next=` parameter cannot send the learner elsewhere after signing in.
 */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path);
}
