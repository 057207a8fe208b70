// Path segments that are secrets: the reset link's token (`/api/auth/reset-password/<token>`), and anything shaped
// like a token (16+ characters of base64url, hex or a JWT, with a digit or a capital, unlike route names such as
// `request-password-reset`), wherever a route or a probe puts one.
const AFTER_SECRET_SEGMENT = new Set(["reset-password"]);
const TOKEN_SHAPED = /^(?=.*[0-9A-Z])[A-Za-z0-9_~.%-]{16,}$/;

/**
 * The URL as the logs may hold it: the query string replaced by `?[redacted]` (verification, reset, deletion
 * and OAuth links carry tokens and codes there) and token segments of the path replaced by `[redacted]`.
 */
export function logSafePath(url: string): string {
  const queryAt = url.search(/[?#]/);
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const segments = path.split("/").map((segment, index, all) => {
    const previous = index > 0 ? all[index - 1] : undefined;
    const secret =
      (previous !== undefined && AFTER_SECRET_SEGMENT.has(previous)) || TOKEN_SHAPED.test(segment);
    return secret && segment !== "" ? "[redacted]" : segment;
  });
  return segments.join("/") + (queryAt === -1 ? "" : "?[redacted]");
}
