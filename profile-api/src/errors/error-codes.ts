/**
 * The error codes of the profile-api and their HTTP status. Clients branch on these strings, so a code is never
 * renamed or reused for another meaning; new ones may be added (README.md lists them all).
 */
export const ERROR_CODES = {
  validation_failed: 400,
  unauthorized: 401,
  profile_not_found: 404,
  route_not_found: 404,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  progress_limit_reached: 422,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
  service_overloaded: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
